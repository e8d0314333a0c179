using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Sync365.Core.Http;
using Sync365.Core.Psa;

namespace Sync365.Commands
{
    /// <summary>
    /// Plumbing every Sync365 cmdlet shares: a cancellation token cancelled by Ctrl+C (StopProcessing), request
    /// logging into -Verbose from whatever thread the HTTP call finished on, and error records with stable ids.
    /// </summary>
    public abstract class S365Cmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cts = new CancellationTokenSource();
        private readonly ConcurrentQueue<HttpRequestLog> _log = new ConcurrentQueue<HttpRequestLog>();
        private bool _disposed;

        /// <summary>Cancelled when the user presses Ctrl+C or the host stops the pipeline.</summary>
        protected CancellationToken CancellationToken => _cts.Token;

        protected override void StopProcessing() => _cts.Cancel();

        /// <summary>Runs one asynchronous client call to completion on the pipeline thread.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            using (HttpLogScope.Begin(_log.Enqueue))
            {
                try
                {
                    return call(CancellationToken).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (_cts.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                finally
                {
                    FlushLog();
                }
            }
        }

        /// <summary>Enumerates a blocking stream (pages), logging each request as it happens.</summary>
        protected IEnumerable<T> Stream<T>(Func<CancellationToken, IEnumerable<T>> source)
        {
            IEnumerator<T> e;
            using (HttpLogScope.Begin(_log.Enqueue))
            {
                e = source(CancellationToken).GetEnumerator();
            }

            using (e)
            {
                while (true)
                {
                    bool more;
                    using (HttpLogScope.Begin(_log.Enqueue))
                    {
                        try
                        {
                            more = e.MoveNext();
                        }
                        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
                        {
                            throw new PipelineStoppedException();
                        }
                        finally
                        {
                            FlushLog();
                        }
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    yield return e.Current;
                }
            }
        }

        protected void FlushLog()
        {
            while (_log.TryDequeue(out var entry))
            {
                WriteVerbose(entry.ToString());
            }
        }

        protected ErrorRecord ToErrorRecord(Exception ex, object? target)
        {
            if (ex is PsaApiException p)
            {
                var record = new ErrorRecord(p, p.ErrorId, Category(p.Kind), target);
                if (!string.IsNullOrEmpty(p.Recommendation))
                {
                    record.ErrorDetails = new ErrorDetails(p.Message) { RecommendedAction = p.Recommendation };
                }

                return record;
            }

            return new ErrorRecord(ex, ex.GetType().Name, ErrorCategory.NotSpecified, target);
        }

        /// <summary>Reports a failure of one item and lets the command go on.</summary>
        protected void WriteItemError(Exception ex, object? target) => WriteError(ToErrorRecord(ex, target));

        protected void ThrowError(string errorId, string message, ErrorCategory category, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), errorId, category, target));

        protected void ThrowError(Exception ex, object? target) => ThrowTerminatingError(ToErrorRecord(ex, target));

        private static ErrorCategory Category(PsaErrorKind kind)
        {
            switch (kind)
            {
                case PsaErrorKind.Configuration: return ErrorCategory.InvalidArgument;
                case PsaErrorKind.Network: return ErrorCategory.ConnectionError;
                case PsaErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case PsaErrorKind.Authorization: return ErrorCategory.PermissionDenied;
                case PsaErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case PsaErrorKind.Validation: return ErrorCategory.InvalidData;
                case PsaErrorKind.Conflict: return ErrorCategory.ResourceBusy;
                case PsaErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
                case PsaErrorKind.Server: return ErrorCategory.ResourceUnavailable;
                case PsaErrorKind.Cancelled: return ErrorCategory.OperationStopped;
                default: return ErrorCategory.NotSpecified;
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _cts.Dispose();
            }

            GC.SuppressFinalize(this);
        }
    }
}
