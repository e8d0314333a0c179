using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Commands
{
    /// <summary>Streams the PSA's companies, filtered on the server.</summary>
    [Cmdlet(VerbsCommon.Get, "S365Company", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(Company))]
    public sealed class GetS365CompanyCommand : PsaCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CompanyId")]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var query = new ListQuery();
            Func<CwCompany, bool> keep = _ => true;
            var missingIds = new HashSet<long>();

            if (ParameterSetName == ByIdSet)
            {
                // Ids are asked for in batches, so a long list never makes a URL too long.
                missingIds.UnionWith(Id!);
                foreach (var batch in missingIds.ToList().Select((id, i) => (id, i)).GroupBy(x => x.i / 200, x => x.id))
                {
                    var q = new ListQuery { Conditions = ConditionText.In("id", batch) };
                    if (!Emit(connection, q, _ => true, missingIds))
                    {
                        return;
                    }
                }

                foreach (var id in missingIds)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no company with id {id} in {connection.Name}."), "CompanyNotFound", ErrorCategory.ObjectNotFound, id));
                }

                return;
            }
            else if (Name != null && Name.Length > 0)
            {
                var filters = Name.Select(n => ConditionText.Wildcard("name", n)).ToList();
                query.Conditions = filters.Any(f => f.Condition == null) ? null : ConditionText.Or(filters.Select(f => f.Condition).ToArray());
                var patterns = Name.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
                keep = c => patterns.Any(p => p.IsMatch(c.Name ?? string.Empty));
            }

            Emit(connection, query, keep, missingIds);
        }

        private bool Emit(PsaConnection connection, ListQuery query, Func<CwCompany, bool> keep, HashSet<long> missingIds)
        {
            var client = connection.ConnectWise;
            WriteDebug($"conditions: {query.Conditions}");
            try
            {
                foreach (var page in Stream(ct => client.ListPages<CwCompany>("company/companies", query, ct)))
                {
                    foreach (var row in page)
                    {
                        if (keep(row))
                        {
                            missingIds.Remove(row.Id);
                            WriteObject(CwMapper.ToCompany(row, client, connection.Name));
                        }
                    }
                }

                return true;
            }
            catch (PsaApiException ex)
            {
                WriteItemError(ex, Name ?? (object?)Id);
                return false;
            }
        }
    }
}
