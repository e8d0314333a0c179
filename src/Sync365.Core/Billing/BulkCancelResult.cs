using System;
using Sync365.Core.Psa;

namespace Sync365.Core.Billing
{
    /// <summary>One addition's line in Invoke-S365BulkCancelAddition's output.</summary>
    public sealed class BulkCancelResult
    {
        public long? CompanyId { get; set; }

        public string? Company { get; set; }

        public long AgreementId { get; set; }

        public string? Agreement { get; set; }

        public string? AgreementType { get; set; }

        public long AdditionId { get; set; }

        public string? Product { get; set; }

        public decimal? Quantity { get; set; }

        public string? SerialNumber { get; set; }

        public DateTimeOffset? EffectiveDate { get; set; }

        public DateTimeOffset? OldCancelledDate { get; set; }

        public DateTimeOffset? NewCancelledDate { get; set; }

        public CancelStatus Status { get; set; }

        /// <summary>Why it was skipped or left alone, in words.</summary>
        public string? Reason { get; set; }

        public string? Error { get; set; }

        public string? ErrorId { get; set; }

        /// <summary>The journal run that made the change (empty for -WhatIf).</summary>
        public string? RunId { get; set; }

        public string? PsaUrl { get; set; }

        public string? ConnectionName { get; set; }

        public static BulkCancelResult From(CancelPlanItem item, CancelStatus status)
        {
            var a = item.Addition;
            return new BulkCancelResult
            {
                CompanyId = a.CompanyId,
                Company = a.CompanyName,
                AgreementId = a.AgreementId,
                Agreement = a.AgreementName,
                AgreementType = a.AgreementType,
                AdditionId = a.Id,
                Product = a.Product,
                Quantity = a.Quantity,
                SerialNumber = a.SerialNumber,
                EffectiveDate = a.EffectiveDate,
                OldCancelledDate = a.CancelledDate,
                NewCancelledDate = a.CancelledDate,
                Status = status,
                Reason = item.Reason,
                PsaUrl = a.PsaUrl,
                ConnectionName = a.ConnectionName,
            };
        }

        public override string ToString() => $"{Company} / {Agreement} / {AdditionId} {Product}: {Status}";
    }
}
