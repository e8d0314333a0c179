using System;

namespace Sync365.Core.Billing
{
    /// <summary>Which additions a bulk cancel looks for, and the date it cancels them to.</summary>
    public sealed class BulkCancelCriteria
    {
        /// <summary>The serial number to match (case-insensitive); null or blank finds additions with no serial number.</summary>
        public string? SerialNumber { get; set; }

        /// <summary>The calendar date to cancel to (see <see cref="CancelDates"/>).</summary>
        public DateTime CancelDate { get; set; }

        /// <summary>Today's date (UTC); additions that ended before both today and the cancel date are not active.</summary>
        public DateTime Today { get; set; } = DateTime.UtcNow.Date;

        /// <summary>Product identifier patterns for the server (PowerShell wildcards); null for every product.</summary>
        public string[]? ProductPatterns { get; set; }

        /// <summary>Exact client-side check of the product identifier (the server filter may over-match).</summary>
        public Func<string?, bool>? ProductMatches { get; set; }

        /// <summary>Agreement type patterns for the server; null for every type.</summary>
        public string[]? AgreementTypePatterns { get; set; }

        public Func<string?, bool>? AgreementTypeMatches { get; set; }

        public bool FindsManual => string.IsNullOrWhiteSpace(SerialNumber);

        public DateTime CancelDay => CancelDates.DateOnly(CancelDate);

        /// <summary>The earliest cancelled date an addition may have and still be in scope.</summary>
        public DateTime LowerBound
        {
            get
            {
                var today = CancelDates.DateOnly(Today);
                return today < CancelDay ? today : CancelDay;
            }
        }

        public bool SerialMatches(string? serial) =>
            FindsManual ? string.IsNullOrWhiteSpace(serial) : string.Equals((serial ?? string.Empty).Trim(), SerialNumber!.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
