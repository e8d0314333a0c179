using Sync365.Core.Psa;

namespace Sync365.Core.Billing
{
    /// <summary>One addition and what the planner decided for it.</summary>
    public sealed class CancelPlanItem
    {
        public CancelPlanItem(Addition addition, CancelAction action, string? reason)
        {
            Addition = addition;
            Action = action;
            Reason = reason;
        }

        public Addition Addition { get; }

        public CancelAction Action { get; }

        public string? Reason { get; }
    }
}
