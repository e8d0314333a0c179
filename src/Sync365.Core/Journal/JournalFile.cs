using System.Collections.Generic;

namespace Sync365.Core.Journal
{
    /// <summary>A journal file read whole: its runs in order, and anything odd found in it.</summary>
    public sealed class JournalFile
    {
        public JournalFile(string path) => Path = path;

        public string Path { get; }

        public List<JournalRun> Runs { get; } = new List<JournalRun>();

        /// <summary>Lines that could not be used (a cut-short last line after a kill, for instance).</summary>
        public List<string> Problems { get; } = new List<string>();
    }
}
