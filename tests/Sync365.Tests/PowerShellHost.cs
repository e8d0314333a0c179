using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Sync365.Tests;

/// <summary>A PowerShell runspace with the built Sync365 module imported, for cmdlet-level tests.</summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost()
    {
        var iss = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(iss);
        _runspace.Open();
        var modulePath = Path.Combine(AppContext.BaseDirectory, "Sync365.dll");
        Invoke("Import-Module", new Dictionary<string, object?> { ["Name"] = modulePath });
    }

    public PowerShell Create()
    {
        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        return ps;
    }

    public IReadOnlyList<PSObject> Invoke(string command, IDictionary<string, object?>? parameters = null)
    {
        using var ps = Create();
        ps.AddCommand(command);
        if (parameters != null)
        {
            foreach (var kv in parameters)
            {
                ps.AddParameter(kv.Key, kv.Value);
            }
        }

        var result = ps.Invoke();
        if (ps.HadErrors)
        {
            var first = ps.Streams.Error.FirstOrDefault();
            throw new InvalidOperationException($"{command} failed: {first?.FullyQualifiedErrorId}: {first?.Exception.Message}");
        }

        return result;
    }

    public void ConnectDemo(Uri simulator)
    {
        var key = new System.Security.SecureString();
        foreach (var c in "demoprivate")
        {
            key.AppendChar(c);
        }

        Invoke("Connect-S365Psa", new Dictionary<string, object?>
        {
            ["Server"] = simulator.ToString(),
            ["CompanyId"] = "sync365demo",
            ["PublicKey"] = "demopublic",
            ["PrivateKey"] = key,
            ["ClientId"] = Guid.Parse("2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365"),
        });
    }

    public void Dispose() => _runspace.Dispose();
}
