using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Commands
{
    /// <summary>
    /// Shared plumbing of the Get- cmdlets: stream a list resource page by page, keep what the exact client-side
    /// check accepts, and read lists of ids in batches of <c>id in (...)</c>.
    /// </summary>
    public abstract class PsaReadCmdlet : PsaCmdlet
    {
        /// <summary>Ids per <c>id in (...)</c> request: well below any URL length limit.</summary>
        internal const int IdBatchSize = 200;

        /// <summary>Objects this command has written so far (to tell "nothing matched" from "nothing there").</summary>
        internal long Written { get; private set; }

        /// <summary>Streams <paramref name="resource"/> and writes each kept row; false after a reported error.</summary>
        internal bool EmitPages<TWire>(PsaConnection connection, string resource, ListQuery query, Func<TWire, bool> keep, Func<TWire, object> map, object? target, Action<TWire>? seen = null)
            where TWire : class
        {
            var client = connection.ConnectWise;
            WriteDebug($"GET {resource} conditions: {query.Conditions ?? "(none)"}{(query.ChildConditions == null ? string.Empty : " childConditions: " + query.ChildConditions)}");
            try
            {
                foreach (var page in Stream(ct => client.ListPages<TWire>(resource, query, ct)))
                {
                    foreach (var row in page)
                    {
                        if (keep(row))
                        {
                            seen?.Invoke(row);
                            WriteObject(map(row));
                            Written++;
                        }
                    }
                }

                return true;
            }
            catch (PsaApiException ex)
            {
                WriteItemError(ex, target);
                return false;
            }
        }

        /// <summary>Reads records by id in batches; writes an ObjectNotFound error for each id that does not exist.</summary>
        internal void EmitByIds<TWire>(PsaConnection connection, string resource, IEnumerable<long> ids, string? extraCondition, Func<TWire, long> idOf, Func<TWire, object> map, string noun, string errorId)
            where TWire : class
        {
            var missing = new HashSet<long>(ids);
            foreach (var batch in Batches(missing.ToList(), IdBatchSize))
            {
                var q = new ListQuery { Conditions = ConditionText.And(ConditionText.In("id", batch), extraCondition) };
                if (!EmitPages<TWire>(connection, resource, q, _ => true, map, batch, row => missing.Remove(idOf(row))))
                {
                    return;
                }
            }

            foreach (var id in missing)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no {noun} with id {id} in {connection.Name}."), errorId, ErrorCategory.ObjectNotFound, id));
            }
        }

        internal static IEnumerable<List<T>> Batches<T>(IReadOnlyList<T> items, int size)
        {
            for (var i = 0; i < items.Count; i += size)
            {
                yield return items.Skip(i).Take(size).ToList();
            }
        }

        /// <summary>
        /// Wildcard patterns on one field as one server condition (or-ed), plus the exact client check. A pattern
        /// that matches everything drops the server condition.
        /// </summary>
        internal static (string? Condition, Func<string?, bool> Match) Patterns(string field, IReadOnlyList<string>? patterns)
        {
            if (patterns == null || patterns.Count == 0)
            {
                return (null, _ => true);
            }

            var filters = patterns.Select(p => ConditionText.Wildcard(field, p)).ToList();
            var condition = filters.Any(f => f.Condition == null) ? null : ConditionText.Or(filters.Select(f => f.Condition).ToArray());
            var compiled = patterns.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            return (condition, value => compiled.Any(w => w.IsMatch(value ?? string.Empty)));
        }
    }
}
