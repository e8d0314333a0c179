using System;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Core.Psa
{
    /// <summary>
    /// A live connection to one PSA, as Get-S365PsaConnection shows it. It never exposes the private key: the key
    /// only exists inside the client's Authorization header.
    /// </summary>
    public sealed class PsaConnection : IDisposable
    {
        public PsaConnection(string name, ConnectWiseClient client, string publicKey, Guid clientId)
        {
            Name = name;
            Psa = PsaKind.ConnectWise;
            ConnectWise = client;
            Server = client.SiteRoot.GetLeftPart(UriPartial.Authority);
            CompanyId = client.CompanyId;
            PublicKey = publicKey;
            ClientId = clientId;
            Codebase = client.Codebase.TrimEnd('/');
            Version = client.Info.VersionCode;
            ConnectedAt = DateTimeOffset.Now;
        }

        public string Name { get; }

        /// <summary>The name again, so a connection piped into a command binds to its -Connection by property name.</summary>
        public string ConnectionName => Name;

        public PsaKind Psa { get; }

        public string Server { get; }

        public string CompanyId { get; }

        public string PublicKey { get; }

        public Guid ClientId { get; }

        public string Codebase { get; }

        public string? Version { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Set by the session's connection list; the default is used when a command gets no -Connection.</summary>
        public bool IsDefault { get; set; }

        public bool IsDisposed { get; private set; }

        /// <summary>The client behind this connection (not for display).</summary>
        public ConnectWiseClient ConnectWise { get; }

        public void Dispose()
        {
            IsDisposed = true;
            ConnectWise.Dispose();
        }

        public override string ToString() => Name;
    }
}
