namespace Sync365.Core.Journal
{
    /// <summary>What Undo-S365Change did with one change.</summary>
    public enum UndoStatus
    {
        /// <summary>Put back to the value before the run.</summary>
        Undone,

        /// <summary>-WhatIf: would be put back; nothing was sent.</summary>
        WouldUndo,

        /// <summary>The record already holds the value from before the run (undone before, or the change never applied).</summary>
        AlreadyUndone,

        /// <summary>The record was changed since the run; left alone.</summary>
        Conflict,

        /// <summary>The record no longer exists.</summary>
        Gone,

        /// <summary>Declined at -Confirm.</summary>
        Skipped,

        /// <summary>Reading or writing the record failed; see Error.</summary>
        Failed,
    }
}
