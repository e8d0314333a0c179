namespace Sync365.Core.Billing
{
    /// <summary>What happened to one addition in a bulk cancel.</summary>
    public enum CancelStatus
    {
        /// <summary>The cancelled date was set.</summary>
        Cancelled,

        /// <summary>-WhatIf: it would have been cancelled; nothing was sent.</summary>
        WouldCancel,

        /// <summary>It already ends on (or before) the cancel date; nothing to do (a re-run reports done ones so).</summary>
        AlreadyCancelled,

        /// <summary>Left alone on purpose: starts after the cancel date, or declined at -Confirm.</summary>
        Skipped,

        /// <summary>The PSA refused or never answered; see Error.</summary>
        Failed,
    }
}
