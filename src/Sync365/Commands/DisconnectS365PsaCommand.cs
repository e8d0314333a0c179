using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Closes a connection (the default one unless told otherwise).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "S365Psa", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(void))]
    public sealed class DisconnectS365PsaCommand : S365Cmdlet
    {
        private const string DefaultSet = "Default";
        private const string AllSet = "All";

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, Position = 0, ParameterSetName = DefaultSet)]
        [Alias("Name", "ConnectionName")]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public PsaConnection? Connection { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            var store = ConnectionStore.Current;
            if (All)
            {
                foreach (var c in store.All)
                {
                    Close(store, c);
                }

                return;
            }

            var target = Connection ?? store.Default;
            if (target == null)
            {
                WriteWarning("There is no connection to close.");
                return;
            }

            Close(store, target);
        }

        private void Close(ConnectionStore store, PsaConnection c)
        {
            if (ShouldProcess($"{c.Psa} connection '{c.Name}' ({c.CompanyId} at {c.Server})", "Disconnect"))
            {
                store.Remove(c);
                WriteVerbose($"Closed connection '{c.Name}'.");
            }
        }
    }
}
