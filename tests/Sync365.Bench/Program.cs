using System.Reflection;
using Sync365.Bench;

// build.ps1 Bench runs: dotnet run -c Release --project tests/Sync365.Bench -- --out artifacts/bench [--only name] [--quick]
var outDir = "artifacts/bench";
string? only = null;
var quick = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outDir = args[++i]; break;
        case "--only": only = args[++i]; break;
        case "--quick": quick = true; break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}. Use --out <dir>, --only <name>, --quick."); return 2;
    }
}

Directory.CreateDirectory(outDir);
var benches = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .Where(b => only == null || string.Equals(b.Name, only, StringComparison.OrdinalIgnoreCase))
    .OrderBy(b => b.Name)
    .ToList();
if (benches.Count == 0)
{
    Console.Error.WriteLine("No benchmark matched.");
    return 2;
}

var context = new BenchContext { OutDir = outDir, Quick = quick };
var report = new System.Text.StringBuilder();
report.AppendLine($"# Sync365 benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
report.AppendLine();
foreach (var b in benches)
{
    Console.WriteLine($"== {b.Name}");
    var section = await b.RunAsync(context, CancellationToken.None);
    report.AppendLine(section);
    report.AppendLine();
    Console.WriteLine(section);
}

var path = Path.Combine(outDir, "report.md");
File.WriteAllText(path, report.ToString());
Console.WriteLine($"Report: {path}");
return 0;
