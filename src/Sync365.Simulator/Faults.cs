using System.Text.Json.Serialization;

namespace Sync365.Simulator;

/// <summary>Runtime fault settings (POST /_sim/faults body; camelCase, omitted = 0/off).</summary>
public sealed class FaultSettings
{
    [JsonPropertyName("latencyMs")] public int LatencyMs { get; set; }
    [JsonPropertyName("jitterMs")] public int JitterMs { get; set; }
    [JsonPropertyName("rate429")] public double Rate429 { get; set; }
    [JsonPropertyName("retryAfterSeconds")] public int RetryAfterSeconds { get; set; }
    [JsonPropertyName("rpsLimit")] public int RpsLimit { get; set; }
    [JsonPropertyName("rate500")] public double Rate500 { get; set; }
    [JsonPropertyName("rateDrop")] public double RateDrop { get; set; }
    [JsonPropertyName("seed")] public int Seed { get; set; }

    public static FaultSettings From(SimulatorOptions o) => new()
    {
        LatencyMs = o.LatencyMs, JitterMs = o.JitterMs, Rate429 = o.Rate429, RetryAfterSeconds = o.RetryAfterSeconds,
        RpsLimit = o.RpsLimit, Rate500 = o.Rate500, RateDrop = o.RateDrop, Seed = o.FaultSeed,
    };
}

public enum FaultKind { None, TooMany, ServerError }

/// <summary>Seeded, repeatable fault injection. One decision sequence per settings instance.</summary>
internal sealed class FaultEngine
{
    private readonly object _gate = new();
    private FaultSettings _settings = new();
    private Random _random = new(0);
    private long _windowSecond;
    private int _windowCount;

    public FaultSettings Settings { get { lock (_gate) return _settings; } }

    public void Set(FaultSettings s)
    {
        lock (_gate)
        {
            _settings = s;
            _random = new Random(s.Seed);
            _windowSecond = 0;
            _windowCount = 0;
        }
    }

    public int RetryAfter { get { lock (_gate) return _settings.RetryAfterSeconds <= 0 ? 1 : _settings.RetryAfterSeconds; } }

    /// <summary>Delay for this request (latency + uniform jitter).</summary>
    public int NextDelayMs()
    {
        lock (_gate)
        {
            int d = _settings.LatencyMs;
            if (_settings.JitterMs > 0) d += _random.Next(0, _settings.JitterMs + 1);
            return d;
        }
    }

    /// <summary>Decides, in a fixed order (rps limit, 429, 500), whether this request fails; also whether it is dropped.</summary>
    public (FaultKind kind, bool drop) Decide()
    {
        lock (_gate)
        {
            var s = _settings;
            if (s.RpsLimit > 0)
            {
                long sec = Environment.TickCount64 / 1000;
                if (sec != _windowSecond) { _windowSecond = sec; _windowCount = 0; }
                _windowCount++;
                if (_windowCount > s.RpsLimit) return (FaultKind.TooMany, false);
            }
            if (s.Rate429 > 0 && _random.NextDouble() < s.Rate429) return (FaultKind.TooMany, false);
            if (s.Rate500 > 0 && _random.NextDouble() < s.Rate500) return (FaultKind.ServerError, false);
            bool drop = s.RateDrop > 0 && _random.NextDouble() < s.RateDrop;
            return (FaultKind.None, drop);
        }
    }
}
