using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Tests;

/// <summary>
/// A demo simulator and a runspace with Sync365's cmdlets, connected to it as the full member. The cmdlets are
/// added by type (the module's dependency loader is for the staged layout; Pester covers that).
/// </summary>
public sealed class PowerShellSim : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public Runspace Runspace { get; private set; } = null!;

    public ConnectWiseClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "demo" });
        Runspace = TestRunspace.OpenConnected(Host);
        Client = await ConnectWiseClient.ConnectAsync(new ConnectWiseSettings
        {
            Server = Host.BaseUrl.ToString(),
            CompanyId = Scenarios.DemoCompanyId,
            PublicKey = Scenarios.FullPublicKey,
            PrivateKey = Scenarios.FullPrivateKey,
            ClientId = Guid.Parse(Scenarios.DemoClientId),
        }, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Runspace.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Runs a script; fails the test on any error unless errors are asked for.</summary>
    public Collection<PSObject> Invoke(string script, List<ErrorRecord>? errors = null, IDictionary<string, object?>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        if (variables != null)
        {
            foreach (var v in variables)
            {
                Runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            }
        }

        ps.AddScript(script);
        var output = ps.Invoke();
        if (errors != null)
        {
            errors.AddRange(ps.Streams.Error);
        }
        else if (ps.Streams.Error.Count > 0)
        {
            Assert.Fail($"{script} wrote errors: {string.Join("; ", ps.Streams.Error.Select(e => e.ToString()))}");
        }

        return output;
    }

    public List<T> Objects<T>(string script) => Invoke(script).Select(o => (T)o.BaseObject).ToList();

    public Task ResetStatsAsync() => Host.Control.ResetStatsAsync();

    public Task<long> RequestsAsync(string method, string route) => Host.Control.RequestsAsync(method, route);

    public List<T> All<T>(string resource, string? conditions = null)
        where T : class =>
        Client.ListPages<T>(resource, new ListQuery { Conditions = conditions }, CancellationToken.None).SelectMany(p => p).ToList();
}
