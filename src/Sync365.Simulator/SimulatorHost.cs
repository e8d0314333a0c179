using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sync365.Simulator;

/// <summary>A running simulator (Kestrel on loopback). Dispose to stop it.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseUrl, IReadOnlyList<Uri> urls)
    {
        _app = app;
        BaseUrl = baseUrl;
        Urls = urls;
    }

    /// <summary>First bound URL, with a trailing slash (e.g. http://127.0.0.1:41234/).</summary>
    public Uri BaseUrl { get; }

    /// <summary>BaseUrl + "v4_6_release/apis/3.0/" (the API root; v2025_1/ works too).</summary>
    public Uri ApiUrl => new(BaseUrl, "v4_6_release/apis/3.0/");

    /// <summary>Stats, reset, faults and an authorised raw API client, over HTTP.</summary>
    public SimulatorControl Control => new(BaseUrl);

    /// <summary>All bound URLs.</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>Starts a simulator in-process. Binds http://127.0.0.1:0 (a free port) unless options.Urls is set.</summary>
    public static Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, Array.Empty<string>(), ct);

    /// <summary>Same as <see cref="StartAsync(SimulatorOptions, CancellationToken)"/>, plus ASP.NET Core configuration
    /// arguments (e.g. --Kestrel:Certificates:Default:Path). Program.cs uses this.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, string[] configArgs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var data = Scenarios.Build(options);
        var state = new SimState(options, data);
        // No file watching for appsettings (many in-process hosts would otherwise exhaust inotify instances).
        var args = new[] { "--hostBuilder:reloadConfigOnChange", "false" }.Concat(configArgs).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // keep stdout for the listening line
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(options.Urls) ? "http://127.0.0.1:0" : options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        var handler = new Handler(state);
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? app.Urls;
        var urls = addresses.Select(a => new Uri(a.EndsWith('/') ? a : a + "/")).ToList();
        if (urls.Count == 0) throw new InvalidOperationException("Kestrel reported no bound address.");
        return new SimulatorHost(app, urls[0], urls);
    }

    private static void Validate(SimulatorOptions o)
    {
        static void Rate(string name, double v)
        {
            if (v is < 0 or > 1 || double.IsNaN(v)) throw new ArgumentException($"{name} must be between 0 and 1 (got {v}).");
        }
        Rate("rate-429", o.Rate429);
        Rate("rate-500", o.Rate500);
        Rate("rate-drop", o.RateDrop);
        if (o.LatencyMs < 0 || o.JitterMs < 0 || o.RpsLimit < 0 || o.RetryAfterSeconds < 0)
            throw new ArgumentException("latency-ms, jitter-ms, rps-limit and retry-after must not be negative.");
        if (o.MaxBundleRequests < 1) throw new ArgumentException("max-bundle-requests must be at least 1.");
        if (o.Companies < 0 || o.AgreementsPerCompany < 0 || o.AdditionsPerAgreement < 0)
            throw new ArgumentException("companies, agreements-per-company and additions-per-agreement must not be negative.");
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C / SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try { await _app.StopAsync().ConfigureAwait(false); }
        finally { await _app.DisposeAsync().ConfigureAwait(false); }
    }
}
