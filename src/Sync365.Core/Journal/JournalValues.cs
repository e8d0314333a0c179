using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Sync365.Core.Journal
{
    /// <summary>
    /// Field values in a journal are plain .NET values (string, decimal, bool, null; objects and arrays as their
    /// JSON text), so what a journal holds can be shown by PowerShell without System.Text.Json types.
    /// </summary>
    public static class JournalValues
    {
        public static object? FromJson(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return e.GetString();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Number:
                    return e.TryGetDecimal(out var d) ? d : (object)e.GetDouble();
                default:
                    return e.GetRawText();
            }
        }

        /// <summary>Reads a field of a record by a '/'-separated path; a missing field reads as null.</summary>
        public static object? Field(JsonElement record, string path)
        {
            var current = record;
            foreach (var segment in path.Trim('/').Split('/'))
            {
                if (current.ValueKind != JsonValueKind.Object || !TryGetPropertyIgnoreCase(current, segment, out current))
                {
                    return null;
                }
            }

            return FromJson(current);
        }

        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case decimal m:
                    writer.WriteNumberValue(m);
                    break;
                case double f:
                    writer.WriteNumberValue(f);
                    break;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        public static void WriteFields(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, object?> fields)
        {
            writer.WritePropertyName(name);
            writer.WriteStartObject();
            foreach (var kv in fields)
            {
                writer.WritePropertyName(kv.Key);
                Write(writer, kv.Value);
            }

            writer.WriteEndObject();
        }

        /// <summary>
        /// Whether two journal values mean the same: dates are compared as instants (ConnectWise may answer
        /// "2026-12-31T00:00:00Z" for what was sent as "2026-12-31T00:00:00.000Z"), numbers by value, text exactly.
        /// </summary>
        public static bool Same(object? a, object? b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            if (a is string sa && b is string sb)
            {
                if (string.Equals(sa, sb, StringComparison.Ordinal))
                {
                    return true;
                }

                return TryDate(sa, out var da) && TryDate(sb, out var db) && da == db;
            }

            if (IsNumber(a) && IsNumber(b))
            {
                return Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture);
            }

            return Equals(a, b);
        }

        public static string Show(object? value) => value == null ? "(none)" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        internal static bool TryDate(string text, out DateTimeOffset value)
        {
            // Only ISO-8601 timestamps count as dates, so "5" or "2026" stay text.
            value = default;
            return text.Length >= 10 && text[4] == '-' && text[7] == '-'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        private static bool IsNumber(object o) => o is decimal || o is double || o is long || o is int;

        private static bool TryGetPropertyIgnoreCase(JsonElement obj, string name, out JsonElement value)
        {
            if (obj.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var p in obj.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = p.Value;
                    return true;
                }
            }

            value = default;
            return false;
        }
    }
}
