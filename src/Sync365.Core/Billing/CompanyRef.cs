namespace Sync365.Core.Billing
{
    /// <summary>A company chosen for a bulk operation.</summary>
    public sealed class CompanyRef
    {
        public CompanyRef(long id, string? name)
        {
            Id = id;
            Name = name;
        }

        public long Id { get; }

        public string? Name { get; }
    }
}
