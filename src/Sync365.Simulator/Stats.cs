using System.Collections.Concurrent;
using System.Text.Json;

namespace Sync365.Simulator;

/// <summary>Request counters per method + route template (thread-safe, lock-free increments).</summary>
internal sealed class Stats
{
    private sealed class Counter { public long Value; }

    private readonly ConcurrentDictionary<(string method, string route), Counter> _counts = new();
    private long _bundled;

    public void Count(string method, string route) =>
        Interlocked.Increment(ref _counts.GetOrAdd((method, route), static _ => new Counter()).Value);

    public void CountBundled(int n) => Interlocked.Add(ref _bundled, n);

    public void Clear()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _bundled, 0);
    }

    public byte[] ToJson() => JsonDefaults.Write(w =>
    {
        var rows = _counts.Select(kv => (kv.Key.method, kv.Key.route, count: Interlocked.Read(ref kv.Value.Value)))
            .Where(r => r.count > 0)
            .OrderBy(r => r.route, StringComparer.Ordinal).ThenBy(r => r.method, StringComparer.Ordinal).ToList();
        w.WriteStartObject();
        w.WriteNumber("total", rows.Sum(r => r.count));
        w.WriteNumber("bundledRequests", Interlocked.Read(ref _bundled));
        w.WriteStartArray("byRoute");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("method", r.method);
            w.WriteString("route", r.route);
            w.WriteNumber("count", r.count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
