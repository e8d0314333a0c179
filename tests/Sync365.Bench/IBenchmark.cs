namespace Sync365.Bench;

/// <summary>One benchmark: runs against its own simulator and returns a Markdown section with its figures.</summary>
public interface IBenchmark
{
    /// <summary>Short name, used by --only.</summary>
    string Name { get; }

    Task<string> RunAsync(BenchContext context, CancellationToken ct);
}

public sealed class BenchContext
{
    public required string OutDir { get; init; }

    /// <summary>Scale factor for quick runs (--quick): benchmarks shrink their data by this much.</summary>
    public bool Quick { get; init; }

    public void Log(string line) => Console.WriteLine(line);
}
