using System;

namespace Sync365.Core.Psa
{
    /// <summary>A product line on an agreement: what the customer is billed for each period.</summary>
    public sealed class Addition
    {
        public long Id { get; set; }

        public long AgreementId { get; set; }

        public string? AgreementName { get; set; }

        public string? AgreementType { get; set; }

        public long? CompanyId { get; set; }

        public string? CompanyName { get; set; }

        public long? ProductId { get; set; }

        public string? Product { get; set; }

        public string? Description { get; set; }

        public decimal? Quantity { get; set; }

        public decimal? LessIncluded { get; set; }

        public decimal? UnitPrice { get; set; }

        public decimal? UnitCost { get; set; }

        /// <summary>Billable, DoNotBill or NoCharge.</summary>
        public string? BillCustomer { get; set; }

        public DateTimeOffset? EffectiveDate { get; set; }

        public DateTimeOffset? CancelledDate { get; set; }

        public string? SerialNumber { get; set; }

        public string? InvoiceDescription { get; set; }

        /// <summary>The addition's own status as ConnectWise reports it (Active, Cancelled...).</summary>
        public string? Status { get; set; }

        /// <summary>True when the addition has no cancelled date, or one in the future.</summary>
        public bool IsActive { get; set; }

        public DateTimeOffset? LastUpdated { get; set; }

        public string? PsaUrl { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => $"{Product} x{Quantity} ({Id})";
    }
}
