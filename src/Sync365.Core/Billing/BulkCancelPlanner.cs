using System;
using System.Collections.Generic;
using System.Linq;
using Sync365.Core.Psa;

namespace Sync365.Core.Billing
{
    /// <summary>
    /// Decides, without any I/O, what a bulk cancel does with each addition it found. A -WhatIf run and a real run
    /// get the same plan from the same additions.
    /// </summary>
    public static class BulkCancelPlanner
    {
        public static IReadOnlyList<CancelPlanItem> Plan(IEnumerable<Addition> additions, BulkCancelCriteria criteria)
        {
            var day = criteria.CancelDay;
            var lower = criteria.LowerBound;
            var plan = new List<CancelPlanItem>();
            var seen = new HashSet<long>();
            foreach (var a in additions
                         .OrderBy(x => x.CompanyName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                         .ThenBy(x => x.AgreementName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                         .ThenBy(x => x.AgreementId)
                         .ThenBy(x => x.Id))
            {
                // The server's filter may over-match (like patterns); the client check is the exact one.
                if (!seen.Add(a.Id) || !criteria.SerialMatches(a.SerialNumber)
                    || (criteria.ProductMatches != null && !criteria.ProductMatches(a.Product))
                    || (criteria.AgreementTypeMatches != null && !criteria.AgreementTypeMatches(a.AgreementType)))
                {
                    continue;
                }

                if (a.CancelledDate.HasValue)
                {
                    var cancelled = CancelDates.DateOf(a.CancelledDate.Value);
                    if (cancelled < lower)
                    {
                        // Ended before today and before the cancel date: not active, not this command's business.
                        continue;
                    }

                    if (cancelled == day)
                    {
                        plan.Add(new CancelPlanItem(a, CancelAction.AlreadyCancelled, $"Already cancelled on {CancelDates.Show(day)}."));
                        continue;
                    }

                    if (cancelled < day)
                    {
                        plan.Add(new CancelPlanItem(a, CancelAction.AlreadyCancelled,
                            $"Already ends on {CancelDates.Show(cancelled)}, before {CancelDates.Show(day)}; left as it is (a bulk cancel never extends billing)."));
                        continue;
                    }
                }

                if (a.EffectiveDate.HasValue && CancelDates.DateOf(a.EffectiveDate.Value) > day)
                {
                    plan.Add(new CancelPlanItem(a, CancelAction.Skip,
                        $"Starts on {CancelDates.Show(a.EffectiveDate.Value)}, after the cancel date {CancelDates.Show(day)}: it would end before it begins. Cancel it by hand with a date after it starts, or delete it."));
                    continue;
                }

                var reason = a.CancelledDate.HasValue
                    ? $"Was due to end on {CancelDates.Show(a.CancelledDate.Value)}; ends on {CancelDates.Show(day)} instead."
                    : null;
                plan.Add(new CancelPlanItem(a, CancelAction.Cancel, reason));
            }

            return plan;
        }
    }
}
