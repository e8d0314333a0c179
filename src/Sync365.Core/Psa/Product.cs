namespace Sync365.Core.Psa
{
    /// <summary>A product of the PSA's catalog (ConnectWise procurement catalog item).</summary>
    public sealed class Product
    {
        public long Id { get; set; }

        public string? Identifier { get; set; }

        public string? Description { get; set; }

        public string? CustomerDescription { get; set; }

        public decimal? Price { get; set; }

        public decimal? Cost { get; set; }

        public bool Inactive { get; set; }

        public string? Category { get; set; }

        public string? Subcategory { get; set; }

        public string? Type { get; set; }

        public string? ProductClass { get; set; }

        public bool Recurring { get; set; }

        public string? ManufacturerPartNumber { get; set; }

        public string? PsaUrl { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => Identifier ?? string.Empty;
    }
}
