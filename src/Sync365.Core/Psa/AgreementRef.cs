namespace Sync365.Core.Psa
{
    /// <summary>What an addition carries of its agreement and company.</summary>
    public sealed class AgreementRef
    {
        public AgreementRef(long id, string? name, string? type, long? companyId, string? companyName)
        {
            Id = id;
            Name = name;
            Type = type;
            CompanyId = companyId;
            CompanyName = companyName;
        }

        public long Id { get; }

        public string? Name { get; }

        public string? Type { get; }

        public long? CompanyId { get; }

        public string? CompanyName { get; }

        public static AgreementRef From(Agreement a) => new AgreementRef(a.Id, a.Name, a.Type, a.CompanyId, a.CompanyName);
    }
}
