using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Commands
{
    /// <summary>
    /// A Get- cmdlet whose rows belong to companies (-Company: objects from the pipeline, names with wildcards, or
    /// ids). Companies that arrive one per pipeline record are gathered per connection and asked for together
    /// (<c>company/id in (...)</c>, <see cref="PsaReadCmdlet.IdBatchSize"/> at a time), not one request each.
    /// </summary>
    public abstract class CompanyScopedReadCmdlet : PsaReadCmdlet
    {
        private readonly Dictionary<PsaConnection, CompanySelector> _pending = new Dictionary<PsaConnection, CompanySelector>();

        /// <summary>Reads the rows of the selected companies (an empty selector: every company).</summary>
        internal abstract void EmitForCompanies(PsaConnection connection, CompanySelector companies);

        /// <summary>Adds -Company values for <paramref name="connection"/>; reads as soon as a batch is full.</summary>
        internal void SelectCompanies(PsaConnection connection, object[]? companies)
        {
            if (companies == null || companies.Length == 0)
            {
                EmitForCompanies(connection, new CompanySelector());
                return;
            }


            if (!_pending.TryGetValue(connection, out var selector))
            {
                selector = new CompanySelector();
                _pending[connection] = selector;
            }

            foreach (var c in companies)
            {
                var error = selector.Add(c);
                if (error != null)
                {
                    WriteError(new ErrorRecord(new ArgumentException(error), "CompanyInvalid", ErrorCategory.InvalidArgument, c));
                }
            }

            if (selector.Ids.Count >= IdBatchSize)
            {
                _pending.Remove(connection);
                EmitChecked(connection, selector);
            }
        }

        /// <summary>
        /// Reads the rows of the selected companies; when nothing came back, says which exact company names name no
        /// company at all (a typo), rather than leaving the user to guess. Costs one request, only in that case.
        /// </summary>
        private void EmitChecked(PsaConnection connection, CompanySelector companies)
        {
            var before = Written;
            EmitForCompanies(connection, companies);
            var exact = companies.ExactNames.ToList();
            if (Written != before || exact.Count == 0)
            {
                return;
            }

            var filters = exact.Select(n => ConditionText.Or(ConditionText.StringEquals("name", n).Condition, ConditionText.StringEquals("identifier", n).Condition)).ToArray();
            var found = new List<CwCompany>();
            try
            {
                foreach (var page in Stream(ct => connection.ConnectWise.ListPages<CwCompany>("company/companies", new ListQuery { Conditions = ConditionText.Or(filters) }, ct)))
                {
                    found.AddRange(page);
                }
            }
            catch (PsaApiException)
            {
                return; // Only a courtesy: the read itself already succeeded.
            }

            foreach (var name in exact.Where(n => !found.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Identifier, n, StringComparison.OrdinalIgnoreCase))))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No company in {connection.Name} is named '{name}'. Check the name with Get-S365Company -Name '{name.Replace("'", "''")}*'."),
                    "CompanyNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }

        protected override void EndProcessing()
        {
            foreach (var pair in _pending.ToList())
            {
                if (!pair.Value.IsEmpty)
                {
                    EmitChecked(pair.Key, pair.Value);
                }
            }

            _pending.Clear();
        }
    }
}
