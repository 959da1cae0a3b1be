using NodaTime;

namespace Subscriptions.Scheduling;

public sealed partial class BillingScheduleTests
{
    [Fact]
    public void Recurrence_IntervalZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Recurrence(RecurrenceUnit.Month, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recurrence.Every(0, RecurrenceUnit.Day));
    }

    [Fact]
    public void Constructor_DefaultRecurrence_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new BillingSchedule(Iso.Date("2026-01-01"), default));

        Assert.Equal("recurrence", error.ParamName);
    }

    [Theory]
    [InlineData(RecurrenceUnit.Week, "day")]
    [InlineData(RecurrenceUnit.Day, "day")]
    [InlineData(RecurrenceUnit.Month, "weekday")]
    [InlineData(RecurrenceUnit.Month, "monthday")]
    [InlineData(RecurrenceUnit.Year, "weekday")]
    public void Constructor_AnchorNotSuitingTheUnit_Throws(RecurrenceUnit unit, string anchorKind)
    {
        var anchor = anchorKind switch
        {
            "day" => BillingAnchor.DayOfMonth(15),
            "weekday" => BillingAnchor.DayOfWeek(IsoDayOfWeek.Monday),
            _ => BillingAnchor.MonthAndDay(3, 1),
        };

        var error = Assert.Throws<ArgumentException>(() => new BillingSchedule(Iso.Date("2026-01-01"), new Recurrence(unit, 1), anchor));

        Assert.Equal("anchor", error.ParamName);
    }

    [Theory]
    [InlineData("2025-12-31")]
    [InlineData("2026-01-01")]
    public void Constructor_TermEndingOnOrBeforeStart_Throws(string end)
    {
        var error = Assert.Throws<ArgumentException>(() => new BillingSchedule(Iso.Date("2026-01-01"), Recurrence.Monthly, term: BillingTerm.Until(Iso.Date(end))));

        Assert.Equal("term", error.ParamName);
    }

    [Fact]
    public void Constructor_TrialEndingBeforeStart_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new BillingSchedule(Iso.Date("2026-01-01"), Recurrence.Monthly, trialEnd: Iso.Date("2025-12-01")));

        Assert.Equal("trialEnd", error.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedEnums_Throw()
    {
        var start = Iso.Date("2026-01-01");

        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingSchedule(start, Recurrence.Monthly, timing: (BillingTiming)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingSchedule(start, Recurrence.Monthly, leadingPeriod: (LeadingPeriodPolicy)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingSchedule(start, Recurrence.Monthly, endOfMonth: (EndOfMonthPolicy)9));
    }

    [Fact]
    public void Constructor_NonIsoStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BillingSchedule(new LocalDate(2026, 1, 1, CalendarSystem.Julian), Recurrence.Monthly));
    }

    [Fact]
    public void BillingTerm_ZeroPeriods_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingTerm.ForPeriods(0));
    }

    [Theory]
    [InlineData("2025-12-31")]
    [InlineData("2026-04-15")]
    [InlineData("2027-01-01")]
    public void PeriodContaining_DateOutsideSchedule_ThrowsTypedError(string date)
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-01"), Recurrence.Monthly, term: BillingTerm.Until(Iso.Date("2026-04-15")));

        var error = Assert.Throws<SchedulingException>(() => schedule.PeriodContaining(Iso.Date(date)));

        Assert.Equal(SchedulingException.DateOutsideScheduleCode, error.ErrorCode);
        Assert.False(schedule.TryGetPeriodContaining(Iso.Date(date), out _));
    }

    [Fact]
    public void Period_AfterTheEndOrNegative_Throws()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-01"), Recurrence.Monthly, term: BillingTerm.ForPeriods(2));

        Assert.Equal(SchedulingException.DateOutsideScheduleCode, Assert.Throws<SchedulingException>(() => schedule.Period(2)).ErrorCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Period(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.AnchorDate(-1));
    }

    [Fact]
    public void PeriodsOverlapping_EndBeforeStart_Throws()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-01"), Recurrence.Monthly);

        var error = Assert.Throws<ArgumentException>(() => schedule.PeriodsOverlapping(Iso.Date("2026-03-01"), Iso.Date("2026-02-01")));

        Assert.Equal("to", error.ParamName);
    }

    [Fact]
    public void KindOf_PeriodOfAnotherSchedule_Throws()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-31"), Recurrence.Monthly);

        Assert.Throws<ArgumentException>(() => schedule.KindOf(Iso.Period("2026-02-01", "2026-03-01")));
        Assert.Throws<ArgumentException>(() => schedule.ReferencePeriodOf(default));
    }

    [Fact]
    public void PeriodContaining_NullZone_Throws()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-31"), Recurrence.Monthly);

        Assert.Throws<ArgumentNullException>(() => schedule.PeriodContaining(Instant.FromUtc(2026, 2, 1, 0, 0), null!));
    }
}
