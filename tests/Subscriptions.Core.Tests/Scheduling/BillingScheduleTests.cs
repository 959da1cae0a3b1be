using NodaTime;

namespace Subscriptions.Scheduling;

public sealed partial class BillingScheduleTests
{
    private static readonly Recurrence Monthly = Recurrence.Monthly;
    private static readonly Recurrence Yearly = Recurrence.Yearly;

    [Theory]
    [InlineData("2012-01-31", 30, "2012-02-29")] // SCHEDULING.md
    [InlineData("2012-02-16", 30, "2012-02-29")] // SCHEDULING.md: billing day beyond February's length, same month
    [InlineData("2011-02-14", 30, "2011-02-28")]
    [InlineData("2011-02-14", 31, "2011-02-28")]
    [InlineData("2012-04-30", 31, "2012-04-30")] // aligned: a start on Apr 30 with billing day 31
    [InlineData("2012-01-15", 1, "2012-02-01")]
    [InlineData("2012-01-01", 1, "2012-01-01")]
    [InlineData("2012-01-31", 29, "2012-02-29")]
    [InlineData("2013-01-31", 29, "2013-02-28")]
    public void FirstBillingDate_Monthly_FollowsTheStartMonthRule(string start, int billingDay, string expected)
    {
        var schedule = new BillingSchedule(Iso.Date(start), Monthly, BillingAnchor.DayOfMonth(billingDay));

        Assert.Equal(Iso.Date(expected), schedule.FirstBillingDate);
    }

    [Theory]
    [InlineData("2012-01-31", 30, "2013-01-30")] // SCHEDULING.md: yearly keeps the month, one year on
    [InlineData("2012-01-15", 30, "2012-01-30")]
    [InlineData("2012-05-12", 1, "2013-05-01")]
    public void FirstBillingDate_Yearly_KeepsTheStartMonth(string start, int billingDay, string expected)
    {
        var schedule = new BillingSchedule(Iso.Date(start), Yearly, BillingAnchor.DayOfMonth(billingDay));

        Assert.Equal(Iso.Date(expected), schedule.FirstBillingDate);
    }

    [Fact]
    public void Period_AlignedAprilThirtiethWithDay31_FirstPeriodEndsMay31()
    {
        var schedule = new BillingSchedule(Iso.Date("2012-04-30"), Monthly, BillingAnchor.DayOfMonth(31));

        Assert.Null(schedule.LeadingPeriod);
        Assert.Equal(Iso.Period("2012-04-30", "2012-05-31"), schedule.Period(0));
    }

    [Theory]
    [InlineData("2012-01-31", new[] { "2012-01-31", "2012-02-29", "2012-03-31", "2012-04-30", "2012-05-31", "2012-06-30" })]
    [InlineData("2013-01-31", new[] { "2013-01-31", "2013-02-28", "2013-03-31", "2013-04-30", "2013-05-31", "2013-06-30" })]
    [InlineData("2013-01-30", new[] { "2013-01-30", "2013-02-28", "2013-03-30", "2013-04-30", "2013-05-30", "2013-06-30" })]
    [InlineData("2012-01-29", new[] { "2012-01-29", "2012-02-29", "2012-03-29", "2012-04-29", "2012-05-29", "2012-06-29" })]
    [InlineData("2013-01-29", new[] { "2013-01-29", "2013-02-28", "2013-03-29", "2013-04-29", "2013-05-29", "2013-06-29" })]
    public void AnchorDate_BillingDay29To31_IsStickyAcrossFebruary(string start, string[] expected)
    {
        var schedule = new BillingSchedule(Iso.Date(start), Monthly);

        for (var n = 0; n < expected.Length; n++)
        {
            Assert.Equal(Iso.Date(expected[n]), schedule.AnchorDate(n));
        }
    }

