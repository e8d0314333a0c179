using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Core.Journal
{
    /// <summary>
    /// Puts back what a journalled change wrote, but only where the record still holds exactly what the run
    /// wrote. <see cref="CheckAsync"/> reads the record and decides; <see cref="ApplyAsync"/> writes (journalled
    /// like any other write). Unknown changes (no answer recorded) are resolved by the same read.
    /// </summary>
    public sealed class ChangeUndoer
    {
        private readonly ConnectWiseClient _client;

        public ChangeUndoer(ConnectWiseClient client) => _client = client;

        public async Task<UndoResult> CheckAsync(JournalChange change, CancellationToken ct)
        {
            var result = new UndoResult
            {
                RunId = change.RunId,
                Seq = change.Seq,
                Resource = change.Resource,
                RecordId = change.RecordId,
                Target = change.Target,
                Company = change.Context.TryGetValue("company", out var c) ? c as string : null,
                Product = change.Context.TryGetValue("product", out var p) ? p as string : null,
                Written = change.After,
                Restore = change.Before,
            };

            JsonElement record;
            try
            {
                record = await _client.GetAsync<JsonElement>(RecordPath(change), ct).ConfigureAwait(false);
            }
            catch (PsaApiException ex) when (ex.StatusCode == 404)
            {
                result.Status = UndoStatus.Gone;
                result.Reason = "The record no longer exists; nothing to put back.";
                return result;
            }
            catch (PsaApiException ex)
            {
                result.Status = UndoStatus.Failed;
                result.Error = ex.Message;
                result.ErrorId = ex.ErrorId;
                return result;
            }

            var current = change.After.Keys.ToDictionary(k => k, k => JournalValues.Field(record, k), StringComparer.Ordinal);
            result.Current = current;
            var holdsWritten = change.After.All(kv => JournalValues.Same(current[kv.Key], kv.Value));
            var holdsBefore = change.After.Keys.All(k => JournalValues.Same(current[k], change.Before.TryGetValue(k, out var b) ? b : null));
            if (holdsWritten && !holdsBefore)
            {
                result.Status = UndoStatus.WouldUndo;
                if (change.State == ChangeState.Unknown)
                {
                    // The record cannot tell whether this run or a later one (a re-run) wrote the value; it holds
                    // exactly what this run meant to write, which is the rule for putting back.
                    result.Reason = "The run's answer was never recorded; the record holds what the run meant to write.";
                }
            }
            else if (holdsBefore)
            {
                result.Status = UndoStatus.AlreadyUndone;
                result.Reason = change.State == ChangeState.Done
                    ? "The record already holds the value from before the run."
                    : "The change never reached the record (it holds the value from before the run).";
            }
            else
            {
                result.Status = UndoStatus.Conflict;
                result.Reason = "Changed since the run: " + string.Join("; ", change.After.Select(kv =>
                    $"{kv.Key} is {JournalValues.Show(current[kv.Key])}, the run wrote {JournalValues.Show(kv.Value)}")) + ". Left alone.";
            }

            return result;
        }

        /// <summary>Writes the values from before the run back (for a result <see cref="CheckAsync"/> found undoable).</summary>
        public async Task<UndoResult> ApplyAsync(JournalChange change, UndoResult check, JournalWriter journal, CancellationToken ct)
        {
            check.UndoRunId = journal.RunId;
            var restore = change.After.Keys.ToDictionary(k => k, k => change.Before.TryGetValue(k, out var b) ? b : null, StringComparer.Ordinal);
            var intent = new ChangeIntent
            {
                Resource = change.Resource,
                RecordId = change.RecordId,
                Operation = "undo",
                Target = "Undo of " + change.RunId + "#" + change.Seq.ToString(CultureInfo.InvariantCulture) + ": " + change.Target,
                Before = check.Current,
                After = restore,
                Context = change.Context,
            };
            var seq = journal.Intent(intent);
            try
            {
                var ops = restore.Select(kv => new CwPatchOperation("replace", kv.Key, kv.Value)).ToList();
                var updated = await _client.PatchAsync<JsonElement>(RecordPath(change), ops, ct).ConfigureAwait(false);
                var answered = restore.Keys.ToDictionary(k => k, k => updated.ValueKind == JsonValueKind.Object ? JournalValues.Field(updated, k) : null, StringComparer.Ordinal);
                journal.Done(seq, answered);
                check.Status = UndoStatus.Undone;
                return check;
            }
            catch (PsaApiException ex)
            {
                journal.Failed(seq, ex.ErrorId, ex.Message, ex.StatusCode, ex.StatusCode == null || ex.StatusCode >= 500);
                check.Status = UndoStatus.Failed;
                check.Error = ex.Message;
                check.ErrorId = ex.ErrorId;
                return check;
            }
            catch (OperationCanceledException)
            {
                journal.Failed(seq, "Stopped", "The run was stopped while this change was being sent; the record must be read to know whether it applied.", null, true);
                throw;
            }
        }

        private static string RecordPath(JournalChange change) => change.Resource.TrimEnd('/') + "/" + change.RecordId.ToString(CultureInfo.InvariantCulture);
    }
}
