using System;
using System.Collections.Generic;

namespace Sync365.Core.Journal
{
    /// <summary>One write as a journal records it (Get-S365Change outputs these).</summary>
    public sealed class JournalChange
    {
        public string RunId { get; set; } = string.Empty;

        public long Seq { get; set; }

        public DateTimeOffset Time { get; set; }

        public string? Command { get; set; }

        public string? Server { get; set; }

        public string? CompanyId { get; set; }

        public string Resource { get; set; } = string.Empty;

        public long RecordId { get; set; }

        public string? Operation { get; set; }

        public string? Target { get; set; }

        public IReadOnlyDictionary<string, object?> Before { get; set; } = new Dictionary<string, object?>();

        public IReadOnlyDictionary<string, object?> After { get; set; } = new Dictionary<string, object?>();

        /// <summary>The fields as the server answered them (Done only).</summary>
        public IReadOnlyDictionary<string, object?> Result { get; set; } = new Dictionary<string, object?>();

        public IReadOnlyDictionary<string, object?> Context { get; set; } = new Dictionary<string, object?>();

        public ChangeState State { get; set; }

        public DateTimeOffset? CompletedTime { get; set; }

        public string? ErrorId { get; set; }

        public string? Error { get; set; }

        public int? StatusCode { get; set; }

        public string JournalPath { get; set; } = string.Empty;

        /// <summary>"cancelledDate: (none) → 2026-12-31T00:00:00Z" for each field, for tables.</summary>
        public string Summary
        {
            get
            {
                var parts = new List<string>();
                foreach (var kv in After)
                {
                    Before.TryGetValue(kv.Key, out var before);
                    parts.Add($"{kv.Key}: {JournalValues.Show(before)} → {JournalValues.Show(kv.Value)}");
                }

                return string.Join("; ", parts);
            }
        }

        public override string ToString() => $"{RunId}#{Seq} {Resource}/{RecordId} {State}";
    }
}