    [Fact]
    public void AnchorDate_Day31_NeverDriftsLikeChaining()
    {
        var schedule = new BillingSchedule(Iso.Date("2013-01-31"), Monthly);
        var chained = Iso.Date("2013-01-31");
        for (var n = 1; n <= 3; n++)
        {
            chained = chained.PlusMonths(1);
        }

        Assert.Equal(Iso.Date("2013-04-28"), chained); // what "+1 month" chaining does
        Assert.Equal(Iso.Date("2013-04-30"), schedule.AnchorDate(3));
    }

    [Theory]
    [InlineData(0, "2012-02-29")]
    [InlineData(1, "2013-02-28")]
    [InlineData(2, "2014-02-28")]
    [InlineData(3, "2015-02-28")]
    [InlineData(4, "2016-02-29")]
    [InlineData(8, "2020-02-29")]
    public void AnchorDate_YearlyLeapDay_FallsOnFeb28AndReturns(int n, string expected)
    {
        var anniversary = new BillingSchedule(Iso.Date("2012-02-29"), Yearly);
        var fixedDay = new BillingSchedule(Iso.Date("2012-01-01"), Yearly, BillingAnchor.MonthAndDay(2, 29));

        Assert.Equal(Iso.Date(expected), anniversary.AnchorDate(n));
        Assert.Equal(Iso.Date(expected), fixedDay.AnchorDate(n));
    }

    [Fact]
    public void AnchorDate_RollForward_MovesToTheFirstOfNextMonthButKeepsTheDay()
    {
        var schedule = new BillingSchedule(Iso.Date("2013-01-31"), Monthly, endOfMonth: EndOfMonthPolicy.RollForward);

        Assert.Equal(Iso.Date("2013-03-01"), schedule.AnchorDate(1));
        Assert.Equal(Iso.Date("2013-03-31"), schedule.AnchorDate(2));
        Assert.Equal(Iso.Date("2013-05-01"), schedule.AnchorDate(3));
        Assert.Equal(Iso.Period("2013-03-01", "2013-03-31"), schedule.PeriodContaining(Iso.Date("2013-03-15")));
    }

    [Fact]
    public void LeadingPeriod_RollForward_IsProratedAgainstTheNaturalPeriodBeforeTheRolledDate()
    {
        // Billing day 30 rolls February's date to March 1: the anchor dates are Jan 30, Mar 1, Mar 30.
        var schedule = new BillingSchedule(Iso.Date("2013-01-31"), Monthly, BillingAnchor.DayOfMonth(30), endOfMonth: EndOfMonthPolicy.RollForward);
        var leading = schedule.LeadingPeriod!.Value;

        Assert.Equal(Iso.Period("2013-01-31", "2013-03-01"), leading);
        Assert.Equal(Iso.Period("2013-01-30", "2013-03-01"), schedule.ReferencePeriodOf(leading));
    }

    [Fact]
    public void ToString_SummarizesTheSchedule()
    {
        var schedule = new BillingSchedule(Iso.Date("2012-01-31"), Monthly, BillingAnchor.DayOfMonth(30));

        Assert.Equal("P1M from 2012-01-31 (day 30), first billing 2012-02-29, InAdvance, open-ended, Prorate leading, Clamp", schedule.ToString());
    }

    [Fact]
    public void AnchorDate_Quarterly_StepsThreeMonthsFromTheAnchor()
    {
        var schedule = new BillingSchedule(Iso.Date("2023-11-30"), Recurrence.Quarterly);

        Assert.Equal(Iso.Date("2024-02-29"), schedule.AnchorDate(1));
        Assert.Equal(Iso.Date("2024-05-30"), schedule.AnchorDate(2));
        Assert.Equal(Iso.Date("2024-08-30"), schedule.AnchorDate(3));
    }

