namespace Sync365.Simulator;

/// <summary>Everything the command line takes; used by Program.cs and by in-process tests alike.</summary>
public sealed class SimulatorOptions
{
    /// <summary>demo (default), scale or empty.</summary>
    public string Scenario { get; set; } = "demo";
    public int Companies { get; set; } = 100;
    public int AgreementsPerCompany { get; set; } = 20;
    public int AdditionsPerAgreement { get; set; } = 50;
    public int Seed { get; set; } = 365;
    /// <summary>JSON file written by GET /_sim/export; replaces the scenario's data when set.</summary>
    public string? DataFile { get; set; }
    public int LatencyMs { get; set; }
    public int JitterMs { get; set; }
    public double Rate429 { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;
    public int RpsLimit { get; set; }
    public double Rate500 { get; set; }
    public double RateDrop { get; set; }
    public int FaultSeed { get; set; } = 1;
    /// <summary>Largest number of requests one POST /system/bundles may carry (default 100).</summary>
    public int MaxBundleRequests { get; set; } = 100;
    /// <summary>Kestrel URLs, ';'-separated. Default http://127.0.0.1:0 (a free port).</summary>
    public string? Urls { get; set; }
}
