using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Commands
{
    /// <summary>
    /// What -Company accepts: Company objects (and anything carrying a CompanyId, such as agreements and contacts),
    /// record ids (numbers), and names or identifiers with wildcards (strings).
    /// </summary>
    internal sealed class CompanySelector
    {
        private readonly List<string> _patterns = new List<string>();
        private readonly List<WildcardPattern> _compiled = new List<WildcardPattern>();

        public HashSet<long> Ids { get; } = new HashSet<long>();

        public IReadOnlyList<string> Patterns => _patterns;

        /// <summary>The names given without wildcards: each should name a company.</summary>
        public IEnumerable<string> ExactNames => _patterns.Where(p => !ConditionText.HasWildcard(p));

        public bool IsEmpty => Ids.Count == 0 && _patterns.Count == 0;

        /// <summary>True when a pattern matches everything: no company filter at all.</summary>
        public bool MatchesAll { get; private set; }

        /// <summary>Adds one -Company value; returns an error message when the value cannot name a company.</summary>
        public string? Add(object? value)
        {
            var v = value is PSObject pso ? pso.BaseObject : value;
            switch (v)
            {
                case null:
                    return "-Company got a null value.";
                case Company c:
                    Ids.Add(c.Id);
                    return null;
                case int i:
                    Ids.Add(i);
                    return null;
                case long l:
                    Ids.Add(l);
                    return null;
                case string s:
                    if (s.Length == 0)
                    {
                        return "-Company got an empty name.";
                    }

                    _patterns.Add(s);
                    _compiled.Add(WildcardPattern.Get(s, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant));
                    if (ConditionText.Wildcard("company/name", s).Condition == null)
                    {
                        MatchesAll = true;
                    }

                    return null;
                default:
                    var id = (value as PSObject ?? PSObject.AsPSObject(v)).Properties["CompanyId"]?.Value;
                    if (id != null && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cid))
                    {
                        Ids.Add(cid);
                        return null;
                    }

                    return $"-Company takes a company object, a company id or a company name, not a {v.GetType().Name}.";
            }
        }

        /// <summary>The server condition on a reference field such as <c>company</c> (over-matching, never under-matching).</summary>
        public string? Condition(string referenceField)
        {
            if (MatchesAll || IsEmpty)
            {
                return null;
            }

            var parts = new List<string?>();
            if (Ids.Count > 0)
            {
                parts.Add(ConditionText.In(referenceField + "/id", Ids));
            }

            foreach (var p in _patterns)
            {
                parts.Add(ConditionText.Wildcard(referenceField + "/name", p).Condition);
                parts.Add(ConditionText.Wildcard(referenceField + "/identifier", p).Condition);
            }

            return ConditionText.Or(parts.ToArray());
        }

        /// <summary>The exact client-side check.</summary>
        public bool Matches(long? id, string? name, string? identifier)
        {
            if (MatchesAll || IsEmpty)
            {
                return true;
            }

            if (id.HasValue && Ids.Contains(id.Value))
            {
                return true;
            }

            return _compiled.Any(w => w.IsMatch(name ?? string.Empty) || (identifier != null && w.IsMatch(identifier)));
        }

        public override string ToString() => string.Join(", ", Ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).Concat(_patterns));
    }
}
