using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>
    /// Builds ConnectWise <c>conditions</c> text. The one place values are put into a condition.
    /// How a quote inside a string literal is escaped is not documented by ConnectWise, so values are never escaped:
    /// a value is quoted with whichever quote it does not contain; a value that cannot be quoted that way (both
    /// quotes, or a backslash) becomes a <c>like</c> pattern with those characters as <c>%</c>, and the caller
    /// filters the rows exactly on its side (<see cref="ServerFilter.Exact"/> is false). The same holds for
    /// wildcard patterns, whose literal <c>%</c>, <c>_</c> and brackets would otherwise be read as SQL wildcards.
    /// Either way the server never returns fewer rows than match, and the caller never shows more.
    /// </summary>
    public static class ConditionText
    {
        public static ServerFilter StringEquals(string field, string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (value.IndexOf('\\') < 0)
            {
                if (value.IndexOf('"') < 0)
                {
                    return new ServerFilter($"{field}=\"{value}\"", exact: true);
                }

                if (value.IndexOf('\'') < 0)
                {
                    return new ServerFilter($"{field}='{value}'", exact: true);
                }
            }

            return LikeFromLiteralParts(field, new[] { value }, leadingWildcard: false, trailingWildcard: false);
        }

        /// <summary>A PowerShell wildcard pattern (<c>*</c>, <c>?</c>, <c>[a-z]</c>, backtick escapes) as a <c>like</c>.</summary>
        public static ServerFilter Wildcard(string field, string pattern)
        {
            if (pattern == null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            if (!HasWildcard(pattern))
            {
                return StringEquals(field, Unescape(pattern));
            }

            var sb = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    AppendLiteral(sb, pattern[++i]);
                }
                else if (c == '*' || c == '?')
                {
                    AppendPercent(sb);
                }
                else if (c == '[')
                {
                    var close = pattern.IndexOf(']', i + 1);
                    i = close < 0 ? pattern.Length : close;
                    AppendPercent(sb);
                }
                else
                {
                    AppendLiteral(sb, c);
                }
            }

            var like = sb.ToString();
            if (like.Trim('%').Length == 0)
            {
                return ServerFilter.None;
            }

            return new ServerFilter($"{field} like \"{like}\"", exact: false);
        }

        public static bool HasWildcard(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`')
                {
                    i++;
                    continue;
                }

                if (c == '*' || c == '?' || c == '[')
                {
                    return true;
                }
            }

            return false;
        }

        public static string Number(string field, long value) => field + "=" + value.ToString(CultureInfo.InvariantCulture);

        public static string In(string field, IEnumerable<long> values)
        {
            var list = values.Distinct().ToList();
            if (list.Count == 0)
            {
                throw new ArgumentException("An 'in' condition needs at least one value.", nameof(values));
            }

            return list.Count == 1
                ? Number(field, list[0])
                : field + " in (" + string.Join(",", list.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")";
        }

        public static string Bool(string field, bool value) => field + "=" + (value ? "true" : "false");

        public static string DateTime(string field, string op, DateTimeOffset value) =>
            field + op + "[" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "]";

        /// <summary>Joins non-empty parts with <c>and</c>, each in parentheses so an <c>or</c> inside stays inside.</summary>
        public static string? And(params string?[] parts) => Join(" and ", parts);

        public static string? Or(params string?[] parts) => Join(" or ", parts);

        private static string? Join(string op, IEnumerable<string?> parts)
        {
            var list = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            if (list.Count == 0)
            {
                return null;
            }

            return list.Count == 1 ? list[0] : string.Join(op, list.Select(p => "(" + p + ")"));
        }

        private static ServerFilter LikeFromLiteralParts(string field, IEnumerable<string> parts, bool leadingWildcard, bool trailingWildcard)
        {
            var sb = new StringBuilder();
            if (leadingWildcard)
            {
                AppendPercent(sb);
            }

            foreach (var part in parts)
            {
                foreach (var c in part)
                {
                    AppendLiteral(sb, c);
                }
            }

            if (trailingWildcard)
            {
                AppendPercent(sb);
            }

            var like = sb.ToString();
            return like.Trim('%').Length == 0 ? ServerFilter.None : new ServerFilter($"{field} like \"{like}\"", exact: false);
        }

        private static void AppendLiteral(StringBuilder sb, char c)
        {
            // Characters with a meaning in a quoted like pattern (or in the literal itself) become '%': the server
            // over-matches and the caller filters exactly.
            if (c == '"' || c == '\\' || c == '%' || c == '_' || c == '[' || c == ']')
            {
                AppendPercent(sb);
            }
            else
            {
                sb.Append(c);
            }
        }

        private static void AppendPercent(StringBuilder sb)
        {
            if (sb.Length == 0 || sb[sb.Length - 1] != '%')
            {
                sb.Append('%');
            }
        }

        private static string Unescape(string pattern)
        {
            if (pattern.IndexOf('`') < 0)
            {
                return pattern;
            }

            var sb = new StringBuilder(pattern.Length);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`' && i + 1 < pattern.Length)
                {
                    i++;
                }

                sb.Append(pattern[i]);
            }

            return sb.ToString();
        }
    }
}
