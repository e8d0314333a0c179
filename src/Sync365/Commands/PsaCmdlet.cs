using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>A cmdlet that talks to a PSA: -Connection (a name or the object), else the session's default.</summary>
    public abstract class PsaCmdlet : S365Cmdlet
    {
        /// <summary>
        /// The connection to use: its name or the object Get-S365PsaConnection returns (also from the pipeline,
        /// or by the ConnectionName property objects read by Sync365 carry).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionName")]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public PsaConnection? Connection { get; set; }

        /// <summary>The connection for this record: the one given, else the default, else a clear error.</summary>
        protected PsaConnection ResolveConnection()
        {
            var c = Connection ?? ConnectionStore.Current.Default;
            if (c == null)
            {
                ThrowError("NotConnected",
                    "There is no PSA connection. Run Connect-S365Psa first (for example: Connect-S365Psa -Server api-na.myconnectwise.net -CompanyId <company> -PublicKey <key> -PrivateKey (Read-Host -AsSecureString) -ClientId <guid>).",
                    ErrorCategory.ConnectionError, null);
            }

            if (c!.IsDisposed)
            {
                ThrowError("ConnectionClosed", $"The connection '{c.Name}' was closed with Disconnect-S365Psa. Run Connect-S365Psa again.", ErrorCategory.ConnectionError, c.Name);
            }

            return c;
        }
    }
}
