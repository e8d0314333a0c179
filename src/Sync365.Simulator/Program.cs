using System.Globalization;
using Sync365.Simulator;

var options = new SimulatorOptions();
var configArgs = new List<string>();
try
{
    for (int i = 0; i < args.Length; i++)
    {
        var a = args[i];
        if (a is "-h" or "--help" or "-?")
        {
            Console.WriteLine(Cli.Help);
            return 0;
        }
        if (!a.StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"Unexpected argument '{a}'.");
        string name = a[2..], value;
        int eq = name.IndexOf('=');
        if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
        else
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"Option '{a}' needs a value.");
            value = args[++i];
        }
        if (!Cli.Apply(options, name, value))
        {
            configArgs.Add("--" + name);
            configArgs.Add(value);
        }
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Cli.Help);
    return 2;
}

SimulatorHost host;
try
{
    host = await SimulatorHost.StartAsync(options, configArgs.ToArray());
}
catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("Sync365.Simulator could not start: " + ex.Message);
    return 1;
}
await using var hostScope = host;
foreach (var url in host.Urls)
    Console.WriteLine($"Sync365.Simulator listening on {url}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Scenario {options.Scenario}. Company id {Scenarios.DemoCompanyId}; full member public/private key {Scenarios.FullPublicKey}/{Scenarios.FullPrivateKey}; limited member {Scenarios.LimitedPublicKey}/{Scenarios.LimitedPrivateKey}; clientId {Scenarios.DemoClientId}"));
Console.Out.Flush();
await host.WaitForShutdownAsync();
return 0;

internal static class Cli
{
    public const string Help = """
        Sync365.Simulator — a fake ConnectWise Manage REST API.
          --urls URL[;URL]              Kestrel URLs (default http://127.0.0.1:0)
          --scenario demo|scale|empty   data set (default demo)
          --companies N --agreements-per-company M --additions-per-agreement K --seed S   (scale)
          --data FILE                   load state saved by GET /_sim/export
          --latency-ms N --jitter-ms N --rate-429 P --retry-after S --rps-limit N
          --rate-500 P --rate-drop P --fault-seed N
          --max-bundle-requests N       (default 100)
        Other --Key value pairs go to ASP.NET Core configuration (e.g. --Kestrel:Certificates:Default:Path).
        """;

    private static int I(string v) => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture);
    private static double D(string v) => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool Apply(SimulatorOptions o, string name, string v)
    {
        switch (name.ToLowerInvariant())
        {
            case "urls": o.Urls = v; return true;
            case "scenario": o.Scenario = v; return true;
            case "companies": o.Companies = I(v); return true;
            case "agreements-per-company": o.AgreementsPerCompany = I(v); return true;
            case "additions-per-agreement": o.AdditionsPerAgreement = I(v); return true;
            case "seed": o.Seed = I(v); return true;
            case "data": o.DataFile = v; return true;
            case "latency-ms": o.LatencyMs = I(v); return true;
            case "jitter-ms": o.JitterMs = I(v); return true;
            case "rate-429": o.Rate429 = D(v); return true;
            case "retry-after": o.RetryAfterSeconds = I(v); return true;
            case "rps-limit": o.RpsLimit = I(v); return true;
            case "rate-500": o.Rate500 = D(v); return true;
            case "rate-drop": o.RateDrop = D(v); return true;
            case "fault-seed": o.FaultSeed = I(v); return true;
            case "max-bundle-requests": o.MaxBundleRequests = I(v); return true;
            default: return false;
        }
    }
}
