namespace Sync365.Core.Psa
{
    public sealed class AgreementType
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public bool Inactive { get; set; }

        public bool IsDefault { get; set; }

        public bool PrePayment { get; set; }

        public string? BillingCycle { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
