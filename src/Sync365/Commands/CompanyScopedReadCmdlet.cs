using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;

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
                EmitForCompanies(connection, selector);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var pair in _pending.ToList())
            {
                if (!pair.Value.IsEmpty)
                {
                    EmitForCompanies(pair.Key, pair.Value);
                }
            }

            _pending.Clear();
        }
    }
}
