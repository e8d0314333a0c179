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

    private const int LogSize = 2000;
    private readonly object _logGate = new();
    private readonly Queue<(DateTime at, string method, string target, string route, int status, bool dropped)> _log = new();

    /// <summary>Remembers the last 2,000 API requests (GET /_sim/requests).</summary>
    public void Log(string method, string target, string route, int status, bool dropped)
    {
        lock (_logGate)
        {
            if (_log.Count == LogSize) _log.Dequeue();
            _log.Enqueue((DateTime.UtcNow, method, target, route, status, dropped));
        }
    }

    public byte[] LogJson(int last) => JsonDefaults.Write(w =>
    {
        List<(DateTime at, string method, string target, string route, int status, bool dropped)> rows;
        lock (_logGate) rows = _log.Skip(Math.Max(0, _log.Count - last)).ToList();
        w.WriteStartArray();
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("time", r.at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("method", r.method);
            w.WriteString("target", r.target);
            w.WriteString("route", r.route);
            w.WriteNumber("status", r.status);
            w.WriteBoolean("dropped", r.dropped);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public void Clear()
    {
        _counts.Clear();
        lock (_logGate) _log.Clear();
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