    [Fact]
    public void LeadingPeriod_BillingDay31FromFeb14_IsProratedAgainstThePlainlySubtractedMonth()
    {
        // SCHEDULING.md: leading partial [2011-02-14, 2011-02-28) with billing day 31 is 14/31 of [2011-01-28, 2011-02-28).
        var schedule = new BillingSchedule(Iso.Date("2011-02-14"), Monthly, BillingAnchor.DayOfMonth(31));
        var leading = schedule.LeadingPeriod!.Value;

        Assert.Equal(Iso.Period("2011-02-14", "2011-02-28"), leading);
        Assert.Equal(BillingPeriodKind.Leading, schedule.KindOf(leading));
        Assert.Equal(Iso.Period("2011-01-28", "2011-02-28"), schedule.ReferencePeriodOf(leading));
        var amount = schedule.AmountFor(leading, Iso.Eur(31m));
        Assert.Equal(new ProrationFraction(14, 31), amount.Fraction);
        Assert.Equal(Iso.Eur(14m), amount.Amount);
    }

    [Fact]
    public void AmountFor_FreeLeadingPeriod_IsZeroAndNotBilled()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Monthly, BillingAnchor.DayOfMonth(1), leadingPeriod: LeadingPeriodPolicy.Free);
        var leading = schedule.LeadingPeriod!.Value;

        Assert.False(schedule.IsBillable(leading));
        Assert.True(schedule.AmountFor(leading, Iso.Eur(100m)).Amount.IsZero);
        Assert.Equal(Iso.Date("2026-02-01"), schedule.NextBillingDate(Iso.Date("2026-01-09")));
    }

    [Fact]
    public void AmountFor_RegularPeriod_IsTheFullPrice()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-31"), Monthly);
        var february = schedule.Period(1);

        Assert.Equal(BillingPeriodKind.Regular, schedule.KindOf(february));
        Assert.Equal(Iso.Eur(249.95m), schedule.AmountFor(february, Iso.Eur(249.95m)).Amount);
    }

    [Fact]
    public void TrailingPeriod_TermEndingMidPeriod_IsProratedAgainstLastBillingDatePlusOnePeriod()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-31"), Monthly, term: BillingTerm.Until(Iso.Date("2026-04-15")));
        var last = schedule.PeriodContaining(Iso.Date("2026-04-01"));

        Assert.Equal(Iso.Period("2026-03-31", "2026-04-15"), last);
        Assert.Equal(BillingPeriodKind.Trailing, schedule.KindOf(last));
        Assert.Equal(Iso.Period("2026-03-31", "2026-04-30"), schedule.ReferencePeriodOf(last));
        Assert.Equal(new ProrationFraction(15, 30), schedule.AmountFor(last, Iso.Eur(30m)).Fraction);
        Assert.Equal(Iso.Date("2026-04-15"), schedule.End);
    }

    [Fact]
    public void Term_ForPeriods_EndsOnTheNthBillingDateAfterTheLeadingPeriod()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Monthly, BillingAnchor.DayOfMonth(1), term: BillingTerm.ForPeriods(3));

        Assert.Equal(Iso.Date("2026-05-01"), schedule.End);
        Assert.Equal(Iso.Date("2026-05-01"), schedule.TermEnd);
        var periods = schedule.PeriodsOverlapping(Iso.Date("2026-01-01"), Iso.Date("2027-01-01")).ToList();
        Assert.Equal(4, periods.Count);
        Assert.Equal(Iso.Period("2026-01-10", "2026-02-01"), periods[0]);
        Assert.Equal(Iso.Period("2026-04-01", "2026-05-01"), periods[3]);
    }

    [Fact]
    public void Term_AutoRenew_KnowsTheTermEndButKeepsBilling()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Yearly, term: BillingTerm.ForPeriods(1, autoRenew: true));

        Assert.Equal(Iso.Date("2027-01-10"), schedule.TermEnd);
        Assert.Null(schedule.End);
        Assert.Equal(Iso.Date("2028-01-10"), schedule.NextBillingDate(Iso.Date("2027-01-10")));
    }

    [Fact]
    public void Trial_IsItsOwnUnbilledPeriod_AndTheAnniversaryFollowsTheTrialEnd()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-20"), Monthly, trialEnd: Iso.Date("2026-02-03"));
        var trial = schedule.TrialPeriod!.Value;

        Assert.Equal(Iso.Period("2026-01-20", "2026-02-03"), trial);
        Assert.Equal(trial, schedule.PeriodContaining(Iso.Date("2026-01-25")));
        Assert.Equal(BillingPeriodKind.Trial, schedule.KindOf(trial));
        Assert.False(schedule.IsBillable(trial));
        Assert.Equal(3, schedule.BillingDayOfMonth);
        Assert.Equal(Iso.Date("2026-02-03"), schedule.NextBillingDate(Iso.Date("2026-01-20")));
        Assert.Equal(Iso.Period("2026-02-03", "2026-03-03"), schedule.PeriodContaining(Iso.Date("2026-02-03")));
    }

    [Fact]
    public void NextBillingDate_InAdvance_IsTheNextPeriodStart()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Monthly, BillingAnchor.DayOfMonth(31));

        Assert.Equal(Iso.Date("2026-01-10"), schedule.NextBillingDate(Iso.Date("2026-01-01")));
        Assert.Equal(Iso.Date("2026-01-31"), schedule.NextBillingDate(Iso.Date("2026-01-10")));
        Assert.Equal(Iso.Date("2026-02-28"), schedule.NextBillingDate(Iso.Date("2026-01-31")));
        Assert.Equal(Iso.Date("2026-03-31"), schedule.NextBillingDate(Iso.Date("2026-03-30")));
    }

    [Theory]
    [InlineData("2013-06-01", "2014-02-28")]
    [InlineData("2014-02-27", "2014-02-28")]
    [InlineData("2014-02-28", "2016-02-29")]
    [InlineData("2015-12-31", "2016-02-29")]
    public void NextBillingDate_EveryTwoYearsFromALeapDay_StepsBackToTheAnchorMonth(string after, string expected)
    {
        var schedule = new BillingSchedule(Iso.Date("2012-02-29"), Recurrence.Every(2, RecurrenceUnit.Year));

        Assert.Equal(Iso.Date(expected), schedule.NextBillingDate(Iso.Date(after)));
    }

    [Fact]
    public void NextBillingDate_InArrears_IsThePeriodEnd_AndTheEndDateLast()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Monthly, BillingAnchor.DayOfMonth(31), BillingTiming.InArrears, BillingTerm.Until(Iso.Date("2026-03-15")));

        Assert.Equal(Iso.Date("2026-01-31"), schedule.NextBillingDate(Iso.Date("2026-01-10")));
        Assert.Equal(Iso.Date("2026-02-28"), schedule.NextBillingDate(Iso.Date("2026-01-31")));
        Assert.Equal(Iso.Date("2026-03-15"), schedule.NextBillingDate(Iso.Date("2026-02-28")));
        Assert.Null(schedule.NextBillingDate(Iso.Date("2026-03-15")));
    }

    [Fact]
    public void InArrears_EndingBeforeTheFirstBillingDate_BillsOnlyTheCutLeadingPeriodOnTheEndDate()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-10"), Monthly, BillingAnchor.DayOfMonth(1), BillingTiming.InArrears, BillingTerm.Until(Iso.Date("2026-01-25")));

        var periods = schedule.PeriodsOverlapping(Iso.Date("2026-01-01"), Iso.Date("2027-01-01")).ToList();

        var only = Assert.Single(periods);
        Assert.Equal(Iso.Period("2026-01-10", "2026-01-25"), only);
        Assert.Equal(BillingPeriodKind.Leading, schedule.KindOf(only));
        Assert.Equal(Iso.Date("2026-01-25"), schedule.BillingDateOf(only));
        Assert.Equal(Iso.Date("2026-01-25"), schedule.NextBillingDate(Iso.Date("2026-01-10")));
        Assert.Null(schedule.NextBillingDate(Iso.Date("2026-01-25")));
        Assert.Equal(new ProrationFraction(15, 31), schedule.AmountFor(only, Iso.Eur(31m)).Fraction);
    }

    [Fact]
    public void BillingDateOf_InAdvanceIsStart_InArrearsIsEnd()
    {
        var period = Iso.Period("2026-01-31", "2026-02-28");

        Assert.Equal(period.Start, BillingSchedule.BillingDateOf(period, BillingTiming.InAdvance));
        Assert.Equal(period.End, BillingSchedule.BillingDateOf(period, BillingTiming.InArrears));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.BillingDateOf(period, (BillingTiming)7));
    }

    [Fact]
    public void Weekly_WeekdayAnchor_StartsOnThatWeekday()
    {
        // 2026-01-07 is a Wednesday; billing on Mondays.
        var schedule = new BillingSchedule(Iso.Date("2026-01-07"), Recurrence.Weekly, BillingAnchor.DayOfWeek(IsoDayOfWeek.Monday));

        Assert.Equal(Iso.Date("2026-01-12"), schedule.FirstBillingDate);
        Assert.Equal(Iso.Period("2026-01-07", "2026-01-12"), schedule.LeadingPeriod);
        Assert.Equal(Iso.Period("2026-01-05", "2026-01-12"), schedule.ReferencePeriodOf(schedule.LeadingPeriod!.Value));
        Assert.Equal(Iso.Period("2026-01-26", "2026-02-02"), schedule.PeriodContaining(Iso.Date("2026-02-01")));
    }

    [Fact]
    public void EveryFortyFiveDays_IgnoresTheBillingDay()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-31"), Recurrence.Every(45, RecurrenceUnit.Day));

        Assert.Equal(0, schedule.BillingDayOfMonth);
        Assert.Equal(Iso.Date("2026-03-17"), schedule.AnchorDate(1));
        Assert.Equal(Iso.Period("2026-03-17", "2026-05-01"), schedule.PeriodContaining(Iso.Date("2026-04-30")));
    }

    [Fact]
    public void PeriodsOverlapping_YieldsEveryOverlappingPeriodInOrder()
    {
        var schedule = new BillingSchedule(Iso.Date("2012-01-31"), Monthly);

        var periods = new List<BillingPeriod>();
        foreach (var period in schedule.PeriodsOverlapping(Iso.Date("2012-02-15"), Iso.Date("2012-04-30")))
        {
            periods.Add(period);
        }

        Assert.Equal(
            [Iso.Period("2012-01-31", "2012-02-29"), Iso.Period("2012-02-29", "2012-03-31"), Iso.Period("2012-03-31", "2012-04-30")],
            periods);
    }

    [Fact]
    public void PeriodsOverlapping_EmptyRangeOrBeforeStart_YieldsNothing()
    {
        var schedule = new BillingSchedule(Iso.Date("2012-01-31"), Monthly);

        Assert.Empty(schedule.PeriodsOverlapping(Iso.Date("2012-03-01"), Iso.Date("2012-03-01")));
        Assert.Empty(schedule.PeriodsOverlapping(Iso.Date("2011-01-01"), Iso.Date("2012-01-31")));
        Assert.Empty(default(PeriodRange));
    }

    [Fact]
    public void PeriodContaining_Instant_UsesTheCustomersDate()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-01"), Monthly);
        var auckland = DateTimeZoneProviders.Tzdb["Pacific/Auckland"];
        var instant = Instant.FromUtc(2026, 1, 31, 12, 0); // 2026-02-01 01:00 in Auckland

        Assert.Equal(Iso.Period("2026-02-01", "2026-03-01"), schedule.PeriodContaining(instant, auckland));
        Assert.Equal(Iso.Date("2026-03-01"), schedule.NextBillingDate(instant, auckland));
    }
}
