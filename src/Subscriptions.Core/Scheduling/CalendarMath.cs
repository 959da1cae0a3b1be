using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>
/// Allocation-free ISO calendar arithmetic for the hot paths: month indexes, epoch days and the sticky,
/// clamped billing day. NodaTime stays the source of truth for dates; this only avoids its general machinery.
/// </summary>
internal static class CalendarMath
{
    public const int DaysPerWeek = 7;

    private static ReadOnlySpan<byte> DaysInMonthTable => [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLeapYear(int year) => (year & 3) == 0 && ((year % 100) != 0 || (year % 400) == 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DaysInMonth(int year, int month)
    {
        Debug.Assert(month is >= 1 and <= 12, "month in 1-12");
        return month == 2 && IsLeapYear(year) ? 29 : DaysInMonthTable[month - 1];
    }

    /// <summary>Months since January of year 0: year * 12 + month - 1.</summary>
    public static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    /// <summary>The date in the month <paramref name="monthIndex"/> on <paramref name="day"/>, clamped or rolled forward.</summary>
    public static LocalDate DayInMonth(int monthIndex, int day, EndOfMonthPolicy policy)
    {
        var year = FloorDiv(monthIndex, 12);
        var month = monthIndex - (year * 12) + 1;
        var length = DaysInMonth(year, month);
        if (day <= length)
        {
            return new LocalDate(year, month, day);
        }

        if (policy == EndOfMonthPolicy.Clamp)
        {
            return new LocalDate(year, month, length);
        }

        return month == 12 ? new LocalDate(year + 1, 1, 1) : new LocalDate(year, month + 1, 1);
    }

    /// <summary>An order-preserving integer for a date, <c>year × 512 + month × 32 + day</c>: cheap to compare and to decode.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Key(LocalDate date) => Key(date.Year, date.Month, date.Day);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Key(int year, int month, int day) => (year << 9) | (month << 5) | day;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LocalDate FromKey(int key) => new(key >> 9, (key >> 5) & 15, key & 31);

    /// <summary>The key of the billing date in month <paramref name="monthIndex"/> on <paramref name="day"/>, clamped or rolled forward.</summary>
    public static int MonthAnchorKey(int monthIndex, int day, EndOfMonthPolicy policy)
    {
        var year = monthIndex >= 0 ? monthIndex / 12 : FloorDiv(monthIndex, 12);
        var month = monthIndex - (year * 12) + 1;
        var length = DaysInMonth(year, month);
        if (day <= length)
        {
            return Key(year, month, day);
        }

        if (policy == EndOfMonthPolicy.Clamp)
        {
            return Key(year, month, length);
        }

        return month == 12 ? Key(year + 1, 1, 1) : Key(year, month + 1, 1);
    }

    /// <summary>The key of the date <paramref name="epochDay"/> days after 1970-01-01.</summary>
    public static int KeyFromEpochDay(int epochDay)
    {
        var z = epochDay + 719468;
        var era = FloorDiv(z, 146097);
        var dayOfEra = z - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
        var month = mp < 10 ? mp + 3 : mp - 9;
        var year = (yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0);
        return Key(year, month, day);
    }

    /// <summary>Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.</summary>
    public static int EpochDay(LocalDate date) => EpochDay(date.Year, date.Month, date.Day);

    public static int EpochDay(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The date <paramref name="epochDay"/> days after 1970-01-01 (Hinnant's civil_from_days).</summary>
    public static LocalDate FromEpochDay(int epochDay) => FromKey(KeyFromEpochDay(epochDay));

    public static int DaysBetween(LocalDate start, LocalDate end) => EpochDay(end) - EpochDay(start);

    public static int FloorDiv(int value, int divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0) && ((value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
