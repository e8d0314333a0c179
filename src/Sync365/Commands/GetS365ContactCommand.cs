using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>Streams contacts, filtered on the server by company, name and e-mail address.</summary>
    [Cmdlet(VerbsCommon.Get, "S365Contact", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(Contact))]
    public sealed class GetS365ContactCommand : CompanyScopedReadCmdlet
    {
        private const string FilterSet = "Filter";
        private const string ByIdSet = "ById";
        private const string Resource = "company/contacts";

        [Parameter(Position = 0, ParameterSetName = FilterSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CompanyNameCompleter))]
        public object[]? Company { get; set; }

        /// <summary>"First Last", first or last name; wildcards allowed.</summary>
        [Parameter(ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Email { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("ContactId")]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = connection.ConnectWise;
            if (ParameterSetName == ByIdSet)
            {
                EmitByIds<CwContact>(connection, Resource, Id!, null, c => c.Id, c => CwMapper.ToContact(c, client, connection.Name), "contact", "ContactNotFound");
                return;
            }

            SelectCompanies(connection, Company);
        }

        /// <summary>
        /// A name pattern as a server condition that never misses. The full name is "First Last", so what can be
        /// sent is the pattern's literal start (up to the first wildcard, and up to the first space, since the split
        /// between first and last name is unknown) as a prefix of either name; the client checks the whole pattern.
        /// </summary>
        internal static string? NameCondition(string pattern)
        {
            var prefix = new System.Text.StringBuilder();
            var hasWildcard = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var ch = pattern[i];
                if (ch == '`' && i + 1 < pattern.Length)
                {
                    prefix.Append(ch).Append(pattern[++i]);
                    continue;
                }

                if (ch == '*' || ch == '?' || ch == '[')
                {
                    hasWildcard = true;
                    break;
                }

                if (ch == ' ')
                {
                    hasWildcard = true;
                    break;
                }

                prefix.Append(ch);
            }

            if (prefix.Length == 0)
            {
                return null;
            }

            var head = hasWildcard ? prefix.Append('*').ToString() : prefix.ToString();
            var first = ConditionText.Wildcard("firstName", head).Condition;
            var last = ConditionText.Wildcard("lastName", head).Condition;
            return first == null || last == null ? null : ConditionText.Or(first, last);
        }

        internal override void EmitForCompanies(PsaConnection connection, CompanySelector companies)
        {
            var client = connection.ConnectWise;
            string? nameCondition = null;
            var names = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            if (Name != null)
            {
                var parts = Name.Select(NameCondition).ToList();
                nameCondition = parts.Any(p => p == null) ? null : ConditionText.Or(parts.ToArray());
            }

            var emails = Patterns("communicationItems/value", Email);
            var query = new ListQuery
            {
                Conditions = ConditionText.And(companies.Condition("company"), nameCondition, IncludeInactive ? null : ConditionText.Bool("inactiveFlag", false)),
                ChildConditions = emails.Condition,
            };

            bool Keep(CwContact c)
            {
                if (!companies.Matches(c.Company?.Id, c.Company?.Name, c.Company?.Identifier) || (!IncludeInactive && c.InactiveFlag == true))
                {
                    return false;
                }

                if (names != null)
                {
                    var full = string.Join(" ", new[] { c.FirstName, c.LastName }.Where(s => !string.IsNullOrEmpty(s)));
                    if (!names.Any(w => w.IsMatch(full) || w.IsMatch(c.FirstName ?? string.Empty) || w.IsMatch(c.LastName ?? string.Empty)))
                    {
                        return false;
                    }
                }

                return Email == null || (c.CommunicationItems ?? new List<CwCommunicationItem>())
                    .Any(i => string.Equals(i.CommunicationType, "Email", StringComparison.OrdinalIgnoreCase) && emails.Match(i.Value));
            }

            EmitPages<CwContact>(connection, Resource, query, Keep, c => CwMapper.ToContact(c, client, connection.Name), companies.IsEmpty ? (object?)Name : companies.ToString());
        }
    }
}
