using System.Net.Http.Json;
using System.Text.Json;
using Sync365.Core.Http;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;

namespace Sync365.Core.Tests;

/// <summary>Helpers for tests that talk to an in-process simulator over loopback HTTP.</summary>
public static class Sim
{
    public static readonly Guid ClientId = Guid.Parse("2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365");

    public static Task<SimulatorHost> StartDemoAsync() => SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });

    public static ConnectWiseSettings Demo(SimulatorHost sim, string publicKey = "demopublic", string privateKey = "demoprivate") => new()
    {
        Server = sim.BaseUrl.ToString(),
        CompanyId = "sync365demo",
        PublicKey = publicKey,
        PrivateKey = privateKey,
        ClientId = ClientId,
        // Short waits keep fault tests quick; the production defaults are longer.
        Resilience = new ResilienceSettings { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    public static Task<ConnectWiseClient> ConnectAsync(SimulatorHost sim, Action<HttpRequestLog>? log = null) =>
        ConnectWiseClient.ConnectAsync(Demo(sim), log, CancellationToken.None);

    public static async Task<int> RequestsAsync(SimulatorHost sim, string method, string route)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };
        var stats = await http.GetFromJsonAsync<JsonElement>("_sim/stats");
        return stats.GetProperty("byRoute").EnumerateArray()
            .Where(r => r.GetProperty("method").GetString() == method && r.GetProperty("route").GetString() == route)
            .Sum(r => r.GetProperty("count").GetInt32());
    }

    public static async Task ControlAsync(SimulatorHost sim, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };
        using var req = new HttpRequestMessage(method, path) { Content = body == null ? null : JsonContent.Create(body) };
        (await http.SendAsync(req)).EnsureSuccessStatusCode();
    }
}
