using System.Collections;
using System.Management.Automation;
using Sync365.Core.Billing;
using Sync365.Core.Journal;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Tests;

/// <summary>Faults, a stopped pipeline and re-runs: the server ends where a clean run would, and the journal knows every change.</summary>
public class BulkCancelResilienceTests
{
    private static readonly DateTimeOffset Cancelled = new(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FaultsEndInTheStateOfAFaultFreeRunWithACompleteJournal()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var before = await CancelSim.AdditionsAsync(sim);
        var expected = CancelSim.ExpectedToCancel(before, _ => true, "CloudConsole", Cancelled.UtcDateTime.Date, DateTime.UtcNow.Date);
        await CancelSim.FaultsAsync(sim, "{\"rate429\":0.10,\"retryAfterSeconds\":1,\"rate500\":0.02,\"rateDrop\":0.02,\"seed\":7}");
        await CancelSim.ResetStatsAsync(sim);
        var journal = CancelSim.TempJournal();

        var run = ps.Invoke("Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 -ThrottleLimit 6 -JournalPath $journal -Confirm:$false", new Hashtable { ["journal"] = journal });

        await CancelSim.FaultsAsync(sim, "{}");
        Assert.False(run.HadErrors, string.Join("\n", run.Errors));
        var attempts = await CancelSim.CountAsync(sim, "PATCH", "additions");
        Assert.True(attempts > expected.Count, $"the faults should have forced retries ({attempts} PATCH attempts for {expected.Count} additions)");

        // Exactly the state a fault-free run reaches: the expected ones cancelled, everything else untouched.
        var after = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        var expectedIds = expected.Select(e => e.Id).ToHashSet();
        foreach (var b in before)
        {
            Assert.Equal(expectedIds.Contains(b.Id) ? Cancelled : b.Cancelled, after[b.Id].Cancelled);
        }

        // Progress showed counts and an estimate of the time left, and ended.
        var progress = run.Progress.Where(p => p.Activity == "Cancelling additions").ToList();
        Assert.Contains(progress, p => p.SecondsRemaining >= 0 && p.StatusDescription.Contains($" of {expected.Count + run.Of<BulkCancelResult>().Count(r => r.Status != CancelStatus.Cancelled)}: Cancelled ", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);

        // One intent and one answer per addition, all Done.
        var jr = Assert.Single(JournalReader.Read(journal).Runs);
        Assert.True(jr.Complete);
        Assert.Equal(expectedIds.OrderBy(x => x), jr.Changes.Select(c => c.RecordId).OrderBy(x => x));
        Assert.All(jr.Changes, c => Assert.Equal(ChangeState.Done, c.State));
    }

    [Fact]
    public async Task AStoppedRunLosesNoJournalLineAndARerunCompletesIt()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var before = await CancelSim.AdditionsAsync(sim);
        var expected = CancelSim.ExpectedToCancel(before, _ => true, "CloudConsole", Cancelled.UtcDateTime.Date, DateTime.UtcNow.Date);
        var journal = CancelSim.TempJournal();
        await CancelSim.FaultsAsync(sim, "{\"latencyMs\":40}");
        await CancelSim.ResetStatsAsync(sim);

        using (var pipeline = PowerShell.Create())
        {
            pipeline.Runspace = ps.Runspace;
            pipeline.AddCommand("Invoke-S365BulkCancelAddition").AddParameter("All").AddParameter("SerialNumber", "CloudConsole")
                .AddParameter("CancelDate", new DateTime(2026, 12, 31)).AddParameter("JournalPath", journal).AddParameter("Confirm", false);
            var async = pipeline.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CancelSim.CountAsync(sim, "PATCH", "additions") < 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            pipeline.Stop();
            Assert.Throws<PipelineStoppedException>(() => pipeline.EndInvoke(async));
        }

        // A request cancelled in flight may still be inside the simulator's 40 ms latency: let it settle first.
        await Task.Delay(500);

        await CancelSim.FaultsAsync(sim, "{}");
        var mid = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        var changedOnServer = before.Where(b => mid[b.Id].Cancelled != b.Cancelled).Select(b => b.Id).ToHashSet();
        Assert.NotEmpty(changedOnServer);
        Assert.True(changedOnServer.Count < expected.Count, "the run should have been stopped part way");

        // Every change the server made has its journal line; the run is marked as stopped.
        var stopped = Assert.Single(JournalReader.Read(journal).Runs);
        Assert.True(stopped.Stopped);
        var journalled = stopped.Changes.Select(c => c.RecordId).ToHashSet();
        Assert.Superset(changedOnServer, journalled);
        Assert.All(stopped.Changes.Where(c => c.State == ChangeState.Done), c => Assert.Contains(c.RecordId, changedOnServer));

        // A re-run finishes the rest and reports the done ones as AlreadyCancelled.
        var rerun = ps.Invoke("Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $journal -Confirm:$false", new Hashtable { ["journal"] = journal });
        Assert.False(rerun.HadErrors, string.Join("\n", rerun.Errors));
        var results = rerun.Of<BulkCancelResult>();
        Assert.Equal(expected.Select(e => e.Id).Except(changedOnServer).OrderBy(x => x), results.Where(r => r.Status == CancelStatus.Cancelled).Select(r => r.AdditionId).OrderBy(x => x));
        Assert.Superset(results.Where(r => r.Status == CancelStatus.AlreadyCancelled).Select(r => r.AdditionId).ToHashSet(), changedOnServer);
        var final = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        Assert.All(expected, e => Assert.Equal(Cancelled, final[e.Id].Cancelled));

        // And the whole journal (two runs) undoes to the original state.
        var undo1 = ps.Invoke("Get-S365Change -JournalPath $journal -Run | Where-Object UndoOf -eq $null | Undo-S365Change -Confirm:$false", new Hashtable { ["journal"] = journal });
        Assert.False(undo1.HadErrors, string.Join("\n", undo1.Errors));
        var restored = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        Assert.All(before, b => Assert.Equal(b.Cancelled, restored[b.Id].Cancelled));
    }
}
