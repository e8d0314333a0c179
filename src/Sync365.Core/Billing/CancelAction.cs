namespace Sync365.Core.Billing
{
    /// <summary>What the planner decided for one addition.</summary>
    public enum CancelAction
    {
        Cancel,
        AlreadyCancelled,
        Skip,
    }
}
