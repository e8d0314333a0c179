using System;

namespace Sync365.Core.Psa
{
    /// <summary>A billing agreement (ConnectWise) / contract (Autotask).</summary>
    public sealed class Agreement
    {
        public long Id { get; set; }

        public string? Name { get; set; }

        public long? CompanyId { get; set; }

        public string? CompanyName { get; set; }

        public string? CompanyIdentifier { get; set; }

        public long? TypeId { get; set; }

        public string? Type { get; set; }

        /// <summary>Active, Cancelled, Expired or Inactive.</summary>
        public string? Status { get; set; }

        public bool Cancelled { get; set; }

        public DateTimeOffset? StartDate { get; set; }

        public DateTimeOffset? EndDate { get; set; }

        public long? ParentAgreementId { get; set; }

        public string? ParentAgreementName { get; set; }

        public string? BillingCycle { get; set; }

        public decimal? BillAmount { get; set; }

        public bool? Prorate { get; set; }

        public DateTimeOffset? LastUpdated { get; set; }

        public string? PsaUrl { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
