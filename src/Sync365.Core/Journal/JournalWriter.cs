using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace Sync365.Core.Journal
{
    /// <summary>
    /// Appends one run to a JSON-lines journal. <see cref="Intent"/> is called before a request is sent and returns
    /// only once its line is on the disk (fsync): if the process dies, or the machine loses power, at any point,
    /// every change the server may have made has its line. Answer lines (done, failed, run-end) are handed to the
    /// operating system before the method returns, which survives a killed process; should a power cut lose one,
    /// the change reads as Unknown and is resolved by reading the record, so they skip the second fsync that would
    /// otherwise halve the write rate. Thread-safe; one writer per file.
    /// </summary>
    public sealed class JournalWriter : IDisposable
    {
        private readonly object _gate = new object();
        private readonly FileStream _stream;
        private readonly FileStream _lock;
        private readonly JournalRunStart _run;
        private long _seq;
        private bool _ended;
        private bool _disposed;

        private JournalWriter(string path, FileStream stream, FileStream lockFile, JournalRunStart run)
        {
            Path = path;
            _stream = stream;
            _lock = lockFile;
            _run = run;
        }

        public string Path { get; }

        public string RunId => _run.RunId;

        /// <summary>Opens (creating folders as needed) and writes the run-start line.</summary>
        public static JournalWriter Open(string path, JournalRunStart run)
        {
            if (string.IsNullOrWhiteSpace(run.RunId))
            {
                throw new ArgumentException("The run needs an id.", nameof(run));
            }

            var full = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            FileStream stream;
            FileStream lockFile;
            try
            {
                // One writer per journal, on every platform: FileShare is only advisory on Linux and macOS, but an
                // exclusive open of a lock file beside the journal is not (and the OS releases it if the process dies).
                lockFile = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException ex)
            {
                throw new JournalException($"Cannot write the journal '{full}': another Sync365 run is writing it ({ex.Message}). Choose another file with -JournalPath, or wait for that run to end.", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new JournalException($"Cannot write the journal '{full}': {ex.Message} Choose a folder you can write to with -JournalPath.", ex);
            }

            try
            {
                stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                lockFile.Dispose();
                throw new JournalException($"Cannot write the journal '{full}': {ex.Message} Another Sync365 run may be writing it, or the folder is read-only; choose another file with -JournalPath.", ex);
            }

            var writer = new JournalWriter(full, stream, lockFile, run);
            try
            {
                writer.WriteLine(durable: true, w =>
                {
                    w.WriteString("kind", JournalKinds.RunStart);
                    w.WriteString("runId", run.RunId);
                    w.WriteString("time", Now());
                    w.WriteString("command", run.Command);
                    w.WriteString("server", run.Server);
                    w.WriteString("companyId", run.CompanyId);
                    if (run.ConnectionName != null)
                    {
                        w.WriteString("connection", run.ConnectionName);
                    }

                    if (run.UndoOf != null)
                    {
                        w.WriteString("undoOf", run.UndoOf);
                    }

                    w.WriteString("user", Environment.UserName);
                    w.WriteString("machine", Environment.MachineName);
                    JournalValues.WriteFields(w, "parameters", run.Parameters);
                });
            }
            catch
            {
                writer.Dispose();
                throw;
            }

            return writer;
        }

        /// <summary>Records a change about to be sent and returns its sequence number in the run.</summary>
        public long Intent(ChangeIntent change)
        {
            var seq = Interlocked.Increment(ref _seq);
            WriteLine(durable: true, w =>
            {
                w.WriteString("kind", JournalKinds.Intent);
                w.WriteString("runId", _run.RunId);
                w.WriteNumber("seq", seq);
                w.WriteString("time", Now());
                w.WriteString("server", _run.Server);
                w.WriteString("companyId", _run.CompanyId);
                w.WriteString("resource", change.Resource);
                w.WriteNumber("id", change.RecordId);
                w.WriteString("op", change.Operation);
                if (change.Target != null)
                {
                    w.WriteString("target", change.Target);
                }

                JournalValues.WriteFields(w, "before", change.Before);
                JournalValues.WriteFields(w, "after", change.After);
                if (change.Context.Count > 0)
                {
                    JournalValues.WriteFields(w, "context", change.Context);
                }
            });
            return seq;
        }

        /// <summary>Records that the server confirmed a change, with the fields as it answered them.</summary>
        public void Done(long seq, IReadOnlyDictionary<string, object?> result)
        {
            WriteLine(durable: false, w =>
            {
                w.WriteString("kind", JournalKinds.Done);
                w.WriteString("runId", _run.RunId);
                w.WriteNumber("seq", seq);
                w.WriteString("time", Now());
                JournalValues.WriteFields(w, "result", result);
            });
        }

        /// <summary>
        /// Records that a change failed. <paramref name="mayHaveApplied"/> is true when the answer never came
        /// (network, cancellation): the change is then Unknown until someone reads the record.
        /// </summary>
        public void Failed(long seq, string errorId, string message, int? statusCode, bool mayHaveApplied)
        {
            WriteLine(durable: false, w =>
            {
                w.WriteString("kind", JournalKinds.Failed);
                w.WriteString("runId", _run.RunId);
                w.WriteNumber("seq", seq);
                w.WriteString("time", Now());
                w.WriteString("errorId", errorId);
                w.WriteString("error", message);
                if (statusCode.HasValue)
                {
                    w.WriteNumber("statusCode", statusCode.Value);
                }

                w.WriteString("outcome", mayHaveApplied ? "unknown" : "not-applied");
            });
        }

        /// <summary>The last line of a run: counts per status, and whether it was stopped before the end.</summary>
        public void End(IReadOnlyDictionary<string, int> counts, bool stopped)
        {
            WriteLine(durable: true, w =>
            {
                w.WriteString("kind", JournalKinds.RunEnd);
                w.WriteString("runId", _run.RunId);
                w.WriteString("time", Now());
                w.WriteBoolean("stopped", stopped);
                w.WritePropertyName("counts");
                w.WriteStartObject();
                foreach (var kv in counts)
                {
                    w.WriteNumber(kv.Key, kv.Value);
                }

                w.WriteEndObject();
            });
            _ended = true;
        }

        public bool Ended => _ended;

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _stream.Dispose();
                _lock.Dispose();
            }
        }

        private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private void WriteLine(bool durable, Action<Utf8JsonWriter> body)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
            {
                w.WriteStartObject();
                body(w);
                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(JournalWriter));
                }

                try
                {
                    buffer.Position = 0;
                    buffer.CopyTo(_stream);

                    // durable: through the OS cache to the disk, so a power cut after this returns keeps the line.
                    _stream.Flush(durable);
                }
                catch (IOException ex)
                {
                    throw new JournalException($"Writing the journal '{Path}' failed: {ex.Message} Nothing more is sent until the journal can be written.", ex);
                }
            }
        }
    }
}
