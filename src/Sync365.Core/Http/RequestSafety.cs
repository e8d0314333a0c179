using System.Net.Http;

namespace Sync365.Core.Http
{
    /// <summary>
    /// Marks a request as safe to send again. GET/PUT/PATCH/DELETE are idempotent by HTTP's rules; a POST is
    /// only retried after a 429 (the server refused it before doing anything) or when it is marked as a read
    /// (a bundle of GETs).
    /// </summary>
    public static class RequestSafety
    {
        private const string Key = "Sync365.SafeToRetry";
        private const string MaxRetriesKey = "Sync365.MaxRetries";

        /// <summary>Caps the retries of one request below the connection's setting (e.g. the first contact, where a typo should fail fast).</summary>
        public static void LimitRetries(HttpRequestMessage request, int maxRetries) => request.Properties[MaxRetriesKey] = maxRetries;

        public static int? RetryLimit(HttpRequestMessage request) =>
            request.Properties.TryGetValue(MaxRetriesKey, out var v) && v is int i ? i : (int?)null;

        public static void MarkSafeToRetry(HttpRequestMessage request) => request.Properties[Key] = true;

        public static bool IsSafeToRetry(HttpRequestMessage request)
        {
            if (request.Properties.TryGetValue(Key, out var v) && v is bool b && b)
            {
                return true;
            }

            var m = request.Method.Method.ToUpperInvariant();
            return m == "GET" || m == "HEAD" || m == "PUT" || m == "PATCH" || m == "DELETE" || m == "OPTIONS";
        }
    }
}
