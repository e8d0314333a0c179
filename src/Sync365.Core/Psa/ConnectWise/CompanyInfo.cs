using System.Text.Json.Serialization;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>The reply of GET /login/companyinfo/{companyId} (codebase discovery).</summary>
    public sealed class CompanyInfo
    {
        [JsonPropertyName("CompanyName")]
        public string? CompanyName { get; set; }

        [JsonPropertyName("Codebase")]
        public string? Codebase { get; set; }

        [JsonPropertyName("VersionCode")]
        public string? VersionCode { get; set; }

        [JsonPropertyName("VersionNumber")]
        public string? VersionNumber { get; set; }

        [JsonPropertyName("CompanyID")]
        public string? CompanyId { get; set; }

        [JsonPropertyName("IsCloud")]
        public bool IsCloud { get; set; }

        [JsonPropertyName("SiteUrl")]
        public string? SiteUrl { get; set; }
    }
}
