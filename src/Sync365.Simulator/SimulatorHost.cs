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
        var data = Scenarios.Build(options);
        var state = new SimState(options, data);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configArgs });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
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

    /// <summary>Waits until the host is asked to stop (Ctrl+C / SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync().ConfigureAwait(false); }
        finally { await _app.DisposeAsync().ConfigureAwait(false); }
    }
}
