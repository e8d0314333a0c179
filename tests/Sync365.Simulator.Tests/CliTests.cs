using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Sync365.Simulator.Tests;

/// <summary>Runs the real executable (Program.cs) as `dotnet Sync365.Simulator.dll ...`.</summary>
public class CliTests
{
    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Sync365.Simulator.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    [Fact]
    public async Task PrintsListeningLineAndServes()
    {
        using var p = Start("--urls", "http://127.0.0.1:0", "--scenario", "empty", "--latency-ms", "0");
        try
        {
            var readLine = p.StandardOutput.ReadLineAsync();
            var first = await readLine.WaitAsync(TimeSpan.FromSeconds(30));
            var m = Regex.Match(first ?? "", "^Sync365.Simulator listening on (http://127\\.0\\.0\\.1:\\d+/)$");
            Assert.True(m.Success, "first line: " + first);
            var creds = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains("demopublic", creds);
            Assert.Contains("demoprivate", creds);
            using var c = new HttpClient { BaseAddress = new Uri(m.Groups[1].Value) };
            using var r = await c.GetAsync("login/companyinfo/sync365demo");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task BadOptionsExitNonZero()
    {
        using var p = Start("--scenario", "nonsense");
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, p.ExitCode);
        Assert.Contains("nonsense", await p.StandardError.ReadToEndAsync());
    }
}
