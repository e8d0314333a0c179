using System.Collections.Generic;

namespace Sync365.Core.Journal
{
    /// <summary>One change's line in Undo-S365Change's output.</summary>
    public sealed class UndoResult
    {
        /// <summary>The run being undone.</summary>
        public string RunId { get; set; } = string.Empty;

        public long Seq { get; set; }

        /// <summary>The undo's own journal run (empty for -WhatIf).</summary>
        public string? UndoRunId { get; set; }

        public string Resource { get; set; } = string.Empty;

        public long RecordId { get; set; }

        public string? Target { get; set; }

        public string? Company { get; set; }

        public string? Product { get; set; }

        /// <summary>What the record holds now (before the undo).</summary>
        public IReadOnlyDictionary<string, object?> Current { get; set; } = new Dictionary<string, object?>();

        /// <summary>What the run wrote.</summary>
        public IReadOnlyDictionary<string, object?> Written { get; set; } = new Dictionary<string, object?>();

        /// <summary>What the undo puts back (the values before the run).</summary>
        public IReadOnlyDictionary<string, object?> Restore { get; set; } = new Dictionary<string, object?>();

        public UndoStatus Status { get; set; }

        public string? Reason { get; set; }

        public string? Error { get; set; }

        public string? ErrorId { get; set; }

        public override string ToString() => $"{Resource}/{RecordId}: {Status}";
    }
}
