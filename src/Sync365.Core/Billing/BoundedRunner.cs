using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Sync365.Core.Billing
{
    /// <summary>
    /// Runs work items concurrently, at most <see cref="Limit"/> at once, and hands completed ones back to the
    /// thread that started them (the pipeline thread, which alone may write output, ask ShouldProcess and
    /// show progress). Completed tasks are returned as tasks so their exceptions surface on that thread.
    /// </summary>
    public sealed class BoundedRunner<T> : IDisposable
    {
        private readonly ConcurrentQueue<Task<T>> _completed = new ConcurrentQueue<Task<T>>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private int _inFlight;

        public BoundedRunner(int limit) => Limit = Math.Max(1, limit);

        public int Limit { get; }

        /// <summary>Started and not yet taken back.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        public bool HasRoom => InFlight < Limit;

        public void Start(Func<Task<T>> work)
        {
            Interlocked.Increment(ref _inFlight);
            Task<T> task;
            try
            {
                task = Task.Run(work);
            }
            catch (Exception ex)
            {
                var tcs = new TaskCompletionSource<T>();
                tcs.SetException(ex);
                task = tcs.Task;
            }

            task.ContinueWith(
                t =>
                {
                    _completed.Enqueue(t);
                    _signal.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        /// <summary>A completed task, if any (its result or exception is the caller's to observe).</summary>
        public bool TryTake(out Task<T> completed)
        {
            if (_completed.TryDequeue(out completed!))
            {
                Interlocked.Decrement(ref _inFlight);
                return true;
            }

            return false;
        }

        /// <summary>Waits until a task completes or the timeout passes (for progress updates in between).</summary>
        public void WaitForCompletion(TimeSpan timeout)
        {
            if (_completed.IsEmpty && InFlight > 0)
            {
                _signal.Wait(timeout);
            }
            else if (_signal.CurrentCount > 0)
            {
                _signal.Wait(0);
            }
        }

        public void Dispose() => _signal.Dispose();
    }
}
