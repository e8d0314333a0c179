using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Commands
{
    /// <summary>
    /// Proves an API member works for Sync365: the keys, the clientId, and every right of the security role,
    /// line by line, with what to change for each line that falls short.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "S365Connection", DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(ConnectionTestResult), typeof(bool))]
    public sealed class TestS365ConnectionCommand : PsaCmdlet
    {
        private const string ConnectionSet = "Connection";
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";

        /// <summary>Test these details without connecting (nothing is kept in the session).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeysSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Alias("Site", "Url")]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string? CompanyId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string? PublicKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNull]
        public SecureString? PrivateKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        public Guid ClientId { get; set; }

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ConnectionSet)
            {
                var connection = ResolveConnection();
                Report(connection.ConnectWise, connection.Name);
                return;
            }

            var settings = Settings();
            ConnectWiseClient client;
            try
            {
                WriteVerbose($"Connecting to company '{settings.CompanyId}' at {settings.Server} to test it (the connection is not kept).");
                client = Run(ct => ConnectWiseClient.ConnectAsync(settings, null, ct));
            }
            catch (PsaApiException ex)
            {
                if (Quiet)
                {
                    WriteVerbose(ex.Message);
                    WriteObject(false);
                    return;
                }

                ThrowError(ex, Server);
                return;
            }

            using (client)
            {
                Report(client, null);
            }
        }

        private void Report(ConnectWiseClient client, string? connectionName)
        {
            ConnectionTestResult result;
            try
            {
                result = Run(ct => ConnectionTester.TestAsync(client, connectionName, ct));
            }
            catch (PsaApiException ex)
            {
                if (Quiet)
                {
                    WriteVerbose(ex.Message);
                    WriteObject(false);
                    return;
                }

                ThrowError(ex, client.SiteRoot.Host);
                return;
            }

            foreach (var row in result.Permissions.Where(p => p.Status != CheckStatus.Pass))
            {
                WriteVerbose($"{row.Module} › {row.Function}: {row.Status}. {row.Fix}");
            }

            foreach (var row in result.TableSetup.Where(t => t.Status != CheckStatus.Pass))
            {
                WriteVerbose($"Table Setup {row.Table}: {row.Status}. {row.Fix}");
            }

            WriteObject(Quiet ? (object)result.Success : result);
        }

        private ConnectWiseSettings Settings()
        {
            string companyId;
            string publicKey;
            string privateKey;
            if (ParameterSetName == CredentialSet)
            {
                // The same form Connect-S365Psa takes: user name "companyId+publicKey", password the private key.
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
            }
            else
            {
                companyId = CompanyId!;
                publicKey = PublicKey!;
                privateKey = new NetworkCredential(string.Empty, PrivateKey).Password;
            }

            return new ConnectWiseSettings
            {
                Server = Server!,
                CompanyId = companyId,
                PublicKey = publicKey,
                PrivateKey = privateKey,
                ClientId = ClientId,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
            };
        }
    }
}
