using Sync365.Core.Http;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;

namespace Sync365.Core.Tests;

/// <summary>Helpers for tests that talk to an in-process simulator over loopback HTTP.</summary>
public static class Sim
{
    public static Task<SimulatorHost> StartDemoAsync() => SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });

    public static ConnectWiseSettings Settings(SimulatorHost host, string publicKey = Scenarios.FullPublicKey, string privateKey = Scenarios.FullPrivateKey, string companyId = Scenarios.DemoCompanyId) => new()
    {
        Server = host.BaseUrl.ToString(),
        CompanyId = companyId,
        PublicKey = publicKey,
        PrivateKey = privateKey,
        ClientId = Guid.Parse(Scenarios.DemoClientId),
        // Short waits keep fault tests quick; the production defaults are longer.
        Resilience = new ResilienceSettings { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    public static Task<ConnectWiseClient> ConnectAsync(SimulatorHost host, string publicKey = Scenarios.FullPublicKey, string privateKey = Scenarios.FullPrivateKey, string companyId = Scenarios.DemoCompanyId, Action<HttpRequestLog>? log = null) =>
        ConnectWiseClient.ConnectAsync(Settings(host, publicKey, privateKey, companyId), log, CancellationToken.None);

    /// <summary>Requests the simulator counted for one method and route template (e.g. POST /system/bundles).</summary>
    public static Task<long> RequestsAsync(SimulatorHost host, string method, string route) => host.Control.RequestsAsync(method, route);

    public static Task<long> TotalRequestsAsync(SimulatorHost host) => host.Control.TotalRequestsAsync();

    public static Task ResetStatsAsync(SimulatorHost host) => host.Control.ResetStatsAsync();

    public static List<T> All<T>(ConnectWiseClient client, string resource, string? conditions = null)
        where T : class =>
        client.ListPages<T>(resource, new ListQuery { Conditions = conditions }, CancellationToken.None).SelectMany(p => p).ToList();
}
