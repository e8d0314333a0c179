using System;
using System.Globalization;

namespace Sync365.Core.Billing
{
    /// <summary>
    /// A cancel date is a calendar date, not an instant. It is sent as that date at midnight UTC
    /// (2026-12-31 → "2026-12-31T00:00:00Z") whatever the machine's time zone, which is how ConnectWise stores
    /// addition dates; a date read back is compared by its UTC calendar date.
    /// </summary>
    public static class CancelDates
    {
        /// <summary>The calendar date the user typed, ignoring any time of day and time zone.</summary>
        public static DateTime DateOnly(DateTime value) => new DateTime(value.Year, value.Month, value.Day, 0, 0, 0, DateTimeKind.Utc);

        public static string ToWire(DateTime date) => DateOnly(date).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);

        public static DateTimeOffset ToInstant(DateTime date) => new DateTimeOffset(DateOnly(date), TimeSpan.Zero);

        /// <summary>The UTC calendar date of a stored date.</summary>
        public static DateTime DateOf(DateTimeOffset value) => DateOnly(value.UtcDateTime);

        public static string Show(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string Show(DateTimeOffset value) => Show(DateOf(value));
    }
}
