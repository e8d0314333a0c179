using System;

namespace Sync365.Core.Billing
{
    /// <summary>A result, and the exception behind it when it failed (for the error record).</summary>
    public sealed class CancelOutcome
    {
        public CancelOutcome(BulkCancelResult result, Exception? exception)
        {
            Result = result;
            Exception = exception;
        }

        public BulkCancelResult Result { get; }

        public Exception? Exception { get; }
    }
}
