using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Journal;

namespace Sync365.Commands
{
    /// <summary>Lists the runs and changes a journal (a file, or a folder of them) records. Reads only.</summary>
    [Cmdlet(VerbsCommon.Get, "S365Change", DefaultParameterSetName = ChangesSet)]
    [OutputType(typeof(JournalChange), ParameterSetName = new[] { ChangesSet })]
    [OutputType(typeof(JournalRun), ParameterSetName = new[] { RunsSet })]
    public sealed class GetS365ChangeCommand : S365Cmdlet
    {
        private const string ChangesSet = "Changes";
        private const string RunsSet = "Runs";

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? RunId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RunsSet)]
        public SwitchParameter Run { get; set; }

        [Parameter(ParameterSetName = ChangesSet)]
        public ChangeState[]? State { get; set; }

        protected override void ProcessRecord()
        {
            var path = string.IsNullOrEmpty(JournalPath) ? JournalPaths.DefaultFolder : SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = JournalReader.FilesIn(path).ToList();
            }
            else if (File.Exists(path))
            {
                files = new[] { path };
            }
            else
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no journal file or folder at '{path}'. Journals are written to {JournalPaths.DefaultFolder} unless -JournalPath was given to the command that wrote them."), "JournalNotFound", ErrorCategory.ObjectNotFound, path));
                return;
            }

            var runPattern = RunId == null ? null : WildcardPattern.Get(RunId, WildcardOptions.IgnoreCase);
            foreach (var f in files)
            {
                JournalFile file;
                try
                {
                    file = JournalReader.Read(f);
                }
                catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, "JournalUnreadable", ErrorCategory.ReadError, f));
                    continue;
                }

                foreach (var problem in file.Problems)
                {
                    WriteWarning($"{f}: {problem}");
                }

                foreach (var run in file.Runs.Where(r => runPattern == null || runPattern.IsMatch(r.RunId)))
                {
                    if (Run)
                    {
                        WriteObject(run);
                        continue;
                    }

                    foreach (var change in run.Changes.Where(c => State == null || State.Length == 0 || State.Contains(c.State)))
                    {
                        WriteObject(change);
                    }
                }
            }
        }
    }
}
