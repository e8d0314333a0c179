using System;
using System.Collections.Generic;
using System.Linq;

namespace Sync365.Core.Journal
{
    /// <summary>One run of a command as its journal records it (Get-S365Change -Run outputs these).</summary>
    public sealed class JournalRun
    {
        public string RunId { get; set; } = string.Empty;

        public string? Command { get; set; }

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Ended { get; set; }

        /// <summary>False when the run never wrote its last line (killed, or still running).</summary>
        public bool Complete { get; set; }

        public bool Stopped { get; set; }

        public string? Server { get; set; }

        public string? CompanyId { get; set; }

        public string? ConnectionName { get; set; }

        public string? User { get; set; }

        public string? Machine { get; set; }

        public string? UndoOf { get; set; }

        public IReadOnlyDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();

        public List<JournalChange> Changes { get; } = new List<JournalChange>();

        public int Done => Changes.Count(c => c.State == ChangeState.Done);

        public int Failed => Changes.Count(c => c.State == ChangeState.Failed);

        public int Unknown => Changes.Count(c => c.State == ChangeState.Unknown);

        public string JournalPath { get; set; } = string.Empty;

        public override string ToString() => $"{RunId} {Command} ({Changes.Count} changes)";
    }
}
