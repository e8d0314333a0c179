namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>The query half of a ConnectWise list request.</summary>
    public sealed class ListQuery
    {
        /// <summary>ConnectWise's hard maximum: "We have set a hard limit of 1,000 records" (PSA-Pagination best practice).</summary>
        public const int MaxPageSize = 1000;

        public string? Conditions { get; set; }

        public string? ChildConditions { get; set; }

        public string? OrderBy { get; set; }

        public string? Fields { get; set; }

        public int PageSize { get; set; } = MaxPageSize;

        /// <summary>Ask for forward-only paging (id order, cheapest for the server). Ignored when <see cref="OrderBy"/> is set.</summary>
        public bool ForwardOnly { get; set; } = true;

        public ListQuery Clone() => (ListQuery)MemberwiseClone();
    }
}
