using System.Globalization;
using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>The length of the periods a report is cut into; periods are calendar-aligned.</summary>
/// <remarks>
/// Weeks start on Monday (ISO 8601); quarters start on 1 January, 1 April, 1 July and 1 October. The first and
/// last period of a report are clipped to the report's range, so a report from 2026-01-15 by month starts with
/// the period [2026-01-15, 2026-02-01).
/// </remarks>
public enum PeriodGranularity
{
    /// <summary>One calendar day.</summary>
    Day = 1,

    /// <summary>One ISO week, Monday to Sunday.</summary>
    Week = 2,

    /// <summary>One calendar month.</summary>
    Month = 3,

    /// <summary>One calendar quarter.</summary>
    Quarter = 4,

    /// <summary>One calendar year.</summary>
    Year = 5,
}

/// <summary>A half-open interval of dates <c>[Start, End)</c>: the period a movement or KPI row covers.</summary>
/// <remarks>
/// "MRR at start" is the balance at the first instant of <see cref="Start"/>, before the changes effective on that
/// day; "MRR at end" is the balance at the instant <see cref="End"/>, equivalently at the close of the last day of
/// the period, <c>End - 1 day</c>. <c>default(AnalyticsPeriod)</c> is an empty period at 0001-01-01.
/// </remarks>
/// <param name="Start">The first day of the period (inclusive).</param>
/// <param name="End">The day after the last day of the period (exclusive).</param>
public readonly record struct AnalyticsPeriod(LocalDate Start, LocalDate End)
{
    /// <summary>Returns the period as ISO text, such as <c>[2026-01-01, 2026-02-01)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{PeriodMath.Iso(Start)}, {PeriodMath.Iso(End)})");
}

/// <summary>Date arithmetic on day numbers, used by the analytics hot loops.</summary>
internal static class PeriodMath
{
    public static int ToDay(LocalDate date) => date.ToDateOnly().DayNumber;

    public static LocalDate FromDay(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    public static string Iso(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static void CheckIso(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Analytics dates must be in the ISO calendar.", paramName);
        }
    }

    public static void CheckGranularity(PeriodGranularity granularity, string paramName)
    {
        if (granularity is < PeriodGranularity.Day or > PeriodGranularity.Year)
        {
            throw new ArgumentOutOfRangeException(paramName, granularity, "Use Day, Week, Month, Quarter or Year.");
        }
    }

    public static LocalDate StartOf(LocalDate date, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => date,
        PeriodGranularity.Week => date.PlusDays(-(((int)date.DayOfWeek) - 1)),
        PeriodGranularity.Month => new LocalDate(date.Year, date.Month, 1),
        PeriodGranularity.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
        _ => new LocalDate(date.Year, 1, 1),
    };

    public static LocalDate NextStart(LocalDate start, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => start.PlusDays(1),
        PeriodGranularity.Week => start.PlusDays(7),
        PeriodGranularity.Month => start.PlusMonths(1),
        PeriodGranularity.Quarter => start.PlusMonths(3),
        _ => start.PlusYears(1),
    };

    /// <summary>The calendar-aligned periods covering [from, to), the first and last clipped to the range.</summary>
    public static AnalyticsPeriod[] Build(LocalDate from, LocalDate to, PeriodGranularity granularity)
    {
        CheckIso(from, nameof(from));
        CheckIso(to, nameof(to));
        CheckGranularity(granularity, nameof(granularity));
        if (to <= from)
        {
            throw new ArgumentException("The end of a report range must be after its start (the range is [from, to)).", nameof(to));
        }

        var periods = new List<AnalyticsPeriod>();
        var start = from;
        while (start < to)
        {
            var next = NextStart(StartOf(start, granularity), granularity);
            var end = next < to ? next : to;
            periods.Add(new AnalyticsPeriod(start, end));
            start = end;
        }

        return [.. periods];
    }
}
