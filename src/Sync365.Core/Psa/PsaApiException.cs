using System;
using System.Collections.Generic;

namespace Sync365.Core.Psa
{
    /// <summary>
    /// A PSA call that failed, described so a person can act on it. The message never carries a secret:
    /// URLs are logged without credentials and request headers are never part of it.
    /// </summary>
    public sealed class PsaApiException : Exception
    {
        public PsaApiException(PsaErrorKind kind, string errorId, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
        }

        public PsaErrorKind Kind { get; }

        /// <summary>A stable identifier (becomes the ErrorRecord's FullyQualifiedErrorId).</summary>
        public string ErrorId { get; }

        public int? StatusCode { get; set; }

        public string? Method { get; set; }

        public Uri? RequestUri { get; set; }

        /// <summary>The PSA's own error code, e.g. ConnectWise's "InvalidObject".</summary>
        public string? ApiCode { get; set; }

        public string? ApiMessage { get; set; }

        public IReadOnlyList<string> Details { get; set; } = Array.Empty<string>();

        /// <summary>What to do about it.</summary>
        public string? Recommendation { get; set; }
    }
}
