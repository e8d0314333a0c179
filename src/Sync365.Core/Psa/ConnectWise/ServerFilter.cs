namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>A condition for the server and whether its answer is already exact (else filter on the client).</summary>
    public sealed class ServerFilter
    {
        public static readonly ServerFilter None = new ServerFilter(null, exact: false);

        public ServerFilter(string? condition, bool exact)
        {
            Condition = condition;
            Exact = exact;
        }

        public string? Condition { get; }

        public bool Exact { get; }

        public override string ToString() => Condition ?? string.Empty;
    }
}
