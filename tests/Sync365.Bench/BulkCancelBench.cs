using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sync365.Core.Billing;
using Sync365.Core.Journal;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;

namespace Sync365.Bench;

/// <summary>
/// "Cancel every active CloudConsole addition of 1,000 agreements" against the scale scenario with 50 ms latency
/// per request: Sync365's engine (agreements in one paged list, additions in bundles filtered on the server,
/// journalled PATCHes -ThrottleLimit at a time) against the naive loop (agreements per company, additions per
/// agreement, one PATCH after another). Requests are counted by the simulator; both must end in the same state.
/// </summary>
public sealed class BulkCancelBench : IBenchmark
{
    private const int LatencyMs = 50;
    private const int ThrottleLimit = 4;
    private static readonly DateTime CancelDay = new(2026, 12, 31);

    public string Name => "bulk-cancel";

    public async Task<string> RunAsync(BenchContext context, CancellationToken ct)
    {
        int companies = context.Quick ? 10 : 100, perCompany = 10, perAgreement = 17;
        var options = new SimulatorOptions
        {
            Scenario = "scale",
            Companies = companies,
            AgreementsPerCompany = perCompany,
            AdditionsPerAgreement = perAgreement,
            Seed = 365,
            LatencyMs = LatencyMs,
        };
        await using var sim = await SimulatorHost.StartAsync(options, ct);
        context.Log($"Simulator {sim.BaseUrl} (scale: {companies * perCompany:N0} agreements x {perAgreement} additions, {LatencyMs} ms latency)");
        var settings = new ConnectWiseSettings
        {
            Server = sim.BaseUrl.ToString(),
            CompanyId = Scenarios.DemoCompanyId,
            PublicKey = Scenarios.FullPublicKey,
            PrivateKey = Scenarios.FullPrivateKey,
            ClientId = Guid.Parse(Scenarios.DemoClientId),
        };
        using var client = await ConnectWiseClient.ConnectAsync(settings, null, ct);
        var control = sim.Control;
        var criteria = new BulkCancelCriteria { SerialNumber = "CloudConsole", CancelDate = CancelDay, Today = DateTime.UtcNow.Date };

        // Sync365: what Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 does.
        var original = await CancelledSetAsync(control, ct);
        await control.ResetStatsAsync(ct);
        var sync = await RunSync365Async(client, criteria, ct);
        var syncRequests = await control.TotalRequestsAsync(ct);
        var syncState = await CancelledSetAsync(control, ct);
        var cancelled = sync.Cancelled;
        var agreements = sync.Agreements;
        var syncTime = sync.Time;
        var findTime = sync.FindTime;
        context.Log($"Sync365: {cancelled:N0} cancelled across {agreements:N0} agreements in {syncTime.TotalSeconds:0.0} s ({findTime.TotalSeconds:0.0} s finding), {syncRequests:N0} requests");

        // Undo-S365Change's engine on that journal: read every record, put back what still holds what the run wrote.
        await control.ResetStatsAsync(ct);
        var watch = Stopwatch.StartNew();
        var undone = await UndoAsync(client, sync.JournalPath, ct);
        watch.Stop();
        var undoTime = watch.Elapsed;
        var undoRequests = await control.TotalRequestsAsync(ct);
        var undoRestored = (await CancelledSetAsync(control, ct)).SetEquals(original);
        context.Log($"Undo: {undone:N0} put back in {undoTime.TotalSeconds:0.0} s, {undoRequests:N0} requests, original state: {undoRestored}");

        // The same run with 10 % 429 (Retry-After 1 s), 2 % 500 and 1 % dropped connections.
        await control.ResetAsync(ct);
        await control.SetFaultsAsync($"{{\"latencyMs\":{LatencyMs},\"rate429\":0.10,\"retryAfterSeconds\":1,\"rate500\":0.02,\"rateDrop\":0.01,\"seed\":11}}", ct);
        await control.ResetStatsAsync(ct);
        var faulty = await RunSync365Async(client, criteria, ct);
        var faultRequests = await control.TotalRequestsAsync(ct);
        await control.SetFaultsAsync($"{{\"latencyMs\":{LatencyMs}}}", ct);
        var faultState = await CancelledSetAsync(control, ct);
        var faultSame = faultState.SetEquals(syncState) && faulty.Cancelled == cancelled;
        File.Delete(faulty.JournalPath);
        context.Log($"Faults: {faulty.Cancelled:N0} cancelled in {faulty.Time.TotalSeconds:0.0} s, {faultRequests:N0} requests, same state: {faultSame}, journal {faulty.JournalDone:N0} Done of {faulty.JournalChanges:N0}");

        // The naive loop on the same data: companies, agreements per company, additions per agreement, PATCH one by one.
        await control.ResetAsync(ct);
        await control.ResetStatsAsync(ct);
        watch.Restart();
        var naiveCancelled = 0;
        var active = "(serialNumber=\"CloudConsole\") and (cancelledDate=null or cancelledDate>=[" + CancelDates.ToWire(criteria.LowerBound) + "])";
        foreach (var companyPage in client.ListPages<CwCompany>("company/companies", new ListQuery(), ct))
        {
            foreach (var company in companyPage)
            {
                foreach (var agreementPage in client.ListPages<CwAgreement>("finance/agreements", new ListQuery { Conditions = "company/id=" + company.Id.ToString(CultureInfo.InvariantCulture) }, ct))
                {
                    foreach (var agreement in agreementPage)
                    {
                        var resource = "finance/agreements/" + agreement.Id.ToString(CultureInfo.InvariantCulture) + "/additions";
                        foreach (var additionPage in client.ListPages<CwAddition>(resource, new ListQuery { Conditions = active }, ct))
                        {
                            foreach (var addition in additionPage)
                            {
                                var starts = addition.EffectiveDate.HasValue ? CancelDates.DateOf(addition.EffectiveDate.Value) : DateTime.MinValue;
                                var ends = addition.CancelledDate.HasValue ? CancelDates.DateOf(addition.CancelledDate.Value) : DateTime.MaxValue;
                                if (starts > CancelDay || ends <= CancelDay)
                                {
                                    continue;
                                }

                                await client.PatchAsync<CwAddition>(resource + "/" + addition.Id.ToString(CultureInfo.InvariantCulture),
                                    new[] { new CwPatchOperation("replace", "cancelledDate", CancelDates.ToWire(CancelDay)) }, ct);
                                naiveCancelled++;
                            }
                        }
                    }
                }
            }
        }

        watch.Stop();
        var naiveTime = watch.Elapsed;
        var naiveRequests = await control.TotalRequestsAsync(ct);
        var naiveState = await CancelledSetAsync(control, ct);
        context.Log($"Naive: {naiveCancelled:N0} cancelled in {naiveTime.TotalSeconds:0.0} s, {naiveRequests:N0} requests");

        var same = syncState.SetEquals(naiveState) && cancelled == naiveCancelled;
        return string.Join(Environment.NewLine, new[]
        {
            $"## Bulk cancel: {cancelled:N0} CloudConsole additions across {agreements:N0} agreements ({LatencyMs} ms latency)",
            string.Empty,
            $"Scale scenario: {companies} companies x {perCompany} agreements x {perAgreement} additions, seed 365; Sync365 with -ThrottleLimit {ThrottleLimit}.",
            string.Empty,
            "| | Requests | Wall time | Additions cancelled |",
            "|---|---:|---:|---:|",
            $"| Sync365 (bundled reads, {ThrottleLimit} journalled PATCHes at a time) | {syncRequests:N0} | {syncTime.TotalSeconds:0.0} s | {cancelled:N0} |",
            $"| Naive sequential loop (find per agreement, PATCH one by one) | {naiveRequests:N0} | {naiveTime.TotalSeconds:0.0} s | {naiveCancelled:N0} |",
            $"| Ratio (naive / Sync365) | {(double)naiveRequests / Math.Max(1, syncRequests):0.00}x | {naiveTime.TotalSeconds / Math.Max(0.001, syncTime.TotalSeconds):0.0}x | |",
            $"| Sync365 undo of that run (read each record, put back) | {undoRequests:N0} | {undoTime.TotalSeconds:0.0} s | {undone:N0} put back |",
            $"| Sync365 with 10 % 429 (Retry-After 1 s), 2 % 500, 1 % dropped connections | {faultRequests:N0} | {faulty.Time.TotalSeconds:0.0} s | {faulty.Cancelled:N0} |",
            string.Empty,
            $"Sync365 spent {findTime.TotalSeconds:0.0} s finding and planning; its journal holds {sync.JournalChanges:N0} changes, {sync.JournalDone:N0} Done. Naive and Sync365 end in the same server state: {(same ? "yes" : "NO")}. " +
            $"The undo restored the original state: {(undoRestored ? "yes" : "NO")}. The run under faults ended in the fault-free run's state: {(faultSame ? "yes" : "NO")}, with {faulty.JournalDone:N0} of {faulty.JournalChanges:N0} journalled changes Done.",
        });
    }

