using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Billing;
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

        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

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
            var activity = $"Undoing run {run.RunId}";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lastProgress = TimeSpan.Zero;
            var emitted = 0;
            var runner = new BoundedRunner<UndoResult>(ThrottleLimit);

            void Progress(string phase, int done)
            {
                if (done == 0 || clock.Elapsed - lastProgress > TimeSpan.FromMilliseconds(250))
                {
                    lastProgress = clock.Elapsed;
                    WriteProgress(new ProgressRecord(3, activity, $"{phase}: {done} of {changes.Count}") { PercentComplete = Math.Min(100, done * 100 / Math.Max(1, changes.Count)) });
                }
            }

            void Emit(UndoResult result)
            {
                emitted++;
                counts[result.Status]++;
                WriteObject(result);
                if (result.Status == UndoStatus.Failed)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException(result.Error), result.ErrorId ?? "UndoFailed", ErrorCategory.WriteError, result));
                }
                else if (result.Status == UndoStatus.Conflict)
                {
                    WriteWarning($"{result.Target}: {result.Reason}");
                }
            }

            void Drain()
            {
                while (runner.TryTake(out var task))
                {
                    try
                    {
                        Emit(task.GetAwaiter().GetResult());
                    }
                    catch (OperationCanceledException)
                    {
                        throw new PipelineStoppedException();
                    }
                }

                FlushWorkerLog();
                Progress("Putting back", emitted);
            }

            try
            {
                // Read every record first (reads only, -ThrottleLimit at a time), then ask and write change by change.
                var checks = new UndoResult[changes.Count];
                var read = 0;
                using (var reader = new BoundedRunner<UndoResult>(ThrottleLimit))
                {
                    var next = 0;
                    while (next < changes.Count || reader.InFlight > 0)
                    {
                        while (next < changes.Count && reader.HasRoom)
                        {
                            var index = next++;
                            var change = changes[index];
                            var token = CancellationToken;
                            reader.Start(async () =>
                            {
                                using (Sync365.Core.Http.HttpLogScope.Begin(WorkerLog))
                                {
                                    var r = await undoer.CheckAsync(change, token).ConfigureAwait(false);
                                    checks[index] = r;
                                    return r;
                                }
                            });
                        }

                        reader.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                        while (reader.TryTake(out var t))
                        {
                            try
                            {
                                t.GetAwaiter().GetResult();
                            }
                            catch (OperationCanceledException)
                            {
                                throw new PipelineStoppedException();
                            }

                            read++;
                        }

                        FlushWorkerLog();
                        Progress("Reading records", read);
                    }
                }

                for (var i = 0; i < changes.Count; i++)
                {
                    var change = changes[i];
                    var check = checks[i];
                    if (check.Status != UndoStatus.WouldUndo)
                    {
                        Emit(check);
                        continue;
                    }

                    var target = $"{change.Target ?? change.Resource + "/" + change.RecordId.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", change.After.Keys.Select(k => $"{k} {JournalValues.Show(check.Current[k])} → {JournalValues.Show(change.Before.TryGetValue(k, out var b) ? b : null)}"))}";
                    if (!ShouldProcess(target, target, "Undo change", out var reason))
                    {
                        if (reason != ShouldProcessReason.WhatIf)
                        {
                            check.Status = UndoStatus.Skipped;
                            check.Reason = "Declined at the confirmation prompt.";
                        }

                        Emit(check);
                        continue;
                    }

                    journal ??= OpenJournal(path, run, connection);
                    while (!runner.HasRoom)
                    {
                        runner.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                        Drain();
                    }

                    var j = journal;
                    var ct = CancellationToken;
                    runner.Start(async () =>
                    {
                        using (Sync365.Core.Http.HttpLogScope.Begin(WorkerLog))
                        {
                            return await undoer.ApplyAsync(change, check, j, ct).ConfigureAwait(false);
                        }
                    });
                    Drain();
                }

                while (runner.InFlight > 0)
                {
                    runner.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                    Drain();
                }

                stopped = false;
            }
            finally
            {
                while (runner.InFlight > 0)
                {
                    runner.WaitForCompletion(TimeSpan.FromMilliseconds(250));
                    while (runner.TryTake(out _))
                    {
                    }
                }

                runner.Dispose();
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

                WriteProgress(new ProgressRecord(3, activity, "Done") { RecordType = ProgressRecordType.Completed });
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
