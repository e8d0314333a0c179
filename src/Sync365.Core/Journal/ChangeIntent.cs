using System.Collections.Generic;

namespace Sync365.Core.Journal
{
    /// <summary>A write about to be sent: which record, and the fields before and after.</summary>
    public sealed class ChangeIntent
    {
        /// <summary>The record's collection, relative to the API root, e.g. finance/agreements/12/additions.</summary>
        public string Resource { get; set; } = string.Empty;

        public long RecordId { get; set; }

        /// <summary>What the change is, in a word: cancel, undo.</summary>
        public string Operation { get; set; } = string.Empty;

        /// <summary>The record in words, for people reading the journal.</summary>
        public string? Target { get; set; }

        public IReadOnlyDictionary<string, object?> Before { get; set; } = new Dictionary<string, object?>();

        public IReadOnlyDictionary<string, object?> After { get; set; } = new Dictionary<string, object?>();

        /// <summary>Extra facts about the record (company, agreement, product...), kept for reports.</summary>
        public IReadOnlyDictionary<string, object?> Context { get; set; } = new Dictionary<string, object?>();
    }
}
