using System.Collections;
using Sync365.Core.Billing;
using Sync365.Core.Journal;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Tests;

/// <summary>Invoke-S365BulkCancelAddition / Undo-S365Change / Get-S365Change against an in-process demo simulator.</summary>
public class BulkCancelCmdletTests
{
    private static readonly DateTime CancelDay = new(2026, 12, 31);

    private static bool InCompaniesStartingWithC(SimAddition a) => a.Company.StartsWith("C", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task WhatIfRunUndoAndRerunAgainstTheDemo()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var before = await CancelSim.AdditionsAsync(sim);
        var expected = CancelSim.ExpectedToCancel(before, InCompaniesStartingWithC, "CloudConsole", CancelDay, DateTime.UtcNow.Date);
        Assert.True(expected.Count >= 10, $"the demo should have CloudConsole additions in C* companies, found {expected.Count}");
        var journal = CancelSim.TempJournal();
        var vars = new Hashtable { ["journal"] = journal };

        // -WhatIf: the same plan, zero writes, no journal.
        await CancelSim.ResetStatsAsync(sim);
        var whatIf = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber cloudconsole -CancelDate 2026-12-31 -JournalPath $journal -WhatIf", vars);
        Assert.False(whatIf.HadErrors, string.Join("\n", whatIf.Errors));
        Assert.Equal(0, await CancelSim.CountAsync(sim, "PATCH", "additions"));
        Assert.False(File.Exists(journal));
        var would = whatIf.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.WouldCancel).Select(r => r.AdditionId).OrderBy(x => x).ToList();
        Assert.Equal(expected.Select(a => a.Id).OrderBy(x => x), would);

