using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Streams the product catalog (Procurement › Product Catalog).</summary>
    [Cmdlet(VerbsCommon.Get, "S365Product", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(Product))]
    public sealed class GetS365ProductCommand : PsaReadCmdlet
    {
        private const string FilterSet = "Filter";
        private const string ByIdSet = "ById";
        private const string Resource = "procurement/catalog";

        [Parameter(Position = 0, ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductIdentifierCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Identifier { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Description { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        /// <summary>Also list inactive catalog items.</summary>
        [Parameter(ParameterSetName = FilterSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = connection.ConnectWise;
            if (ParameterSetName == ByIdSet)
            {
                EmitByIds<CwCatalogItem>(connection, Resource, Id!, null, p => p.Id, p => CwMapper.ToProduct(p, client, connection.Name), "catalog item", "ProductNotFound");
                return;
            }

            var identifiers = Patterns("identifier", Identifier);
            var descriptions = Patterns("description", Description);
            var query = new ListQuery
            {
                Conditions = ConditionText.And(identifiers.Condition, descriptions.Condition, IncludeInactive ? null : ConditionText.Bool("inactiveFlag", false)),
            };
            EmitPages<CwCatalogItem>(connection, Resource, query,
                p => identifiers.Match(p.Identifier) && descriptions.Match(p.Description) && (IncludeInactive || p.InactiveFlag != true),
                p => CwMapper.ToProduct(p, client, connection.Name), Identifier);
        }
    }
}
