using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Journal;
using Sync365.Core.Psa;

namespace Sync365.Commands
{
    /// <summary>
    /// Puts back what a journalled run changed, record by record, but only where the record still holds what
    /// the run wrote; anything changed since is a conflict and left alone. The undo is itself journalled, as a new
    /// run in the same journal file.
    /// </summary>
    [Cmdlet(VerbsCommon.Undo, "S365Change", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(UndoResult))]
    public sealed class UndoS365ChangeCommand : S365WriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? RunId { get; set; }

        protected override void ProcessRecord()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
            JournalFile file;
            try
            {
                file = JournalReader.Read(path);
            }
            catch (JournalException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "JournalNotFound", ErrorCategory.ObjectNotFound, path));
                return;
            }

            foreach (var problem in file.Problems)
            {
                WriteWarning($"{path}: {problem}");
            }

            var run = PickRun(file);
            var connection = ResolveConnection();
            if (!SameServer(run.Server, connection.Server) || !string.Equals(run.CompanyId, connection.CompanyId, StringComparison.OrdinalIgnoreCase))
            {
                ThrowError("WrongConnection",
                    $"Run {run.RunId} changed {run.Server} (company id '{run.CompanyId}'), but the connection '{connection.Name}' is to {connection.Server} (company id '{connection.CompanyId}'). Connect to the PSA the run changed (Connect-S365Psa), or pass -Connection.",
                    ErrorCategory.InvalidArgument, run.RunId);
            }

            // Latest first, so a record changed twice in one run ends where it started.
            var changes = run.Changes.Where(c => c.State != ChangeState.Failed).OrderByDescending(c => c.Seq).ToList();
            foreach (var failed in run.Changes.Where(c => c.State == ChangeState.Failed))
            {
                WriteVerbose($"Change {failed.Seq} ({failed.Target}) failed in the run, so there is nothing to undo: {failed.Error}");
            }

            var undoer = new ChangeUndoer(connection.ConnectWise);
            JournalWriter? journal = null;
            var counts = Enum.GetValues(typeof(UndoStatus)).Cast<UndoStatus>().ToDictionary(s => s, _ => 0);
            var stopped = true;
            try
            {
                var done = 0;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var lastProgress = TimeSpan.Zero;
                foreach (var change in changes)
                {
                    if (done == 0 || clock.Elapsed - lastProgress > TimeSpan.FromMilliseconds(250))
                    {
                        lastProgress = clock.Elapsed;
                        WriteProgress(new ProgressRecord(3, $"Undoing run {run.RunId}", $"{done} of {changes.Count}") { PercentComplete = done * 100 / Math.Max(1, changes.Count) });
                    }

                    done++;
                    var check = Run(ct => undoer.CheckAsync(change, ct));
                    if (check.Status == UndoStatus.WouldUndo)
                    {
                        var target = $"{change.Target ?? change.Resource + "/" + change.RecordId.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", change.After.Keys.Select(k => $"{k} {JournalValues.Show(check.Current[k])} → {JournalValues.Show(change.Before.TryGetValue(k, out var b) ? b : null)}"))}";
                        if (ShouldProcess(target, target, "Undo change", out var reason))
                        {
                            journal ??= OpenJournal(path, run, connection);
                            var j = journal;
                            check = Run(ct => undoer.ApplyAsync(change, check, j, ct));
                        }
                        else if (reason != ShouldProcessReason.WhatIf)
                        {
                            check.Status = UndoStatus.Skipped;
                            check.Reason = "Declined at the confirmation prompt.";
                        }
                    }

                    counts[check.Status]++;
                    WriteObject(check);
                    if (check.Status == UndoStatus.Failed)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException(check.Error), check.ErrorId ?? "UndoFailed", ErrorCategory.WriteError, check));
                    }
                    else if (check.Status == UndoStatus.Conflict)
                    {
                        WriteWarning($"{check.Target}: {check.Reason}");
                    }
                }

                stopped = false;
            }
            finally
            {
                if (journal != null)
                {
                    try
                    {
                        journal.End(counts.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), stopped);
                    }
                    catch (JournalException)
                    {
                    }

                    journal.Dispose();
                }

                WriteProgress(new ProgressRecord(3, $"Undoing run {run.RunId}", "Done") { RecordType = ProgressRecordType.Completed });
            }

            Say($"Undo of run {run.RunId}: " + string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")) + (journal != null ? $". Journal: {journal.Path} (run {journal.RunId})" : string.Empty), "Summary");
        }

        private static bool SameServer(string? a, string? b) =>
            string.Equals((a ?? string.Empty).TrimEnd('/'), (b ?? string.Empty).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        private JournalRun PickRun(JournalFile file)
        {
            if (!string.IsNullOrEmpty(RunId))
            {
                var run = file.Runs.FirstOrDefault(r => string.Equals(r.RunId, RunId, StringComparison.OrdinalIgnoreCase));
                if (run == null)
                {
                    ThrowError("RunNotFound", $"The journal {file.Path} has no run '{RunId}'. Its runs: {string.Join(", ", file.Runs.Select(r => r.RunId))}.", ErrorCategory.ObjectNotFound, RunId);
                }

                return run!;
            }

            var candidates = file.Runs.Where(r => r.UndoOf == null && r.Changes.Count > 0).ToList();
            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            if (candidates.Count == 0)
            {
                ThrowError("NothingToUndo", $"The journal {file.Path} records no changes to undo.", ErrorCategory.ObjectNotFound, file.Path);
            }

            ThrowError("RunIdRequired", $"The journal {file.Path} holds {candidates.Count} runs with changes; say which to undo with -RunId: {string.Join(", ", candidates.Select(r => $"{r.RunId} ({r.Command}, {r.Changes.Count} changes)"))}.", ErrorCategory.InvalidArgument, file.Path);
            return null!;
        }

        private JournalWriter OpenJournal(string path, JournalRun run, PsaConnection connection)
        {
            try
            {
                var journal = JournalWriter.Open(path, new JournalRunStart
                {
                    RunId = JournalPaths.NewRunId(DateTimeOffset.UtcNow),
                    Command = MyInvocation.MyCommand.Name,
                    Server = connection.Server,
                    CompanyId = connection.CompanyId,
                    ConnectionName = connection.Name,
                    UndoOf = run.RunId,
                    Parameters = new Dictionary<string, object?> { ["JournalPath"] = path, ["RunId"] = run.RunId },
                });
                Say($"Journal of undo run {journal.RunId}: {journal.Path}", "Journal");
                return journal;
            }
            catch (JournalException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "JournalOpenFailed", ErrorCategory.WriteError, path));
                throw;
            }
        }
    }
}
