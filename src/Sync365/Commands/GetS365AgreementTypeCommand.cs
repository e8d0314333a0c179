using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Lists agreement types (Table Setup › Agreement Type).</summary>
    [Cmdlet(VerbsCommon.Get, "S365AgreementType", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(AgreementType))]
    public sealed class GetS365AgreementTypeCommand : PsaReadCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";
        private const string Resource = "finance/agreements/types";

        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AgreementTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        /// <summary>Also list inactive types.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ByIdSet)
            {
                EmitByIds<CwAgreementType>(connection, Resource, Id!, null, t => t.Id, t => CwMapper.ToAgreementType(t, connection.ConnectWise, connection.Name), "agreement type", "AgreementTypeNotFound");
                return;
            }

            var names = Patterns("name", Name);
            var query = new ListQuery { Conditions = ConditionText.And(names.Condition, IncludeInactive ? null : ConditionText.Bool("inactiveFlag", false)) };
            EmitPages<CwAgreementType>(connection, Resource, query, t => names.Match(t.Name) && (IncludeInactive || t.InactiveFlag != true),
                t => CwMapper.ToAgreementType(t, connection.ConnectWise, connection.Name), Name);
        }
    }
}
