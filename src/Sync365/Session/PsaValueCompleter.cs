using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Session
{
    /// <summary>
    /// Tab completion from the PSA: one small request (the first 50 values that start with what was typed),
    /// on the connection named by -Connection, else the default one. Never throws: no connection, no completions.
    /// </summary>
    public abstract class PsaValueCompleter<TWire> : IArgumentCompleter
        where TWire : class
    {
        private const int Take = 50;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        protected abstract string Resource { get; }

        protected abstract string Field { get; }

        protected virtual string? ExtraCondition => null;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = FindConnection(fakeBoundParameters);
            if (connection == null || connection.IsDisposed)
            {
                return Array.Empty<CompletionResult>();
            }

            var prefix = Unquote(wordToComplete ?? string.Empty);
            try
            {
                var values = Values(connection, prefix);
                return values
                    .Where(v => !string.IsNullOrEmpty(v.Value) && v.Value!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
                    .Select(g => g.First())
                    .OrderBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
                    .Select(v => new CompletionResult(ConnectionNameCompleter.Quote(WildcardPattern.Escape(v.Value!)), v.Value, CompletionResultType.ParameterValue, v.Tooltip ?? v.Value!))
                    .ToList();
            }
            catch (Exception ex) when (ex is PsaApiException || ex is OperationCanceledException)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        /// <summary>The value and its tooltip.</summary>
        protected abstract (string? Value, string? Tooltip) Describe(TWire row);

        internal List<(string? Value, string? Tooltip)> Values(PsaConnection connection, string prefix)
        {
            var condition = prefix.Length == 0 ? null : ConditionText.Wildcard(Field, WildcardPattern.Escape(prefix) + "*").Condition;
            var query = new ListQuery { Conditions = ConditionText.And(condition, ExtraCondition), PageSize = Take, OrderBy = Field, ForwardOnly = false };
            using var cts = new CancellationTokenSource(Timeout);
            var first = connection.ConnectWise.ListPages<TWire>(Resource, query, cts.Token).FirstOrDefault();
            return (first ?? (IReadOnlyList<TWire>)Array.Empty<TWire>()).Select(Describe).ToList();
        }

        internal static string Unquote(string word)
        {
            if (word.Length > 0 && word[0] == '\'')
            {
                return word.Trim('\'').Replace("''", "'");
            }

            return word.Trim('"');
        }

        private static PsaConnection? FindConnection(IDictionary fakeBoundParameters)
        {
            var value = fakeBoundParameters?["Connection"] ?? fakeBoundParameters?["ConnectionName"];
            value = value is PSObject pso ? pso.BaseObject : value;
            switch (value)
            {
                case PsaConnection c:
                    return c;
                case string name:
                    return ConnectionStore.Current.Find(name);
                default:
                    return ConnectionStore.Current.Default;
            }
        }
    }

    /// <summary>Completes company names (-Company).</summary>
    public sealed class CompanyNameCompleter : PsaValueCompleter<CwCompany>
    {
        protected override string Resource => "company/companies";

        protected override string Field => "name";

        protected override (string? Value, string? Tooltip) Describe(CwCompany row) => (row.Name, $"{row.Name} ({row.Identifier}, id {row.Id})");
    }

    /// <summary>Completes agreement type names (-Type).</summary>
    public sealed class AgreementTypeCompleter : PsaValueCompleter<CwAgreementType>
    {
        protected override string Resource => "finance/agreements/types";

        protected override string Field => "name";

        protected override string? ExtraCondition => ConditionText.Bool("inactiveFlag", false);

        protected override (string? Value, string? Tooltip) Describe(CwAgreementType row) => (row.Name, $"{row.Name} (id {row.Id})");
    }

    /// <summary>Completes product (catalog item) identifiers (-Product, -Identifier).</summary>
    public sealed class ProductIdentifierCompleter : PsaValueCompleter<CwCatalogItem>
    {
        protected override string Resource => "procurement/catalog";

        protected override string Field => "identifier";

        protected override string? ExtraCondition => ConditionText.Bool("inactiveFlag", false);

        protected override (string? Value, string? Tooltip) Describe(CwCatalogItem row) => (row.Identifier, $"{row.Identifier}: {row.Description}");
    }
}
