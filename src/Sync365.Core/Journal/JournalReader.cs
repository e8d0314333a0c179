using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Sync365.Core.Journal
{
    /// <summary>
    /// Reads a journal into runs and changes. Tolerates what a killed process leaves: a last line cut short, an
    /// intent without its answer (Unknown), a run without its end line. Never writes.
    /// </summary>
    public static class JournalReader
    {
        public static JournalFile Read(string path)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new JournalException($"There is no journal at '{full}'. Get-S365Change -JournalPath <folder> lists the runs in a folder; the default folder is {JournalPaths.DefaultFolder}.");
            }

            string text;
            using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false)))
            {
                text = reader.ReadToEnd();
            }

            return Parse(full, text);
        }

        internal static JournalFile Parse(string path, string text)
        {
            var file = new JournalFile(path);
            var runs = new Dictionary<string, JournalRun>(StringComparer.Ordinal);
            var changes = new Dictionary<string, JournalChange>(StringComparer.Ordinal);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(line);
                }
                catch (JsonException)
                {
                    var last = i == lines.Length - 1;
                    file.Problems.Add(last
                        ? $"Line {i + 1} was cut short (the process writing it was stopped mid-line); it is ignored."
                        : $"Line {i + 1} is not JSON and is ignored.");
                    continue;
                }

                using (doc)
                {
                    var e = doc.RootElement;
                    var kind = Str(e, "kind");
                    var runId = Str(e, "runId") ?? "(no run id)";
                    if (!runs.TryGetValue(runId, out var run))
                    {
                        run = new JournalRun { RunId = runId, JournalPath = path };
                        runs.Add(runId, run);
                        file.Runs.Add(run);
                    }

                    switch (kind)
                    {
                        case JournalKinds.RunStart:
                            run.Command = Str(e, "command");
                            run.Started = Time(e, "time");
                            run.Server = Str(e, "server");
                            run.CompanyId = Str(e, "companyId");
                            run.ConnectionName = Str(e, "connection");
                            run.User = Str(e, "user");
                            run.Machine = Str(e, "machine");
                            run.UndoOf = Str(e, "undoOf");
                            run.Parameters = Fields(e, "parameters");
                            break;
                        case JournalKinds.Intent:
                            {
                                var seq = e.TryGetProperty("seq", out var s) && s.TryGetInt64(out var sv) ? sv : 0;
                                var change = new JournalChange
                                {
                                    RunId = runId,
                                    Seq = seq,
                                    Time = Time(e, "time") ?? default,
                                    Command = run.Command,
                                    Server = Str(e, "server") ?? run.Server,
                                    CompanyId = Str(e, "companyId") ?? run.CompanyId,
                                    Resource = Str(e, "resource") ?? string.Empty,
                                    RecordId = e.TryGetProperty("id", out var id) && id.TryGetInt64(out var idv) ? idv : 0,
                                    Operation = Str(e, "op"),
                                    Target = Str(e, "target"),
                                    Before = Fields(e, "before"),
                                    After = Fields(e, "after"),
                                    Context = Fields(e, "context"),
                                    State = ChangeState.Unknown,
                                    JournalPath = path,
                                };
                                changes[Key(runId, seq)] = change;
                                run.Changes.Add(change);
                                break;
                            }

                        case JournalKinds.Done:
                        case JournalKinds.Failed:
                            {
                                var seq = e.TryGetProperty("seq", out var s) && s.TryGetInt64(out var sv) ? sv : 0;
                                if (!changes.TryGetValue(Key(runId, seq), out var change))
                                {
                                    file.Problems.Add($"Line {i + 1} answers change {seq} of run {runId}, whose intent line is missing.");
                                    break;
                                }

                                change.CompletedTime = Time(e, "time");
                                if (kind == JournalKinds.Done)
                                {
                                    change.State = ChangeState.Done;
                                    change.Result = Fields(e, "result");
                                }
                                else
                                {
                                    change.ErrorId = Str(e, "errorId");
                                    change.Error = Str(e, "error");
                                    change.StatusCode = e.TryGetProperty("statusCode", out var sc) && sc.TryGetInt32(out var scv) ? scv : (int?)null;
                                    change.State = Str(e, "outcome") == "unknown" ? ChangeState.Unknown : ChangeState.Failed;
                                }

                                break;
                            }

                        case JournalKinds.RunEnd:
                            run.Ended = Time(e, "time");
                            run.Complete = true;
                            run.Stopped = e.TryGetProperty("stopped", out var st) && st.ValueKind == JsonValueKind.True;
                            break;
                        default:
                            file.Problems.Add($"Line {i + 1} has an unknown kind '{kind}' and is ignored.");
                            break;
                    }
                }
            }

            return file;
        }

        /// <summary>Every *.jsonl journal in a folder, oldest first.</summary>
        public static IEnumerable<string> FilesIn(string folder) =>
            Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.jsonl").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                : Enumerable.Empty<string>();

        private static string Key(string runId, long seq) => runId + "#" + seq.ToString(CultureInfo.InvariantCulture);

        private static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static DateTimeOffset? Time(JsonElement e, string name)
        {
            var s = Str(e, name);
            return s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        }

        private static IReadOnlyDictionary<string, object?> Fields(JsonElement e, string name)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (e.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in obj.EnumerateObject())
                {
                    result[p.Name] = JournalValues.FromJson(p.Value);
                }
            }

            return result;
        }
    }
}
