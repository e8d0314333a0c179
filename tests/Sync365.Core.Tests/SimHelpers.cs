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