        // The real run cancels exactly those, and only those.
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $journal -Confirm:$false", vars);
        Assert.False(run.HadErrors, string.Join("\n", run.Errors));
        var cancelled = run.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.Cancelled).ToList();
        Assert.Equal(expected.Select(a => a.Id).OrderBy(x => x), cancelled.Select(r => r.AdditionId).OrderBy(x => x));
        Assert.Equal(expected.Count, await CancelSim.CountAsync(sim, "PATCH", "additions"));
        var after = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        foreach (var b in before)
        {
            var a = after[b.Id];
            if (expected.Any(e => e.Id == b.Id))
            {
                Assert.Equal(new DateTimeOffset(CancelDay, TimeSpan.Zero), a.Cancelled);
            }
            else
            {
                Assert.Equal(b.Cancelled, a.Cancelled);
            }
        }

        Assert.Contains(run.Information, i => i.Tags.Contains("Sync365.Journal") && i.MessageData.ToString()!.Contains(journal, StringComparison.Ordinal));
        Assert.Contains(run.Information, i => i.Tags.Contains("Sync365.Summary") && i.MessageData.ToString()!.Contains($"Cancelled {expected.Count}", StringComparison.Ordinal));

        // The journal: one run, every change Done, no keys in it.
        var file = JournalReader.Read(journal);
        var jr = Assert.Single(file.Runs);
        Assert.True(jr.Complete);
        Assert.Equal(expected.Count, jr.Done);
        Assert.Equal(sim.BaseUrl.ToString().TrimEnd('/'), jr.Server);
        Assert.Equal("sync365demo", jr.CompanyId);
        var text = File.ReadAllText(journal);
        Assert.DoesNotContain("demoprivate", text, StringComparison.Ordinal);

        // A second run changes nothing and reports them AlreadyCancelled.
        await CancelSim.ResetStatsAsync(sim);
        var again = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -Confirm:$false -JournalPath $journal", vars);
        Assert.False(again.HadErrors, string.Join("\n", again.Errors));
        Assert.Equal(0, await CancelSim.CountAsync(sim, "PATCH", "additions"));
        Assert.DoesNotContain(again.Of<BulkCancelResult>(), r => r.Status == CancelStatus.Cancelled);
        Assert.Superset(expected.Select(a => a.Id).ToHashSet(), again.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.AlreadyCancelled).Select(r => r.AdditionId).ToHashSet());

        // Get-S365Change lists the run and its changes.
        var changes = ps.Invoke("Get-S365Change -JournalPath $journal", vars).Of<JournalChange>();
        Assert.Equal(expected.Count, changes.Count);
        Assert.All(changes, c => Assert.Equal(ChangeState.Done, c.State));

        // Undo puts every one back.
        var undo = ps.Invoke("Undo-S365Change -JournalPath $journal -Confirm:$false", vars);
        Assert.False(undo.HadErrors, string.Join("\n", undo.Errors));
        Assert.Equal(expected.Count, undo.Of<UndoResult>().Count(u => u.Status == UndoStatus.Undone));
        var restored = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        Assert.All(before, b => Assert.Equal(b.Cancelled, restored[b.Id].Cancelled));

        // Undoing again changes nothing.
        var undo2 = ps.Invoke("Undo-S365Change -JournalPath $journal -RunId $runId -Confirm:$false", new Hashtable { ["journal"] = journal, ["runId"] = jr.RunId });
        Assert.False(undo2.HadErrors, string.Join("\n", undo2.Errors));
        Assert.All(undo2.Of<UndoResult>(), u => Assert.Equal(UndoStatus.AlreadyUndone, u.Status));
    }

    [Fact]
    public async Task UndoLeavesRecordsChangedSinceAlone()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var journal = CancelSim.TempJournal();
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'Contoso*' -SerialNumber Unite -CancelDate 2026-12-31 -JournalPath $journal -Confirm:$false", new Hashtable { ["journal"] = journal });
        var cancelled = run.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.Cancelled).ToList();
        Assert.True(cancelled.Count >= 2, $"need two cancelled additions, got {cancelled.Count}");

        // Someone moves one of them by hand afterwards.
        var moved = cancelled[0];
        using (var api = CancelSim.Api(sim))
        {
            using var r = await api.PatchAsync($"finance/agreements/{moved.AgreementId}/additions/{moved.AdditionId}",
                new StringContent("[{\"op\":\"replace\",\"path\":\"cancelledDate\",\"value\":\"2027-01-31T00:00:00Z\"}]", System.Text.Encoding.UTF8, "application/json"));
            r.EnsureSuccessStatusCode();
        }

        var undo = ps.Invoke("Undo-S365Change -JournalPath $journal -Confirm:$false", new Hashtable { ["journal"] = journal });
        var results = undo.Of<UndoResult>();
        var conflict = Assert.Single(results, u => u.Status == UndoStatus.Conflict);
        Assert.Equal(moved.AdditionId, conflict.RecordId);
        Assert.Contains(undo.Warnings, w => w.Contains("2027-01-31", StringComparison.Ordinal));
        Assert.Equal(cancelled.Count - 1, results.Count(u => u.Status == UndoStatus.Undone));
        var now = (await CancelSim.AdditionsAsync(sim)).Single(a => a.Id == moved.AdditionId);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), now.Cancelled);
    }

    [Fact]
    public async Task AMemberWithoutEditRightsFailsPerAdditionAndTheRunGoesOn()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim, limited: true);
        var journal = CancelSim.TempJournal();
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $journal -Confirm:$false; $ok = $?", new Hashtable { ["journal"] = journal });
        var results = run.Of<BulkCancelResult>();
        var failed = results.Where(r => r.Status == CancelStatus.Failed).ToList();
        Assert.True(failed.Count >= 10);
        Assert.Equal(failed.Count, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("PermissionDenied,Sync365.Commands.InvokeS365BulkCancelAdditionCommand", e.FullyQualifiedErrorId));
        Assert.All(failed, f => Assert.Contains("Agreements", f.Error, StringComparison.Ordinal));
        Assert.False((bool)ps.Runspace.SessionStateProxy.GetVariable("ok"));
        var jr = Assert.Single(JournalReader.Read(journal).Runs);
        Assert.Equal(failed.Count, jr.Failed);
        Assert.Equal(0, jr.Unknown);
    }

    [Fact]
    public async Task ManualAdditionsAreThoseWithoutASerialNumberAndTheDateIgnoresTheTimeZone()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var before = await CancelSim.AdditionsAsync(sim);
        var expected = CancelSim.ExpectedToCancel(before, a => a.Company.StartsWith("Fabrikam", StringComparison.Ordinal) && a.AgreementType == "Microsoft 365", null, new DateTime(2026, 12, 31), DateTime.UtcNow.Date);
        Assert.NotEmpty(expected);

        // A local time late in the evening: still the 31st, sent as 2026-12-31T00:00:00Z.
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -Company 'Fabrikam*' -AgreementType 'Microsoft 365' -CancelDate ([datetime]::new(2026, 12, 31, 23, 30, 0, [DateTimeKind]::Local)) -JournalPath $journal -Confirm:$false",
            new Hashtable { ["journal"] = CancelSim.TempJournal() });
        Assert.False(run.HadErrors, string.Join("\n", run.Errors));
        Assert.Equal(expected.Select(e => e.Id).OrderBy(x => x), run.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.Cancelled).Select(r => r.AdditionId).OrderBy(x => x));
        var after = (await CancelSim.AdditionsAsync(sim)).ToDictionary(a => a.Id);
        Assert.All(expected, e => Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), after[e.Id].Cancelled));
    }

    [Fact]
    public async Task AdditionsStartingAfterTheCancelDateAreReportedNotCancelled()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var before = await CancelSim.AdditionsAsync(sim);
        var late = before.Where(a => a.Effective > new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero) && a.Cancelled == null && a.Serial != null).ToList();
        Assert.NotEmpty(late);
        var one = late[0];
        await CancelSim.ResetStatsAsync(sim);
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -Company $id -SerialNumber $serial -CancelDate 2026-12-31 -JournalPath $journal -Confirm:$false",
            new Hashtable { ["id"] = one.CompanyId, ["serial"] = one.Serial, ["journal"] = CancelSim.TempJournal() });
        var skipped = Assert.Single(run.Of<BulkCancelResult>(), r => r.AdditionId == one.Id);
        Assert.Equal(CancelStatus.Skipped, skipped.Status);
        Assert.Contains("after the cancel date", skipped.Reason, StringComparison.Ordinal);
        Assert.Null((await CancelSim.AdditionsAsync(sim)).Single(a => a.Id == one.Id).Cancelled);
    }

    [Fact]
    public async Task CompaniesComeFromThePipelineByObjectNameOrId()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        var all = await CancelSim.AdditionsAsync(sim);
        var contoso = all.First(a => a.Company == "Contoso Ltd").CompanyId;
        var expected = CancelSim.ExpectedToCancel(all, a => a.Company == "Contoso Ltd" || a.Company.StartsWith("Fabrikam", StringComparison.Ordinal), "Unite", CancelDay, DateTime.UtcNow.Date)
            .Select(a => a.Id).OrderBy(x => x).ToList();
        Assert.NotEmpty(expected);
        await CancelSim.ResetStatsAsync(sim);

        var piped = ps.Invoke("Get-S365Company -Name 'Contoso Ltd', 'Fabrikam*' | Invoke-S365BulkCancelAddition -SerialNumber Unite -CancelDate 2026-12-31 -WhatIf");
        var mixed = ps.Invoke("Invoke-S365BulkCancelAddition -Company $id, 'Fabrikam*', 'No Such Company' -SerialNumber Unite -CancelDate 2026-12-31 -WhatIf", new Hashtable { ["id"] = contoso });

        Assert.False(piped.HadErrors, string.Join("\n", piped.Errors));
        Assert.Equal(expected, piped.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.WouldCancel).Select(r => r.AdditionId).OrderBy(x => x));
        Assert.Equal(expected, mixed.Of<BulkCancelResult>().Where(r => r.Status == CancelStatus.WouldCancel).Select(r => r.AdditionId).OrderBy(x => x));
        var notFound = Assert.Single(mixed.Errors);
        Assert.Equal("CompanyNotFound,Sync365.Commands.InvokeS365BulkCancelAdditionCommand", notFound.FullyQualifiedErrorId);
        Assert.Equal(0, await CancelSim.CountAsync(sim, "PATCH", "additions"));
    }

    [Fact]
    public async Task MappedAgreementsOnlySaysPlainlyThatMappingsDoNotExistYet()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        using var ps = CancelPs.Open(sim);
        await CancelSim.ResetStatsAsync(sim);
        var run = ps.Invoke("Invoke-S365BulkCancelAddition -All -SerialNumber Unite -CancelDate 2026-12-31 -MappedAgreementsOnly -Confirm:$false");
        var error = Assert.Single(run.Errors);
        Assert.Equal("MappingsNotAvailable,Sync365.Commands.InvokeS365BulkCancelAdditionCommand", error.FullyQualifiedErrorId);
        Assert.Empty(run.Output);
        Assert.Equal(0, await CancelSim.CountAsync(sim, "PATCH", "additions"));
    }
}
