using System;
using System.Threading;

namespace Sync365.Core.Http
{
    /// <summary>
    /// Where request log lines go for the operation in progress. A cmdlet opens a scope around each call into the
    /// client; the lines follow the async flow of that call, so two commands sharing one connection in a pipeline
    /// each see only their own requests.
    /// </summary>
    public static class HttpLogScope
    {
        private static readonly AsyncLocal<Action<HttpRequestLog>?> CurrentSink = new AsyncLocal<Action<HttpRequestLog>?>();

        public static Action<HttpRequestLog>? Current => CurrentSink.Value;

        public static IDisposable Begin(Action<HttpRequestLog> sink)
        {
            var previous = CurrentSink.Value;
            CurrentSink.Value = sink;
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly Action<HttpRequestLog>? _previous;

            public Restore(Action<HttpRequestLog>? previous) => _previous = previous;

            public void Dispose() => CurrentSink.Value = _previous;
        }
    }
}
