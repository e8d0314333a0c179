using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Core.Billing
{
    /// <summary>Turns ids and name patterns into companies, and says which of them matched nothing.</summary>
    public static class CompanyResolver
    {
        private const int IdBatch = 200;

        public static IReadOnlyList<CompanyRef> Resolve(ConnectWiseClient client, CompanySelection selection, ICollection<string> unmatched, CancellationToken ct)
        {
            var found = new Dictionary<long, CompanyRef>();
            var missingIds = new HashSet<long>(selection.Ids);
            foreach (var batch in selection.Ids.Select((id, i) => (id, i)).GroupBy(x => x.i / IdBatch, x => x.id))
            {
                var query = new ListQuery { Conditions = ConditionText.In("id", batch), Fields = "id,name" };
                foreach (var page in client.ListPages<CwCompany>("company/companies", query, ct))
                {
                    foreach (var c in page)
                    {
                        missingIds.Remove(c.Id);
                        found[c.Id] = new CompanyRef(c.Id, c.Name);
                    }
                }
            }

            foreach (var id in missingIds)
            {
                unmatched.Add("id " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var name in selection.Names)
            {
                var filter = ConditionText.Wildcard("name", name.Key);
                var query = new ListQuery { Conditions = filter.Condition, Fields = "id,name" };
                var any = false;
                foreach (var page in client.ListPages<CwCompany>("company/companies", query, ct))
                {
                    foreach (var c in page.Where(c => name.Value(c.Name)))
                    {
                        any = true;
                        found[c.Id] = new CompanyRef(c.Id, c.Name);
                    }
                }

                if (!any)
                {
                    unmatched.Add("'" + name.Key + "'");
                }
            }

            return found.Values.OrderBy(c => c.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
