using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

/// <summary>One demo simulator shared by the read-only tests of a class.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

internal static class Cw
{
    public const string Api = "v4_6_release/apis/3.0/";

    public static string Basic(string pub, string priv, string company = Scenarios.DemoCompanyId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{company}+{pub}:{priv}"));

    public static HttpClient Client(SimulatorHost host, string pub = Scenarios.FullPublicKey, string priv = Scenarios.FullPrivateKey, bool clientId = true)
    {
        var c = new HttpClient { BaseAddress = new Uri(host.BaseUrl, Api) };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Basic(pub, priv));
        if (clientId) c.DefaultRequestHeaders.Add("clientId", Scenarios.DemoClientId);
        return c;
    }

    public static HttpClient Raw(SimulatorHost host) => new() { BaseAddress = host.BaseUrl };

    public static string Q(string s) => Uri.EscapeDataString(s);

    public static async Task<JsonElement> Json(this HttpResponseMessage r)
    {
        var s = await r.Content.ReadAsStringAsync();
        using var d = JsonDocument.Parse(s);
        return d.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient c, string url)
    {
        using var r = await c.GetAsync(url);
        Assert.True(r.IsSuccessStatusCode, $"{url} → {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.Json();
    }

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static string[] Names(JsonElement arr) => arr.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
}
