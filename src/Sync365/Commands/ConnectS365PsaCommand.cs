using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Connects to a ConnectWise Manage site and makes it the session's default connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "S365Psa", DefaultParameterSetName = KeysSet)]
    [OutputType(typeof(PsaConnection))]
    public sealed class ConnectS365PsaCommand : S365Cmdlet
    {
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";

        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Site", "Url")]
        [ValidateNotNullOrEmpty]
        public string Server { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string CompanyId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string PublicKey { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNull]
        public SecureString? PrivateKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true)]
        public Guid ClientId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            string companyId;
            string publicKey;
            string privateKey;
            switch (ParameterSetName)
            {
                case CredentialSet:
                    // An Azure Automation credential asset: user name "companyId+publicKey", password the private key.
                    var user = Credential!.UserName ?? string.Empty;
                    var plus = user.IndexOf('+');
                    if (plus <= 0 || plus == user.Length - 1)
                    {
                        ThrowError("CredentialUserNameInvalid",
                            $"The credential's user name must be 'companyId+publicKey' (for example 'contoso+AbCdEf123'), not '{user}'. The password is the API member's private key.",
                            ErrorCategory.InvalidArgument, user);
                    }

                    companyId = user.Substring(0, plus);
                    publicKey = user.Substring(plus + 1);
                    privateKey = Credential.GetNetworkCredential().Password;
                    break;
                default:
                    companyId = CompanyId;
                    publicKey = PublicKey;
                    privateKey = new NetworkCredential(string.Empty, PrivateKey).Password;
                    break;
            }

            if (ClientId == Guid.Empty)
            {
                ThrowError("ClientIdMissing",
                    "-ClientId is empty. ConnectWise requires a registered clientId GUID on every API call: create one at developer.connectwise.com (ClientId) and pass it with -ClientId.",
                    ErrorCategory.InvalidArgument, null);
            }

            var settings = new ConnectWiseSettings
            {
                Server = Server,
                CompanyId = companyId,
                PublicKey = publicKey,
                PrivateKey = privateKey,
                ClientId = ClientId,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
            };

            ConnectWiseClient client;
            try
            {
                WriteVerbose($"Discovering the codebase of company '{companyId}' at {Server}.");
                client = Run(ct => ConnectWiseClient.ConnectAsync(settings, null, ct));
            }
            catch (PsaApiException ex)
            {
                ThrowError(ex, Server);
                return;
            }

            var connection = new PsaConnection(string.IsNullOrEmpty(Name) ? companyId : Name!, client, publicKey, ClientId);
            ConnectionStore.Current.Add(connection);
            WriteVerbose($"Connected to ConnectWise company '{companyId}' at {connection.Server} (codebase {connection.Codebase}, {connection.Version}) as '{connection.Name}'; it is now the default connection.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
    }
}
