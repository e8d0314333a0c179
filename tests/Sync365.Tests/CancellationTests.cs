using System.Diagnostics;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Tests;

public class CancellationTests
{
    [Fact]
    public async Task Stop_ends_an_in_flight_request_promptly_instead_of_waiting_for_the_server()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var session = CancelPs.Open(sim);

        // From now on the server takes 30 s to answer anything.
        await sim.Control.SetFaultsAsync(new { latencyMs = 30000 });

        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddCommand("Get-S365Company");
        var running = ps.BeginInvoke();
        await Task.Delay(500);
        Assert.False(running.IsCompleted, "the request should still be waiting on the slow server");

        var sw = Stopwatch.StartNew();
        ps.Stop();
        sw.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, ps.InvocationStateInfo.State);

        // Stop must cancel the HTTP call, not wait out the server's 30 s. The bound is generous on purpose:
        // this checks the behaviour (cancellation reaches HttpClient), not speed.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {sw.Elapsed.TotalSeconds:0.0} s");
    }
}
