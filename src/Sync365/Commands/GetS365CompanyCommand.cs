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
        private const string ByCompanyIdSet = "ByCompanyId";

        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Company identifiers (the short code, e.g. ContosoLtd); wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Identifier { get; set; }

        /// <summary>Company status names (e.g. Active); wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        /// <summary>
        /// The company of objects from the pipeline (agreements, additions, contacts carry CompanyId). A separate
        /// parameter, so an agreement's own Id is never taken for a company id.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCompanyIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? CompanyId { get; set; }

        private readonly Dictionary<PsaConnection, (HashSet<long> Pending, HashSet<long> Done)> _piped = new Dictionary<PsaConnection, (HashSet<long>, HashSet<long>)>();

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ByCompanyIdSet)
            {
                // Many piped objects share a company: each company is read once, 200 ids per request.
                if (!_piped.TryGetValue(connection, out var state))
                {
                    state = (new HashSet<long>(), new HashSet<long>());
                    _piped[connection] = state;
                }

                foreach (var id in CompanyId!)
                {
                    if (state.Done.Add(id))
                    {
                        state.Pending.Add(id);
                    }
                }

                if (state.Pending.Count >= 200)
                {
                    EmitIds(connection, state.Pending.ToList());
                    state.Pending.Clear();
                }

                return;
            }

            if (ParameterSetName == ByIdSet)
            {
                EmitIds(connection, Id!);
                return;
            }

            var query = new ListQuery();
            var missing = new HashSet<long>();
            var names = PsaReadCmdlet.Patterns("name", Name);
            var identifiers = PsaReadCmdlet.Patterns("identifier", Identifier);
            var statuses = PsaReadCmdlet.Patterns("status/name", Status);
            query.Conditions = ConditionText.And(names.Condition, identifiers.Condition, statuses.Condition);
            Emit(connection, query, c => names.Match(c.Name) && identifiers.Match(c.Identifier) && statuses.Match(c.Status?.Name), missing);
        }

        protected override void EndProcessing()
        {
            foreach (var pair in _piped)
            {
                if (pair.Value.Pending.Count > 0)
                {
                    EmitIds(pair.Key, pair.Value.Pending.ToList());
                }
            }

            _piped.Clear();
        }

        private void EmitIds(PsaConnection connection, IEnumerable<long> ids)
        {
            var missingIds = new HashSet<long>(ids);

            // Ids are asked for in batches, so a long list never makes a URL too long.
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
                WriteItemError(ex, Name ?? Identifier ?? (object?)Id ?? CompanyId);
                return false;
            }
        }
    }
}
