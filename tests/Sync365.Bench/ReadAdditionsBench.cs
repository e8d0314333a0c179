using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;

namespace Sync365.Bench;

/// <summary>
/// "All additions of 2,000 agreements" against the simulator's scale scenario with 50 ms latency per request:
/// Sync365's bundled reader (the one Get-S365Addition uses) against the naive loop (one GET per agreement, in
/// sequence), with requests counted by the simulator; and the memory the reader needs while it streams the
/// 100,000 additions of those agreements.
/// </summary>
public sealed class ReadAdditionsBench : IBenchmark
{
    private const int LatencyMs = 50;

    public string Name => "read-additions";

    public async Task<string> RunAsync(BenchContext context, CancellationToken ct)
    {
        int companies = context.Quick ? 10 : 100, perCompany = 20, perAgreement = 50;
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
        var agreementsExpected = companies * perCompany;
        context.Log($"Simulator {sim.BaseUrl} (scale: {agreementsExpected:N0} agreements x {perAgreement} additions, {LatencyMs} ms latency)");

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

        // Sync365: list the agreements (1,000 a page, forward-only), then their additions in bundles.
        await control.ResetStatsAsync(ct);
        var watch = Stopwatch.StartNew();
        var reader = new AdditionReader(client, null, "bench", ct);
        long syncCount = 0, agreementCount = 0, checksum = 0;
        void Consume(IEnumerable<Addition> additions)
        {
            foreach (var a in additions)
            {
                syncCount++;
                checksum += a.Id;
            }
        }

        foreach (var page in client.ListPages<CwAgreement>("finance/agreements", new ListQuery(), ct))
        {
            foreach (var a in page)
            {
                agreementCount++;
                Consume(reader.Add(new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name)));
            }
        }

        Consume(reader.Complete());
        watch.Stop();
        var syncTime = watch.Elapsed;
        var syncRequests = await control.TotalRequestsAsync(ct);

        // The naive loop: the same agreement list, then one GET per agreement, one after another.
        await control.ResetStatsAsync(ct);
        using var naive = sim.Control.ApiClient();
        watch.Restart();
        var ids = new List<long>();
        for (var page = 1; ; page++)
        {
            using var doc = JsonDocument.Parse(await naive.GetStringAsync($"finance/agreements?pageSize=1000&page={page}", ct));
            ids.AddRange(doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            if (doc.RootElement.GetArrayLength() < 1000)
            {
                break;
            }
        }

        long naiveCount = 0, naiveChecksum = 0;
        foreach (var id in ids)
        {
            using var doc = JsonDocument.Parse(await naive.GetStringAsync($"finance/agreements/{id}/additions?pageSize=1000", ct));
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                naiveCount++;
                naiveChecksum += e.GetProperty("id").GetInt64();
            }
        }

        watch.Stop();
        var naiveTime = watch.Elapsed;
        var naiveRequests = await control.TotalRequestsAsync(ct);

        if (naiveCount != syncCount || naiveChecksum != checksum || agreementCount != agreementsExpected)
        {
            throw new InvalidOperationException($"The two readers disagree: Sync365 {syncCount} additions of {agreementCount} agreements, naive loop {naiveCount} of {ids.Count}.");
        }

        // Memory: stream them again, and take the live heap (after a full collection) at every tenth of the way.
        var (heapBefore, checkpoints, peakWorkingSet, peakHeap) = MeasureMemory(client, syncCount, keep: false, ct);

        // For scale: the same run holding every addition in a list (what a reader that does not stream costs).
        var (_, held, _, _) = MeasureMemory(client, syncCount, keep: true, ct);

