using System.Text.Json;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Core.Tests;

/// <summary>A demo simulator for one test class (its own, so request counts are not shared).</summary>
public sealed class DemoSim : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

internal static class ReadSim
{
    public static Task<ConnectWiseClient> ConnectAsync(SimulatorHost host, string publicKey = Scenarios.FullPublicKey, string privateKey = Scenarios.FullPrivateKey, string companyId = Scenarios.DemoCompanyId) =>
        ConnectWiseClient.ConnectAsync(Settings(host, publicKey, privateKey, companyId), null, CancellationToken.None);

    public static ConnectWiseSettings Settings(SimulatorHost host, string publicKey = Scenarios.FullPublicKey, string privateKey = Scenarios.FullPrivateKey, string companyId = Scenarios.DemoCompanyId) => new()
    {
        Server = host.BaseUrl.ToString(),
        CompanyId = companyId,
        PublicKey = publicKey,
        PrivateKey = privateKey,
        ClientId = Guid.Parse(Scenarios.DemoClientId),
    };

    public static async Task ResetStatsAsync(SimulatorHost host)
    {
        using var http = new HttpClient();
        using var r = await http.DeleteAsync(new Uri(host.BaseUrl, "_sim/stats"));
        r.EnsureSuccessStatusCode();
    }

    /// <summary>Requests counted by the simulator for one method and route template (e.g. POST /system/bundles).</summary>
    public static async Task<long> RequestsAsync(SimulatorHost host, string method, string route)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(host.BaseUrl, "_sim/stats"));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("byRoute").EnumerateArray()
            .Where(r => r.GetProperty("method").GetString() == method && string.Equals(r.GetProperty("route").GetString(), route, StringComparison.OrdinalIgnoreCase))
            .Sum(r => r.GetProperty("count").GetInt64());
    }

    public static async Task<long> TotalRequestsAsync(SimulatorHost host)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(host.BaseUrl, "_sim/stats"));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("total").GetInt64();
    }

    public static List<T> All<T>(ConnectWiseClient client, string resource, string? conditions = null)
        where T : class =>
        client.ListPages<T>(resource, new ListQuery { Conditions = conditions }, CancellationToken.None).SelectMany(p => p).ToList();
}
