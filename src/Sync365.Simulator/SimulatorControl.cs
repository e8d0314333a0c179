using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sync365.Simulator;

/// <summary>
/// The simulator's control endpoints (<c>/_sim/...</c>) and an authorised raw API client, over HTTP as any outside
/// caller would use them. One place for tests and benchmarks to count requests, reset data and set faults.
/// </summary>
public sealed class SimulatorControl
{
    private static readonly HttpClient Http = new();
    private readonly Uri _baseUrl;

    public SimulatorControl(Uri baseUrl) => _baseUrl = baseUrl;

    /// <summary>Requests counted for one method and route template (e.g. POST /system/bundles).</summary>
    public async Task<long> RequestsAsync(string method, string route, CancellationToken ct = default) =>
        Sum(await StatsAsync(ct), method, r => string.Equals(r, route, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests counted for one method on every route template that contains <paramref name="routePart"/>.</summary>
    public async Task<long> RequestsMatchingAsync(string method, string routePart, CancellationToken ct = default) =>
        Sum(await StatsAsync(ct), method, r => r.Contains(routePart, StringComparison.OrdinalIgnoreCase));

    public async Task<long> TotalRequestsAsync(CancellationToken ct = default)
    {
        using var doc = await StatsAsync(ct);
        return doc.RootElement.GetProperty("total").GetInt64();
    }

    /// <summary>Zeroes the request counters (DELETE /_sim/stats).</summary>
    public Task ResetStatsAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Delete, "_sim/stats", null, ct);

    /// <summary>Restores the scenario's data, zeroes the counters and puts faults back to the start-up settings.</summary>
    public Task ResetAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "_sim/reset", null, ct);

    /// <summary>Replaces the runtime faults: an object or JSON text with latencyMs, rate429, rate500, rateDrop...</summary>
    public Task SetFaultsAsync(object faults, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "_sim/faults", faults as string ?? JsonSerializer.Serialize(faults), ct);

    /// <summary>The whole state (GET /_sim/export).</summary>
    public Task<string> ExportAsync(CancellationToken ct = default) => Http.GetStringAsync(new Uri(_baseUrl, "_sim/export"), ct);

    /// <summary>A plain HttpClient on the API root, authorised as a demo member (for naive loops and ground truth).</summary>
    public HttpClient ApiClient(string publicKey = Scenarios.FullPublicKey, string privateKey = Scenarios.FullPrivateKey, HttpMessageHandler? handler = null)
    {
        var client = handler == null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = new Uri(_baseUrl, "v4_6_release/apis/3.0/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Scenarios.DemoCompanyId + "+" + publicKey + ":" + privateKey)));
        client.DefaultRequestHeaders.Add("clientId", Scenarios.DemoClientId);
        return client;
    }

    private async Task<JsonDocument> StatsAsync(CancellationToken ct) =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(_baseUrl, "_sim/stats"), ct));

    private static long Sum(JsonDocument stats, string method, Func<string, bool> route)
    {
        using (stats)
        {
            return stats.RootElement.GetProperty("byRoute").EnumerateArray()
                .Where(r => r.GetProperty("method").GetString() == method && route(r.GetProperty("route").GetString() ?? string.Empty))
                .Sum(r => r.GetProperty("count").GetInt64());
        }
    }

    private async Task SendAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, path));
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
