using System;
using System.Globalization;
using System.IO;

namespace Sync365.Core.Journal
{
    /// <summary>Where journals go when the user does not say.</summary>
    public static class JournalPaths
    {
        /// <summary>
        /// The user's local data folder + Sync365/journal (Windows: %LOCALAPPDATA%\Sync365\journal; Linux and
        /// macOS: ~/.local/share/Sync365/journal). Falls back to the temp folder for accounts without one.
        /// </summary>
        public static string DefaultFolder
        {
            get
            {
                // DoNotVerify: a fresh account may not have the folder yet (the writer creates it); without it .NET answers "".
                var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(root))
                {
                    root = Path.GetTempPath();
                }

                return Path.Combine(root, "Sync365", "journal");
            }
        }

        /// <summary>One file per run, named so a folder listing sorts by time: 2026-12-31T170512Z-3fa9c1.jsonl.</summary>
        public static string ForRun(string runId) => Path.Combine(DefaultFolder, runId + ".jsonl");

        /// <summary>A run id that sorts by start time and is unique enough to name a file: 20261231T170512Z-3fa9c1.</summary>
        public static string NewRunId(DateTimeOffset now) =>
            now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
    }
}
