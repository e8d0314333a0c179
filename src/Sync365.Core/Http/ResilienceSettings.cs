using System;

namespace Sync365.Core.Http
{
    /// <summary>Bounds for retries. The defaults suit an unattended nightly runbook: patient, but never endless.</summary>
    public sealed class ResilienceSettings
    {
        /// <summary>Retries after the first attempt, for 429, 5xx and transient network faults.</summary>
        public int MaxRetries { get; set; } = 6;

        /// <summary>First backoff delay for 5xx and network faults; doubles with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Time allowed for one attempt.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        public static ResilienceSettings Default => new ResilienceSettings();
    }
}
