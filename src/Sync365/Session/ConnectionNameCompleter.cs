using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Sync365.Session
{
    /// <summary>Tab completion of connection names.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ConnectionStore.Current.All
                .Where(c => c.Name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, $"{c.Psa} {c.CompanyId} at {c.Server}"));
        }

        internal static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '&', '#', '(', ')', '$', '`', ',', ';', '{', '}', '@', '|' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }
}
