using System;

namespace Sync365.Core.Journal
{
    /// <summary>The journal cannot be written or read; no write is sent without its line.</summary>
    public sealed class JournalException : Exception
    {
        public JournalException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
