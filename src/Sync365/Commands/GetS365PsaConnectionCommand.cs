using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Lists the session's PSA connections (never a private key).</summary>
    [Cmdlet(VerbsCommon.Get, "S365PsaConnection")]
    [OutputType(typeof(PsaConnection))]
    public sealed class GetS365PsaConnectionCommand : S365Cmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void EndProcessing()
        {
            var all = ConnectionStore.Current.All;
            if (Default)
            {
                var d = ConnectionStore.Current.Default;
                if (d != null)
                {
                    WriteObject(d);
                }

                return;
            }

            if (Name == null || Name.Length == 0)
            {
                WriteObject(all, true);
                return;
            }

            foreach (var n in Name)
            {
                var pattern = WildcardPattern.Get(n, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(n))
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no connection named '{n}'. Run Get-S365PsaConnection to list them."), "ConnectionNotFound", ErrorCategory.ObjectNotFound, n));
                }

                WriteObject(matches, true);
            }
        }
    }
}