    private static async Task<SyncRun> RunSync365Async(ConnectWiseClient client, BulkCancelCriteria criteria, CancellationToken ct)
    {
        var journalPath = Path.Combine(Path.GetTempPath(), "s365-bench-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var watch = Stopwatch.StartNew();
        var finder = new AdditionFinder(client, "bench");
        var agreements = finder.FindAgreements(null, criteria, ct);
        var plan = BulkCancelPlanner.Plan(finder.FindAdditions(agreements, criteria, ct), criteria);
        var findTime = watch.Elapsed;
        var cancelled = 0;
        using (var journal = JournalWriter.Open(journalPath, new JournalRunStart { RunId = JournalPaths.NewRunId(DateTimeOffset.UtcNow), Command = "bench", Server = client.SiteRoot.ToString(), CompanyId = client.CompanyId }))
        using (var runner = new BoundedRunner<CancelOutcome>(ThrottleLimit))
        {
            var canceller = new AdditionCanceller(client, journal);
            void Take()
            {
                while (runner.TryTake(out var t))
                {
                    if (t.GetAwaiter().GetResult().Result.Status == CancelStatus.Cancelled)
                    {
                        cancelled++;
                    }
                }
            }

            foreach (var item in plan.Where(p => p.Action == CancelAction.Cancel))
            {
                while (!runner.HasRoom)
                {
                    runner.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                    Take();
                }

                runner.Start(() => canceller.CancelAsync(item, CancelDay, ct));
            }

            while (runner.InFlight > 0)
            {
                runner.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                Take();
            }

            journal.End(new Dictionary<string, int> { ["Cancelled"] = cancelled }, false);
        }

        watch.Stop();
        var run = JournalReader.Read(journalPath).Runs.Single();
        return new SyncRun(cancelled, agreements.Count, watch.Elapsed, findTime, journalPath, run.Changes.Count, run.Done);
    }

    private static async Task<int> UndoAsync(ConnectWiseClient client, string journalPath, CancellationToken ct)
    {
        var run = JournalReader.Read(journalPath).Runs.Single();
        var undoer = new ChangeUndoer(client);
        using var gate = new SemaphoreSlim(ThrottleLimit);
        var checks = await Task.WhenAll(run.Changes.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (change: c, check: await undoer.CheckAsync(c, ct));
            }
            finally
            {
                gate.Release();
            }
        }));
        using var journal = JournalWriter.Open(journalPath, new JournalRunStart { RunId = JournalPaths.NewRunId(DateTimeOffset.UtcNow), Command = "bench-undo", Server = run.Server ?? string.Empty, CompanyId = run.CompanyId ?? string.Empty, UndoOf = run.RunId });
        var results = await Task.WhenAll(checks.Where(x => x.check.Status == UndoStatus.WouldUndo).Select(async x =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await undoer.ApplyAsync(x.change, x.check, journal, ct);
            }
            finally
            {
                gate.Release();
            }
        }));
        journal.End(new Dictionary<string, int>(), false);
        File.Delete(journalPath);
        return results.Count(r => r.Status == UndoStatus.Undone);
    }



    private sealed record SyncRun(int Cancelled, int Agreements, TimeSpan Time, TimeSpan FindTime, string JournalPath, int JournalChanges, int JournalDone);

    private static async Task<HashSet<long>> CancelledSetAsync(SimulatorControl control, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await control.ExportAsync(ct));
        var set = new HashSet<long>();
        foreach (var row in doc.RootElement.GetProperty("tables").GetProperty("additions").GetProperty("rows").EnumerateArray())
        {
            if (row.TryGetProperty("cancelledDate", out var c) && c.GetString()!.StartsWith("2026-12-31", StringComparison.Ordinal))
            {
                set.Add(row.GetProperty("id").GetInt64());
            }
        }

        return set;
    }
}
