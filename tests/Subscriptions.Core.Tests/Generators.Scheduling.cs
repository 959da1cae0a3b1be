using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions;

/// <summary>Scheduling generators: dates biased to month ends and leap days, anchors 29-31, every recurrence shape.</summary>
internal static partial class Generators
{
    /// <summary>Any date from 1996 to 2044 (leap and non-leap years, including 2000).</summary>
    public static Gen<LocalDate> AnyDate { get; } =
        Gen.Choose(0, 49 * 365).Select(days => new LocalDate(1996, 1, 1).PlusDays(days));

    /// <summary>The last day of a month (28, 29, 30 or 31).</summary>
    public static Gen<LocalDate> EndOfMonthDate { get; } =
        from year in Gen.Choose(1996, 2044)
        from month in Gen.Choose(1, 12)
        select new LocalDate(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    /// <summary>A Feb 29.</summary>
    public static Gen<LocalDate> LeapDay { get; } =
        Gen.Choose(0, 12).Select(i => new LocalDate(1996 + (4 * i), 2, 29));

    /// <summary>A date, half of the time on a month end, a day 28-31 or a leap day.</summary>
    public static Gen<LocalDate> NastyDate { get; } = Gen.Frequency(
        (4, AnyDate),
        (2, EndOfMonthDate),
        (1, LeapDay),
        (2, from year in Gen.Choose(1996, 2044)
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(28, 31)
            select new LocalDate(year, month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(year, month)))));

    /// <summary>A billing day of month, biased towards 28-31.</summary>
    public static Gen<int> BillingDayOfMonth { get; } = Gen.Frequency((1, Gen.Choose(1, 31)), (1, Gen.Choose(28, 31)));

    /// <summary>A recurrence: daily to every 2 years, with monthly shapes weighted up.</summary>
    public static Gen<Recurrence> AnyRecurrence { get; } = Gen.Frequency(
        (5, Gen.Elements(1, 1, 2, 3, 6, 12).Select(n => new Recurrence(RecurrenceUnit.Month, n))),
        (2, Gen.Elements(1, 1, 2).Select(n => new Recurrence(RecurrenceUnit.Year, n))),
        (1, Gen.Elements(1, 2, 4).Select(n => new Recurrence(RecurrenceUnit.Week, n))),
        (1, Gen.Elements(1, 7, 30, 45).Select(n => new Recurrence(RecurrenceUnit.Day, n))));

    /// <summary>An anchor that suits <paramref name="recurrence"/>.</summary>
    public static Gen<BillingAnchor> AnchorFor(Recurrence recurrence) => recurrence.Unit switch
    {
        RecurrenceUnit.Month => Gen.Frequency(
            (1, Gen.Constant(BillingAnchor.Anniversary)),
            (3, BillingDayOfMonth.Select(BillingAnchor.DayOfMonth))),
        RecurrenceUnit.Year => Gen.Frequency(
            (1, Gen.Constant(BillingAnchor.Anniversary)),
            (1, BillingDayOfMonth.Select(BillingAnchor.DayOfMonth)),
            (1, from month in Gen.Choose(1, 12)
                from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(2000, month))
                select BillingAnchor.MonthAndDay(month, day))),
        RecurrenceUnit.Week => Gen.Frequency(
            (1, Gen.Constant(BillingAnchor.Anniversary)),
            (2, Gen.Choose(1, 7).Select(d => BillingAnchor.DayOfWeek((IsoDayOfWeek)d)))),
        _ => Gen.Constant(BillingAnchor.Anniversary),
    };

    /// <summary>An open-ended schedule of any shape, from a nasty start date, with either end-of-month policy.</summary>
    public static Gen<BillingSchedule> OpenSchedule { get; } =
        from start in NastyDate
        from recurrence in AnyRecurrence
        from anchor in AnchorFor(recurrence)
        from policy in Gen.Frequency((3, Gen.Constant(EndOfMonthPolicy.Clamp)), (1, Gen.Constant(EndOfMonthPolicy.RollForward)))
        from timing in Gen.Elements(BillingTiming.InAdvance, BillingTiming.InArrears)
        select new BillingSchedule(start, recurrence, anchor, timing, endOfMonth: policy);

    /// <summary>A schedule of any shape, sometimes with a trial, sometimes ending on a date or after some periods.</summary>
    public static Gen<BillingSchedule> AnySchedule { get; } =
        from start in NastyDate
        from recurrence in AnyRecurrence
        from anchor in AnchorFor(recurrence)
        from policy in Gen.Frequency((3, Gen.Constant(EndOfMonthPolicy.Clamp)), (1, Gen.Constant(EndOfMonthPolicy.RollForward)))
        from timing in Gen.Elements(BillingTiming.InAdvance, BillingTiming.InArrears)
        from trialDays in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 45)))
        from termKind in Gen.Choose(0, 3)
        from endDays in Gen.Choose(1, 3 * 366)
        from periods in Gen.Choose(1, 30)
        from leading in Gen.Elements(LeadingPeriodPolicy.Prorate, LeadingPeriodPolicy.Free)
        let term = termKind switch
        {
            1 => BillingTerm.Until(start.PlusDays(endDays)),
            2 => BillingTerm.ForPeriods(periods),
            3 => BillingTerm.ForPeriods(periods, autoRenew: true),
            _ => BillingTerm.OpenEnded,
        }
        select new BillingSchedule(start, recurrence, anchor, timing, term, trialDays == 0 ? null : start.PlusDays(trialDays), leading, policy);

    /// <summary>A positive price rounded to its currency's minor unit (0, 2, 3 or 4 decimals), up to 10^14 minor units.</summary>
    public static Gen<Money> Price { get; } =
        from currency in Currency
        from units in Gen.Frequency(
            (3, Gen.Choose(1, 100_000).Select(i => (long)i)),
            (1, Gen.Choose(1, 2_000_000_000).Select(i => (long)i)),
            (1, Gen.Choose(1, 1_000_000).Select(i => i * 100_000_007L)))
        select Money.FromMinorUnits(units, currency);

    /// <summary>A full month-based period of a schedule with an anchor on 28-31 or anywhere, and a change date inside it.</summary>
    public static Gen<(BillingPeriod Period, LocalDate Change)> PeriodWithChange { get; } =
        from schedule in OpenSchedule
        from n in Gen.Choose(0, 60)
        let period = schedule.Period(n)
        from offset in Gen.Choose(0, period.Days - 1)
        select (period, period.Start.PlusDays(offset));
}
