using System;

namespace Sync365.Core.Psa
{
    /// <summary>A customer company in the PSA.</summary>
    public sealed class Company
    {
        public long Id { get; set; }

        public string? Identifier { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string[] Types { get; set; } = Array.Empty<string>();

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Country { get; set; }

        public string? PhoneNumber { get; set; }

        public string? Website { get; set; }

        public DateTimeOffset? LastUpdated { get; set; }

        /// <summary>Opens the company in the PSA's web UI.</summary>
        public string? PsaUrl { get; set; }

        /// <summary>The connection it was read through; commands further down the pipeline use the same one.</summary>
        public string? ConnectionName { get; set; }

        public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
