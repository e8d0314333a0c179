using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Core.Billing
{
    /// <summary>
    /// Finds the additions a bulk cancel may touch: the companies' agreements (one paged request per 100
    /// companies, agreement type filtered on the server), then their additions through bundles, filtered on the
    /// server by serial number, product and "still active on the cancel date". Everything the server filters is
    /// checked again by <see cref="BulkCancelPlanner"/>.
    /// </summary>
    public sealed class AdditionFinder
    {
        private readonly ConnectWiseClient _client;
        private readonly string _connectionName;

        public AdditionFinder(ConnectWiseClient client, string connectionName)
        {
            _client = client;
            _connectionName = connectionName;
        }

        public int CompanyBatchSize { get; set; } = 100;

        public int ReadConcurrency { get; set; } = 4;

        /// <summary>Called with the number of agreements found so far and additions read so far.</summary>
        public Action<int, int>? Progress { get; set; }

        /// <summary>The additions' server-side condition (exposed for tests and -Debug).</summary>
        public static string AdditionConditions(BulkCancelCriteria criteria)
        {
            string serial;
            if (criteria.FindsManual)
            {
                serial = "serialNumber=null or serialNumber=\"\"";
            }
            else
            {
                serial = ConditionText.StringEquals("serialNumber", criteria.SerialNumber!.Trim()).Condition!;
            }

            var active = "cancelledDate=null or " + ConditionText.DateTime("cancelledDate", ">=", CancelDates.ToInstant(criteria.LowerBound));
            string? product = null;
            if (criteria.ProductPatterns != null && criteria.ProductPatterns.Length > 0)
            {
                var filters = criteria.ProductPatterns.Select(p => ConditionText.Wildcard("product/identifier", p)).ToList();
                product = filters.Any(f => f.Condition == null) ? null : ConditionText.Or(filters.Select(f => f.Condition).ToArray());
            }

            return ConditionText.And(serial, active, product)!;
        }

        public static string? AgreementTypeCondition(BulkCancelCriteria criteria)
        {
            if (criteria.AgreementTypePatterns == null || criteria.AgreementTypePatterns.Length == 0)
            {
                return null;
            }

            var filters = criteria.AgreementTypePatterns.Select(p => ConditionText.Wildcard("type/name", p)).ToList();
            return filters.Any(f => f.Condition == null) ? null : ConditionText.Or(filters.Select(f => f.Condition).ToArray());
        }

        /// <summary>Every agreement of the companies (null: of every company).</summary>
        public List<AgreementRef> FindAgreements(IReadOnlyList<CompanyRef>? companies, BulkCancelCriteria criteria, CancellationToken ct)
        {
            var typeCondition = AgreementTypeCondition(criteria);
            var result = new List<AgreementRef>();
            var batches = companies == null
                ? new List<string?> { typeCondition }
                : companies.Select((c, i) => (c, i)).GroupBy(x => x.i / CompanyBatchSize, x => x.c.Id)
                    .Select(g => ConditionText.And(ConditionText.In("company/id", g), typeCondition)).ToList();
            if (companies != null && companies.Count == 0)
            {
                return result;
            }

            foreach (var conditions in batches)
            {
                var query = new ListQuery { Conditions = conditions, Fields = "id,name,type,company" };
                foreach (var page in _client.ListPages<CwAgreement>("finance/agreements", query, ct))
                {
                    foreach (var a in page)
                    {
                        if (criteria.AgreementTypeMatches == null || criteria.AgreementTypeMatches(a.Type?.Name))
                        {
                            result.Add(new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name));
                        }
                    }

                    Progress?.Invoke(result.Count, 0);
                }
            }

            return result;
        }

        public List<Addition> FindAdditions(IReadOnlyList<AgreementRef> agreements, BulkCancelCriteria criteria, CancellationToken ct)
        {
            var reader = new AdditionReader(_client, AdditionConditions(criteria), _connectionName, ct) { MaxConcurrency = ReadConcurrency };
            var result = new List<Addition>();
            foreach (var agreement in agreements)
            {
                result.AddRange(reader.Add(agreement));
                Progress?.Invoke(agreements.Count, result.Count);
            }

            result.AddRange(reader.Complete());
            Progress?.Invoke(agreements.Count, result.Count);
            return result;
        }
    }
}
