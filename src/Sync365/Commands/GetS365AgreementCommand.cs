using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Streams agreements, filtered on the server by company, type, status and name.</summary>
    [Cmdlet(VerbsCommon.Get, "S365Agreement", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(Agreement))]
    public sealed class GetS365AgreementCommand : CompanyScopedReadCmdlet
    {
        private const string FilterSet = "Filter";
        private const string ByIdSet = "ById";
        private const string Resource = "finance/agreements";

        /// <summary>Company objects (from the pipeline), company record ids, or names/identifiers with wildcards.</summary>
        [Parameter(Position = 0, ParameterSetName = FilterSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CompanyNameCompleter))]
        public object[]? Company { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AgreementTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Type { get; set; }

        /// <summary>Active (the default), Cancelled, Expired, Inactive or All.</summary>
        [Parameter]
        [ValidateSet("Active", "Cancelled", "Expired", "Inactive", "All", IgnoreCase = true)]
        public string Status { get; set; } = "Active";

        [Parameter(ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("AgreementId")]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        private bool StatusBound => MyInvocation.BoundParameters.ContainsKey(nameof(Status));

        private string? StatusFilter => string.Equals(Status, "All", StringComparison.OrdinalIgnoreCase) ? null : Status;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ByIdSet)
            {
                // Asked for by id: any status, unless -Status says otherwise.
                var status = StatusBound ? StatusFilter : null;
                EmitByIds<CwAgreement>(connection, Resource, Id!, status == null ? null : StatusCondition(status), a => a.Id,
                    a => CwMapper.ToAgreement(a, connection.ConnectWise, connection.Name), "agreement", "AgreementNotFound");
                return;
            }

            SelectCompanies(connection, Company);
        }

        internal static string StatusCondition(string status) => ConditionText.StringEquals("agreementStatus", status).Condition!;

        internal override void EmitForCompanies(PsaConnection connection, CompanySelector companies)
        {
            var types = Patterns("type/name", Type);
            var names = Patterns("name", Name);
            var status = StatusFilter;
            var query = new ListQuery
            {
                Conditions = ConditionText.And(companies.Condition("company"), types.Condition, names.Condition, status == null ? null : StatusCondition(status)),
            };
            bool Keep(CwAgreement a) =>
                companies.Matches(a.Company?.Id, a.Company?.Name, a.Company?.Identifier)
                && types.Match(a.Type?.Name)
                && names.Match(a.Name)
                && (status == null || string.Equals(CwMapper.StatusOf(a, DateTimeOffset.UtcNow), status, StringComparison.OrdinalIgnoreCase));
            EmitPages<CwAgreement>(connection, Resource, query, Keep, a => CwMapper.ToAgreement(a, connection.ConnectWise, connection.Name), companies.IsEmpty ? null : companies.ToString());
        }
    }
}