        string F(double v) => v.ToString("N1", CultureInfo.InvariantCulture);
        string Mb(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";
        var sb = new StringBuilder();
        sb.AppendLine($"## Reading all additions of {agreementCount:N0} agreements ({syncCount:N0} additions; simulator `scale`, {LatencyMs} ms latency per request)");
        sb.AppendLine();
        sb.AppendLine("| Reader | Requests | Wall time |");
        sb.AppendLine("|---|---:|---:|");
        sb.AppendLine($"| Sync365 (`Get-S365Agreement \\| Get-S365Addition`: bundles of {reader.BundleSize}, {reader.MaxConcurrency} in flight) | {syncRequests:N0} | {F(syncTime.TotalSeconds)} s |");
        sb.AppendLine($"| Naive loop (one GET per agreement, in sequence) | {naiveRequests:N0} | {F(naiveTime.TotalSeconds)} s |");
        sb.AppendLine($"| **Ratio (naive / Sync365)** | **{F((double)naiveRequests / syncRequests)}x fewer** | **{F(naiveTime.TotalSeconds / syncTime.TotalSeconds)}x faster** |");
        sb.AppendLine();
        sb.AppendLine($"Memory while Sync365 streams the {syncCount:N0} additions (one process: the bench and the in-process simulator, whose data set is part of the baseline). Live heap = `GC.GetTotalMemory(true)` at each tenth of the stream:");
        sb.AppendLine();
        sb.AppendLine("| Before | " + string.Join(" | ", checkpoints.Select(c => $"{c.Done:N0}")) + " |");
        sb.AppendLine("|---:|" + string.Concat(checkpoints.Select(_ => "---:|")));
        sb.AppendLine($"| {Mb(heapBefore)} | " + string.Join(" | ", checkpoints.Select(c => Mb(c.Heap))) + " |");
        sb.AppendLine();
        sb.AppendLine($"For comparison, holding all {syncCount:N0} additions in a list instead of streaming them: live heap {Mb(held[^1].Heap)} at the end.");
        sb.AppendLine();
        sb.AppendLine($"Peak GC heap (sampled every 20 ms, garbage included): {Mb(peakHeap)}; peak working set: {Mb(peakWorkingSet)}. The live heap stays flat because the reader holds at most {reader.MaxConcurrency} bundles ({reader.MaxConcurrency * reader.BundleSize} agreements) at a time, whatever the total.");
        return sb.ToString();
    }

    private static (long Before, List<(long Done, long Heap)> Checkpoints, long PeakWorkingSet, long PeakHeap) MeasureMemory(ConnectWiseClient client, long total, bool keep, CancellationToken ct)
    {
        var before = GC.GetTotalMemory(true);
        var sampler = new MemorySampler();
        sampler.Start();
        var checkpoints = new List<(long, long)>();
        var step = Math.Max(1, total / 10);
        long done = 0;
        var reader = new AdditionReader(client, null, "bench", ct);
        var kept = new List<Addition>();
        void Consume(IEnumerable<Addition> additions)
        {
            foreach (var addition in additions)
            {
                if (keep)
                {
                    kept.Add(addition);
                }

                done++;
                if (done % step == 0 || done == total)
                {
                    checkpoints.Add((done, GC.GetTotalMemory(true)));
                }
            }
        }

        foreach (var page in client.ListPages<CwAgreement>("finance/agreements", new ListQuery(), ct))
        {
            foreach (var a in page)
            {
                Consume(reader.Add(new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name)));
            }
        }

        Consume(reader.Complete());
        sampler.Stop();
        GC.KeepAlive(kept);
        return (before, checkpoints.DistinctBy(c => c.Item1).ToList(), sampler.PeakWorkingSet, sampler.PeakHeap);
    }


    /// <summary>Samples the GC heap and the working set on a background thread.</summary>
    private sealed class MemorySampler
    {
        private readonly CancellationTokenSource _stop = new();
        private Thread? _thread;
        private long _peakHeap;
        private long _peakWorkingSet;

        public long PeakHeap => Interlocked.Read(ref _peakHeap);

        public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

        public void Start()
        {
            _thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    Sample(process);
                    Thread.Sleep(20);
                }

                Sample(process);
            })
            { IsBackground = true };
            _thread.Start();
        }

        public void Stop()
        {
            _stop.Cancel();
            _thread?.Join();
        }

        private void Sample(Process process)
        {
            process.Refresh();
            var heap = GC.GetTotalMemory(false);
            if (heap > Interlocked.Read(ref _peakHeap))
            {
                Interlocked.Exchange(ref _peakHeap, heap);
            }

            if (process.WorkingSet64 > Interlocked.Read(ref _peakWorkingSet))
            {
                Interlocked.Exchange(ref _peakWorkingSet, process.WorkingSet64);
            }
        }
    }
}
