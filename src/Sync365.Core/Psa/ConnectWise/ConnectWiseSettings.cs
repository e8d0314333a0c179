using System;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>What it takes to reach one ConnectWise Manage site.</summary>
    public sealed class ConnectWiseSettings
    {
        /// <summary>A host (api-na.myconnectwise.net) or a URL (https://cw.example.com, http://127.0.0.1:5365).</summary>
        public string Server { get; set; } = string.Empty;

        public string CompanyId { get; set; } = string.Empty;

        public string PublicKey { get; set; } = string.Empty;

        /// <summary>The API member's private key. Held only to build the Authorization header.</summary>
        public string PrivateKey { get; set; } = string.Empty;

        public Guid ClientId { get; set; }

        /// <summary>Allow plain http:// to a host that is not loopback (credentials would cross the network in clear).</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>The media-type version sent in Accept; null sends plain application/json.</summary>
        public string? ApiVersion { get; set; } = "2025.1";

        public Sync365.Core.Http.ResilienceSettings Resilience { get; set; } = Sync365.Core.Http.ResilienceSettings.Default;
    }
}
