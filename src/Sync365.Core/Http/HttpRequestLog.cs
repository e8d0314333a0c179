using System;

namespace Sync365.Core.Http
{
    /// <summary>One line per HTTP exchange, for -Verbose. Never carries headers, so no secret can leak into it.</summary>
    public sealed class HttpRequestLog
    {
        public HttpRequestLog(string method, Uri url, int? statusCode, TimeSpan elapsed, int attempt, string? note)
        {
            Method = method;
            Url = url;
            StatusCode = statusCode;
            Elapsed = elapsed;
            Attempt = attempt;
            Note = note;
        }

        public string Method { get; }
        public Uri Url { get; }
        public int? StatusCode { get; }
        public TimeSpan Elapsed { get; }
        public int Attempt { get; }
        public string? Note { get; }

        public override string ToString()
        {
            var status = StatusCode.HasValue ? StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
            var retry = Attempt > 1 ? $" (attempt {Attempt})" : string.Empty;
            var note = string.IsNullOrEmpty(Note) ? string.Empty : " — " + Note;
            return $"{Method} {Url} → {status} in {(int)Elapsed.TotalMilliseconds} ms{retry} [Authorization: <redacted>]{note}";
        }
    }
}
