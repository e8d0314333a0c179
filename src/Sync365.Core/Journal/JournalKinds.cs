namespace Sync365.Core.Journal
{
    /// <summary>The "kind" of each journal line.</summary>
    public static class JournalKinds
    {
        public const string RunStart = "run-start";
        public const string Intent = "intent";
        public const string Done = "done";
        public const string Failed = "failed";
        public const string RunEnd = "run-end";
    }
}
