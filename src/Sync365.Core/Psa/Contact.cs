namespace Sync365.Core.Psa
{
    public sealed class Contact
    {
        public long Id { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Name { get; set; }

        public long? CompanyId { get; set; }

        public string? CompanyName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Title { get; set; }

        public bool Inactive { get; set; }

        public string[] Emails { get; set; } = System.Array.Empty<string>();

        public string? PsaUrl { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
