using System.Diagnostics;
using System.Text;
using Sync365.Simulator;

namespace Sync365.Bench;

/// <summary>
/// The simulator must never be what a benchmark measures: how many simple authorised GETs, and how many 1,000-row
/// pages, it serves per second with no added latency. The load comes from the same process (this machine has two
/// cores), so the figures are a floor.
/// </summary>
public sealed class SimulatorThroughputBench : IBenchmark
{
    public string Name => "simulator";

    public async Task<string> RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = new SimulatorOptions
        {
            Scenario = "scale",
            Companies = context.Quick ? 20 : 100,
            AgreementsPerCompany = 20,
            AdditionsPerAgreement = 5,
        };
        await using var sim = await SimulatorHost.StartAsync(options, ct);
        using var http = sim.Control.ApiClient(handler: new SocketsHttpHandler { MaxConnectionsPerServer = 64 });

        var seconds = context.Quick ? 1.5 : 4;
        var small = await MeasureAsync(http, "company/companies/1", concurrency: 16, seconds, ct);
        var page = await MeasureAsync(http, "finance/agreements?pageSize=1000", concurrency: 4, seconds, ct);

        context.Log($"simple GET: {small.PerSecond:0} req/s; 1,000-row page: {page.PerSecond:0.0} pages/s");
        var sb = new StringBuilder();
        sb.AppendLine("## Simulator throughput (no added latency; load generated in the same process)");
        sb.AppendLine();
        sb.AppendLine("| Request | Concurrency | Requests | Seconds | Per second | Mean latency | Bytes per response |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(Row("GET /company/companies/1 (authorised, one entity)", 16, small));
        sb.AppendLine(Row("GET /finance/agreements?pageSize=1000 (1,000-row page)", 4, page));
        return sb.ToString();
    }

    private static string Row(string what, int concurrency, Result r) =>
        $"| {what} | {concurrency} | {r.Requests:N0} | {r.Elapsed.TotalSeconds:0.0} | {r.PerSecond:N0} | {r.MeanLatencyMs:0.0} ms | {r.BytesPerResponse:N0} |";

    private static async Task<Result> MeasureAsync(HttpClient http, string path, int concurrency, double seconds, CancellationToken ct)
    {
        // Warm up (JIT, connection pool).
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(path, ct)).EnsureSuccessStatusCode();
        }

        long requests = 0;
        long bytes = 0;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (until.Elapsed.TotalSeconds < seconds)
            {
                using var r = await http.GetAsync(path, ct);
                r.EnsureSuccessStatusCode();
                var body = await r.Content.ReadAsByteArrayAsync(ct);
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref bytes, body.Length);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = until.Elapsed;
        return new Result(requests, elapsed, requests / elapsed.TotalSeconds, elapsed.TotalMilliseconds * concurrency / Math.Max(1, requests), bytes / Math.Max(1, requests));
    }

    private sealed record Result(long Requests, TimeSpan Elapsed, double PerSecond, double MeanLatencyMs, long BytesPerResponse);
}
