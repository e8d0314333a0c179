using System.Collections.Generic;

namespace Sync365.Core.Journal
{
    /// <summary>What the first line of a run records: who changed which PSA, with which command. Never a key.</summary>
    public sealed class JournalRunStart
    {
        public string RunId { get; set; } = string.Empty;

        public string Command { get; set; } = string.Empty;

        /// <summary>The PSA's address (scheme and host), e.g. https://api-na.myconnectwise.net.</summary>
        public string Server { get; set; } = string.Empty;

        /// <summary>The PSA company id (the ConnectWise login company), not a key.</summary>
        public string CompanyId { get; set; } = string.Empty;

        public string? ConnectionName { get; set; }

        /// <summary>For an undo run: the run it puts back.</summary>
        public string? UndoOf { get; set; }

        /// <summary>The command's parameters as the user gave them (values as text).</summary>
        public IReadOnlyDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();
    }
}
