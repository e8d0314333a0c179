using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Tests;

/// <summary>A PowerShell runspace with the Sync365 module from this build, connected to a simulator.</summary>
internal sealed class CancelPs : IDisposable
{
    private CancelPs(Runspace runspace) => Runspace = runspace;

    public Runspace Runspace { get; }

    public static CancelPs Open(SimulatorHost sim, bool limited = false) => new(TestRunspace.OpenConnected(sim, limited));

    public PsResult Invoke(string script, Hashtable? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        foreach (DictionaryEntry v in variables ?? new Hashtable())
        {
            Runspace.SessionStateProxy.SetVariable((string)v.Key, v.Value);
        }

        ps.AddScript(script);
        var output = ps.Invoke();
        return new PsResult(output, ps.Streams.Error.ToList(), ps.Streams.Information.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList(), ps.HadErrors) { Progress = ps.Streams.Progress.ToList() };
    }

    public void Dispose() => Runspace.Dispose();
}

internal sealed record PsResult(Collection<PSObject> Output, List<ErrorRecord> Errors, List<InformationRecord> Information, List<string> Warnings, bool HadErrors)
{
    public List<ProgressRecord> Progress { get; init; } = new();

    public List<T> Of<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();
}

/// <summary>The simulator seen from outside Sync365: raw HTTP and its export, the ground truth for assertions.</summary>
internal static class CancelSim
{
    public static HttpClient Api(SimulatorHost sim) => sim.Control.ApiClient();

    /// <summary>Every addition with its agreement's company, from GET /_sim/export.</summary>
    public static async Task<List<SimAddition>> AdditionsAsync(SimulatorHost sim)
    {
        using var doc = JsonDocument.Parse(await sim.Control.ExportAsync());
        var tables = doc.RootElement.GetProperty("tables");
        var companies = tables.GetProperty("companies").GetProperty("rows").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetInt64(), c => c.GetProperty("name").GetString()!);
        var agreements = tables.GetProperty("agreements").GetProperty("rows").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetInt64(), a => (company: a.GetProperty("company").GetProperty("id").GetInt64(), type: a.GetProperty("type").GetProperty("name").GetString()!));
        var add = tables.GetProperty("additions");
        var parents = add.GetProperty("parentIds").EnumerateArray().Select(p => p.GetInt64()).ToList();
        var result = new List<SimAddition>();
        var i = 0;
        foreach (var row in add.GetProperty("rows").EnumerateArray())
        {
            var agreementId = parents[i++];
            var (company, type) = agreements[agreementId];
            result.Add(new SimAddition(
                row.GetProperty("id").GetInt64(),
                agreementId,
                company,
                companies[company],
                type,
                row.TryGetProperty("serialNumber", out var s) ? s.GetString() : null,
                row.TryGetProperty("effectiveDate", out var e) ? DateTimeOffset.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null,
                row.TryGetProperty("cancelledDate", out var cd) && cd.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(cd.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null));
        }

        return result;
    }

    public static Task<long> CountAsync(SimulatorHost sim, string method, string routeContains) => sim.Control.RequestsMatchingAsync(method, routeContains);

    public static Task ResetStatsAsync(SimulatorHost sim) => sim.Control.ResetStatsAsync();

    public static Task FaultsAsync(SimulatorHost sim, string json) => sim.Control.SetFaultsAsync(json);

    /// <summary>What the command should cancel, decided here independently of Sync365's code.</summary>
    public static List<SimAddition> ExpectedToCancel(IEnumerable<SimAddition> all, Func<SimAddition, bool> inScope, string? serial, DateTime cancelDay, DateTime today) =>
        all.Where(a => inScope(a)
                       && (serial == null ? string.IsNullOrWhiteSpace(a.Serial) : string.Equals(a.Serial, serial, StringComparison.OrdinalIgnoreCase))
                       && (a.Cancelled == null || a.Cancelled.Value.UtcDateTime.Date > cancelDay)
                       && (a.Effective == null || a.Effective.Value.UtcDateTime.Date <= cancelDay))
            .ToList();

    public static string TempJournal() => Path.Combine(Path.GetTempPath(), "s365-cancel-tests", Guid.NewGuid().ToString("N") + ".jsonl");
}

internal sealed record SimAddition(long Id, long AgreementId, long CompanyId, string Company, string AgreementType, string? Serial, DateTimeOffset? Effective, DateTimeOffset? Cancelled);
