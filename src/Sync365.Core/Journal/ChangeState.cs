namespace Sync365.Core.Journal
{
    /// <summary>What a journal says happened to one change.</summary>
    public enum ChangeState
    {
        /// <summary>The server confirmed it.</summary>
        Done,

        /// <summary>The server refused it; nothing changed.</summary>
        Failed,

        /// <summary>
        /// Sent, but no answer was recorded (the process was killed or stopped, or the network failed): the record
        /// must be read to know. Undo-S365Change and a re-run do that.
        /// </summary>
        Unknown,
    }
}
