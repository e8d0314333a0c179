using System.Collections.Concurrent;
using System.Management.Automation;
using Sync365.Core.Http;

namespace Sync365.Commands
{
    /// <summary>
    /// A command that writes to the PSA from worker tasks: their request log lines are queued here and written to
    /// -Verbose by the pipeline thread, and run messages (journal path, summary) go to the information stream as
    /// host messages, so they show at the prompt and a runbook can capture them (6>&amp;1, -InformationVariable).
    /// </summary>
    public abstract class S365WriteCmdlet : PsaCmdlet
    {
        private static readonly string[] HostTags = { "PSHOST", "Sync365" };
        private readonly ConcurrentQueue<HttpRequestLog> _workerLog = new ConcurrentQueue<HttpRequestLog>();

        /// <summary>Where worker tasks' request log lines go (open a <see cref="HttpLogScope"/> with it).</summary>
        protected void WorkerLog(HttpRequestLog entry) => _workerLog.Enqueue(entry);

        /// <summary>Writes the workers' queued log lines to -Verbose (pipeline thread only).</summary>
        protected void FlushWorkerLog()
        {
            FlushLog();
            while (_workerLog.TryDequeue(out var entry))
            {
                WriteVerbose(entry.ToString());
            }
        }

        protected void Say(string message, string tag) =>
            WriteInformation(new HostInformationMessage { Message = message }, new[] { HostTags[0], HostTags[1], "Sync365." + tag });
    }
}
