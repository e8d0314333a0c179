using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

public class ControlTests
{
    [Fact]
    public async Task StatsCountRouteTemplatesAndBundlesCountOnce()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var raw = Cw.Raw(host);
        await c.GetJson("company/companies");
        await c.GetJson("company/companies?page=2");
        await c.GetJson("company/companies/3");
        await c.GetJson("finance/agreements/2/additions");
        await c.GetJson("v2025_1/apis/3.0/finance/agreements/2/additions/count".Replace("v2025_1/apis/3.0/", ""));
        using (var b = await c.PostAsync("system/bundles", Cw.Body("{\"requests\":[{\"sequenceNumber\":1,\"resourceType\":\"company\",\"apiRequest\":{}},{\"sequenceNumber\":2,\"resourceType\":\"addition\",\"apiRequest\":{\"parentId\":2}}]}")))
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        await raw.GetJson("login/companyinfo/sync365demo");
        var stats = await raw.GetJson("_sim/stats");
        var rows = stats.GetProperty("byRoute").EnumerateArray()
            .ToDictionary(e => e.GetProperty("method").GetString() + " " + e.GetProperty("route").GetString(), e => e.GetProperty("count").GetInt64());
        Assert.Equal(2, rows["GET /company/companies"]);
        Assert.Equal(1, rows["GET /company/companies/{id}"]);
        Assert.Equal(1, rows["GET /finance/agreements/{parentId}/additions"]);
        Assert.Equal(1, rows["GET /finance/agreements/{parentId}/additions/count"]);
        Assert.Equal(1, rows["POST /system/bundles"]);
        Assert.Equal(6, stats.GetProperty("total").GetInt64());
        Assert.Equal(2, stats.GetProperty("bundledRequests").GetInt64());
        Assert.DoesNotContain(rows.Keys, k => k.Contains("_sim") || k.Contains("companyinfo"));

        using (var d = await raw.DeleteAsync("_sim/stats")) Assert.True(d.IsSuccessStatusCode);
        Assert.Equal(0, (await raw.GetJson("_sim/stats")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Rate429IsSeededAndCarriesRetryAfter()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var raw = Cw.Raw(host);
        async Task<string> Run()
        {
            using (await raw.PostAsync("_sim/faults", Cw.Body("{\"rate429\":0.5,\"retryAfterSeconds\":3,\"seed\":42}"))) { }
            var seq = new System.Text.StringBuilder();
            for (int i = 0; i < 40; i++)
            {
                using var r = await c.GetAsync("company/companies/1");
                seq.Append((int)r.StatusCode == 429 ? 'x' : '.');
                if ((int)r.StatusCode == 429)
                {
                    Assert.Equal(TimeSpan.FromSeconds(3), r.Headers.RetryAfter!.Delta);
                    Assert.True((await r.Json()).TryGetProperty("code", out _));
                }
            }
            return seq.ToString();
        }
        var a = await Run();
        var b = await Run();
        Assert.Equal(a, b);
        Assert.Contains('x', a);
        Assert.Contains('.', a);
        var faults = await raw.GetJson("_sim/faults");
        Assert.Equal(0.5, faults.GetProperty("rate429").GetDouble());
        using (await raw.PostAsync("_sim/faults", Cw.Body("{}"))) { }
        using var ok = await c.GetAsync("company/companies/1");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // Control endpoints and companyinfo never fault.
        using (await raw.PostAsync("_sim/faults", Cw.Body("{\"rate500\":1}"))) { }
        using var info = await raw.GetAsync("login/companyinfo/sync365demo");
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        using var err = await c.GetAsync("company/companies/1");
        Assert.Equal(HttpStatusCode.InternalServerError, err.StatusCode);
        using (var reset = await raw.PostAsync("_sim/reset", null)) { }
        using var ok2 = await c.GetAsync("company/companies/1");
        Assert.Equal(HttpStatusCode.OK, ok2.StatusCode);
    }

    [Fact]
    public async Task DropAbortsTheResponse()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { RateDrop = 1 });
        using var c = Cw.Client(host);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var r = await c.GetAsync("company/companies?pageSize=50");
            await r.Content.ReadAsStringAsync();
        });
    }

    [Fact]
    public async Task LatencyAndRpsLimit()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { LatencyMs = 150, RpsLimit = 2 });
        using var c = Cw.Client(host);
        var sw = Stopwatch.StartNew();
        using (var r1 = await c.GetAsync("company/companies/1")) { }
        Assert.True(sw.ElapsedMilliseconds >= 140, "latency " + sw.ElapsedMilliseconds);
        // Six requests at once fall into at most two one-second windows, so at least one exceeds 2 per second.
        await Task.Delay(1100);
        var codes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var r = await c.GetAsync("company/companies/1");
            return (int)r.StatusCode;
        }));
        Assert.Contains(429, codes);
        Assert.Contains(200, codes);
    }

    [Fact]
    public async Task ManyHostsRunSideBySide()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SimulatorHost.StartAsync(new SimulatorOptions())));
        try
        {
            Assert.Equal(10, hosts.Select(h => h.BaseUrl.Port).Distinct().Count());
            using var c = Cw.Client(hosts[^1]);
            Assert.Equal(48, (await c.GetJson("company/companies/count")).GetProperty("count").GetInt32());
        }
        finally
        {
            foreach (var h in hosts) await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task ExportThenImportRoundTrips()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var raw = Cw.Raw(host);
        using (var p = await c.PatchAsync("company/companies/1", Cw.Body("[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"Contoso Renamed\"}]")))
            Assert.Equal(HttpStatusCode.OK, p.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"sim-export-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllBytesAsync(file, await raw.GetByteArrayAsync("_sim/export"));
            await using var host2 = await SimulatorHost.StartAsync(new SimulatorOptions { DataFile = file });
            using var c2 = Cw.Client(host2);
            Assert.Equal("Contoso Renamed", (await c2.GetJson("company/companies/1")).GetProperty("name").GetString());
            foreach (var url in new[] { "finance/agreements/count", "finance/agreements/2/additions/count", "company/contacts/count", "procurement/catalog/count" })
                Assert.Equal((await c.GetJson(url)).GetRawText(), (await c2.GetJson(url)).GetRawText());
            // POST /_sim/import loads the same document into a running host; reset goes back to the scenario.
            await using var host3 = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "empty" });
            using var raw3 = Cw.Raw(host3);
            using (var imp = await raw3.PostAsync("_sim/import", new ByteArrayContent(await File.ReadAllBytesAsync(file))))
                Assert.Equal(HttpStatusCode.NoContent, imp.StatusCode);
            using var c3 = Cw.Client(host3);
            Assert.Equal("Contoso Renamed", (await c3.GetJson("company/companies/1")).GetProperty("name").GetString());
            using (var bad = await raw3.PostAsync("_sim/import", Cw.Body("{\"nope\":1}"))) Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using (await raw3.PostAsync("_sim/reset", null)) { }
            Assert.Equal(0, (await c3.GetJson("company/companies/count")).GetProperty("count").GetInt32());

            using var lim = Cw.Client(host2, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey);
            using var denied = await lim.GetAsync("procurement/products");
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        finally { File.Delete(file); }
    }
}
