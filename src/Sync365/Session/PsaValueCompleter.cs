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
    /// <remarks>
    /// Not generic over the wire types on purpose: PowerShell reflects over Sync365.dll's types before the module
    /// initializer makes Sync365.Core loadable, so no type here may derive from anything in Sync365.Core.
    /// </remarks>
    public abstract class PsaValueCompleter : IArgumentCompleter
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

        /// <summary>The values (and tooltips) of the first page of the query.</summary>
        internal abstract List<(string? Value, string? Tooltip)> FirstPage(PsaConnection connection, ListQuery query, CancellationToken ct);

        internal List<(string? Value, string? Tooltip)> Values(PsaConnection connection, string prefix)
        {
            var condition = prefix.Length == 0 ? null : ConditionText.Wildcard(Field, WildcardPattern.Escape(prefix) + "*").Condition;
            var query = new ListQuery { Conditions = ConditionText.And(condition, ExtraCondition), PageSize = Take, OrderBy = Field, ForwardOnly = false };
            using var cts = new CancellationTokenSource(Timeout);
            return FirstPage(connection, query, cts.Token);
        }

        internal static List<(string? Value, string? Tooltip)> First<TWire>(PsaConnection connection, string resource, ListQuery query, Func<TWire, (string?, string?)> describe, CancellationToken ct)
            where TWire : class
        {
            var first = connection.ConnectWise.ListPages<TWire>(resource, query, ct).FirstOrDefault();
            return (first ?? (IReadOnlyList<TWire>)Array.Empty<TWire>()).Select(describe).ToList();
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
    public sealed class CompanyNameCompleter : PsaValueCompleter
    {
        protected override string Resource => "company/companies";

        protected override string Field => "name";

        internal override List<(string? Value, string? Tooltip)> FirstPage(PsaConnection connection, ListQuery query, CancellationToken ct) =>
            First<CwCompany>(connection, Resource, query, row => (row.Name, $"{row.Name} ({row.Identifier}, id {row.Id})"), ct);
    }

    /// <summary>Completes agreement type names (-Type).</summary>
    public sealed class AgreementTypeCompleter : PsaValueCompleter
    {
        protected override string Resource => "finance/agreements/types";

        protected override string Field => "name";

        protected override string? ExtraCondition => ConditionText.Bool("inactiveFlag", false);

        internal override List<(string? Value, string? Tooltip)> FirstPage(PsaConnection connection, ListQuery query, CancellationToken ct) =>
            First<CwAgreementType>(connection, Resource, query, row => (row.Name, $"{row.Name} (id {row.Id})"), ct);
    }

    /// <summary>Completes product (catalog item) identifiers (-Product, -Identifier).</summary>
    public sealed class ProductIdentifierCompleter : PsaValueCompleter
    {
        protected override string Resource => "procurement/catalog";

        protected override string Field => "identifier";

        protected override string? ExtraCondition => ConditionText.Bool("inactiveFlag", false);

        internal override List<(string? Value, string? Tooltip)> FirstPage(PsaConnection connection, ListQuery query, CancellationToken ct) =>
            First<CwCatalogItem>(connection, Resource, query, row => (row.Identifier, $"{row.Identifier}: {row.Description}"), ct);
    }
}
