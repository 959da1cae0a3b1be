using NodaTime;

namespace Subscriptions.Scheduling;

public sealed partial class ProrationTests
{
    [Fact]
    public void Prorate_TwentyDaysOfA31DayMonth_At249_95_Is161_26()
    {
        var amount = Proration.Prorate(Iso.Eur(249.95m), Iso.Period("2012-05-12", "2012-06-01"), Iso.Period("2012-05-01", "2012-06-01"));

        Assert.Equal(new ProrationFraction(20, 31), amount.Fraction);
        Assert.Equal(Iso.Eur(161.26m), amount.Amount);
        Assert.Equal(Iso.Eur(249.95m * 20 / 31), amount.Exact);
        Assert.Equal(Iso.Eur(161.26m - (249.95m * 20 / 31)), amount.Rounding);
    }

    [Theory]
    [InlineData("2012-02-01", "2012-02-15", "2012-02-01", "2012-03-01", 14, 29)] // 14 days of February 2012
    [InlineData("2013-02-01", "2013-02-15", "2013-02-01", "2013-03-01", 14, 28)]
    [InlineData("2011-06-17", "2011-06-25", "2011-06-17", "2012-06-17", 8, 366)] // 8 days of the year 2011-06-17..2012-06-17
    [InlineData("2011-02-14", "2011-02-28", "2011-01-28", "2011-02-28", 14, 31)] // leading partial, billing day 31
    public void Fraction_ByDay_CountsRealDaysBothEndExclusive(string partStart, string partEnd, string refStart, string refEnd, long days, long daysInPeriod)
    {
        var fraction = Proration.Fraction(Iso.Period(partStart, partEnd), Iso.Period(refStart, refEnd));

        Assert.Equal((days, daysInPeriod), (fraction.Numerator, fraction.Denominator));
    }

    [Theory]
    [InlineData("2023-02-23", "2023-03-15", 22)] // SCHEDULING.md: 22/30, whatever the year
    [InlineData("2024-02-23", "2024-03-15", 22)]
    [InlineData("2023-01-31", "2023-02-15", 14)]
    [InlineData("2023-04-05", "2023-04-25", 20)]
    [InlineData("2023-03-01", "2023-04-01", 30)]
    [InlineData("2023-02-01", "2023-03-01", 30)]
    public void ThirtyDayMonthDays_FollowsTheFixedMonthRule(string start, string end, int expected)
    {
        Assert.Equal(expected, Proration.ThirtyDayMonthDays(Iso.Period(start, end)));
    }

    [Fact]
    public void Fraction_ThirtyDayMonth_HasDenominatorThirty()
    {
        var fraction = Proration.Fraction(Iso.Period("2023-02-23", "2023-03-15"), Iso.Period("2023-02-15", "2023-03-15"), ProrationMethod.ThirtyDayMonth);

        Assert.Equal((22L, 30L), (fraction.Numerator, fraction.Denominator));
    }

    [Fact]
    public void Fraction_WholePeriod_IsOneWhateverTheMethod()
    {
        var period = Iso.Period("2023-01-31", "2023-02-28");

        foreach (var method in Enum.GetValues<ProrationMethod>())
        {
            Assert.True(Proration.Fraction(period, period, method).IsOne, method.ToString());
        }
    }

    [Fact]
    public void Fraction_None_IsZeroForAPart()
    {
        Assert.True(Proration.Fraction(Iso.Period("2023-02-10", "2023-02-28"), Iso.Period("2023-01-31", "2023-02-28"), ProrationMethod.None).IsZero);
    }

    [Fact]
    public void Fraction_BySecondWithoutZone_CountsWholeDays()
    {
        var fraction = Proration.Fraction(Iso.Period("2023-02-10", "2023-02-28"), Iso.Period("2023-01-31", "2023-02-28"), ProrationMethod.BySecond);

        Assert.Equal((18L * 86_400, 28L * 86_400), (fraction.Numerator, fraction.Denominator));
    }

    [Fact]
    public void ChangePlan_MonthlyToYearlyOnMay12WithBillingDay1_CreditsMayAndChargesUntilNextMay()
    {
        // SCHEDULING.md: monthly 249.95 -> yearly 2399.95 on 2012-05-12, billing day 1.
        var may = Iso.Period("2012-05-01", "2012-06-01");
        var yearly = new BillingSchedule(Iso.Date("2012-05-12"), Recurrence.Yearly, BillingAnchor.DayOfMonth(1));

        var change = Proration.ChangePlan(may, Iso.Eur(249.95m), Iso.Date("2012-05-12"), yearly, Iso.Eur(2399.95m));

        Assert.Equal(Iso.Eur(-161.26m), change.Credit.Amount);
        Assert.Equal(new ProrationFraction(20, 31), change.Credit.Fraction);
        Assert.Equal(may, change.Credit.Reference);
        Assert.Equal(Iso.Eur(2327.62m), change.Charge.Amount);
        Assert.Equal(new ProrationFraction(354, 365), change.Charge.Fraction);
        Assert.Equal(Iso.Period("2012-05-12", "2013-05-01"), change.Charge.Part);
        Assert.Equal(Iso.Period("2012-05-01", "2013-05-01"), change.Charge.Reference);
        Assert.Equal(Iso.Eur(2166.36m), change.Net);
    }

    [Fact]
    public void ChangePlan_ToAFreeLeadingPeriod_ChargesNothingUntilTheAnchor()
    {
        var may = Iso.Period("2012-05-01", "2012-06-01");
        var yearly = new BillingSchedule(Iso.Date("2012-05-12"), Recurrence.Yearly, BillingAnchor.DayOfMonth(1), leadingPeriod: LeadingPeriodPolicy.Free);

        var change = Proration.ChangePlan(may, Iso.Eur(249.95m), Iso.Date("2012-05-12"), yearly, Iso.Eur(2399.95m));

        Assert.Equal(Iso.Eur(-161.26m), change.Net);
    }

    [Fact]
    public void ChangeBySecond_AtTheMidpoint_TenToTwenty_CreditsFiveAndChargesTen()
    {
        var period = Iso.Period("2026-06-01", "2026-07-01");
        var midpoint = Instant.FromUtc(2026, 6, 16, 0, 0);

        var change = Proration.ChangeBySecond(period, Iso.Eur(10m), midpoint, DateTimeZone.Utc, Iso.Eur(20m));

        Assert.Equal(Iso.Eur(-5m), change.Credit.Amount);
        Assert.Equal(Iso.Eur(10m), change.Charge.Amount);
        Assert.Equal(ProrationMethod.BySecond, change.Charge.Method);
    }

    [Fact]
    public void ChangeBySecond_AtTheMidpoint_HundredToTen_LeavesACustomerCredit()
    {
        var period = Iso.Period("2026-06-01", "2026-07-01");

        var change = Proration.ChangeBySecond(period, Iso.Eur(100m), Instant.FromUtc(2026, 6, 16, 0, 0), DateTimeZone.Utc, Iso.Eur(10m));

        Assert.Equal(Iso.Eur(-50m), change.Credit.Amount);
        Assert.Equal(Iso.Eur(5m), change.Charge.Amount);
        Assert.Equal(Iso.Eur(-45m), change.Net);
    }

    [Fact]
    public void ChangeBySecond_PeriodWithADaylightSavingChange_CountsRealSeconds()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var november = Iso.Period("2026-11-01", "2026-12-01");
        var changeAt = BillingDay.StartOf(Iso.Date("2026-11-16"), newYork);

        var change = Proration.ChangeBySecond(november, Iso.Eur(100m), changeAt, newYork, Iso.Eur(100m));

        Assert.Equal((15L * 86_400, (30L * 86_400) + 3_600), (change.Credit.Fraction.Numerator, change.Credit.Fraction.Denominator));
        Assert.Equal(Iso.Period("2026-11-16", "2026-12-01"), change.Credit.Part);
        Assert.True(change.Net.IsZero);
    }

    [Fact]
    public void Change_OnTheBillingDayItself_CreditsAllAndChargesAll()
    {
        var period = Iso.Period("2026-01-31", "2026-02-28");

        var change = Proration.Change(period, Iso.Eur(30m), period.Start, Iso.Eur(45m));

        Assert.True(change.Credit.Fraction.IsOne);
        Assert.Equal(Iso.Eur(-30m), change.Credit.Amount);
        Assert.Equal(Iso.Eur(45m), change.Charge.Amount);
        Assert.Equal(Iso.Eur(15m), change.Net);
    }

    [Fact]
    public void Change_QuantityUpgradeThenReverseOnTheSameDay_NetsToZero()
    {
        var period = Iso.Period("2026-01-31", "2026-02-28");
        var day = Iso.Date("2026-02-09");

        var upgrade = Proration.Change(period, Iso.Eur(19.99m), day, Iso.Eur(59.97m));
        var billedItem = upgrade.Charge.Part;
        var reverse = Proration.ChangeWithReference(billedItem, upgrade.Charge.Amount, day, period, Iso.Eur(19.99m));

        Assert.Equal(-upgrade.Charge.Amount, reverse.Credit.Amount);
        Assert.True((upgrade.Net + reverse.Net).IsZero);
    }

    [Theory]
    [InlineData("10.005", "20.0049")]
    [InlineData("0.0001", "1234567.891234")]
    [InlineData("99999999999999.99", "1.5")]
    [InlineData("99999999999999.99", "21474836.48")]
    [InlineData("-42949672.96", "184467440737.0955")]
    public void Change_AmountsNotInWholeMinorUnitsOrLarge_AreStillRoundedOnceHalfUp(string billedText, string newPriceText)
    {
        var billed = decimal.Parse(billedText, System.Globalization.CultureInfo.InvariantCulture);
        var newPrice = decimal.Parse(newPriceText, System.Globalization.CultureInfo.InvariantCulture);
        var period = Iso.Period("2012-05-01", "2012-06-01");

        var change = Proration.Change(period, Iso.Eur(billed), Iso.Date("2012-05-12"), Iso.Eur(newPrice));

        Assert.Equal(Iso.Eur(decimal.Round(-billed * 20 / 31, 2, MidpointRounding.AwayFromZero)), change.Credit.Amount);
        Assert.Equal(Iso.Eur(decimal.Round((newPrice - billed) * 20 / 31, 2, MidpointRounding.AwayFromZero)), change.Net);
        Assert.Equal(change.Net, change.Credit.Amount + change.Charge.Amount);
    }

    [Fact]
    public void Change_Cancellation_CreditsTheUnusedTimeOnly()
    {
        var change = Proration.Change(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(249.95m), Iso.Date("2012-05-12"), Iso.Eur(0m));

        Assert.Equal(Iso.Eur(-161.26m), change.Credit.Amount);
        Assert.True(change.Charge.Amount.IsZero);
    }

    [Fact]
    public void Change_OptionRemoved_CreditsWhatTheOptionWasBilled()
    {
        var change = Proration.Change(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(31m), Iso.Date("2012-05-21"), Iso.Eur(0m));

        Assert.Equal(Iso.Eur(-11m), change.Credit.Amount);
        Assert.Equal(Iso.Eur(-11m), change.Net);
    }

    [Fact]
    public void Change_ThirtyDayMonth_UsesTheFixedMonthFraction()
    {
        var change = Proration.Change(Iso.Period("2023-02-15", "2023-03-15"), Iso.Eur(30m), Iso.Date("2023-02-23"), Iso.Eur(60m), ProrationMethod.ThirtyDayMonth);

        Assert.Equal(new ProrationFraction(22, 30), change.Credit.Fraction);
        Assert.Equal(Iso.Eur(-22m), change.Credit.Amount);
        Assert.Equal(Iso.Eur(44m), change.Charge.Amount);
        Assert.Equal(ProrationMethod.ThirtyDayMonth, change.Charge.Method);
    }

    [Fact]
    public void Change_MethodNone_CreditsAndChargesNothingMidPeriod()
    {
        var change = Proration.Change(Iso.Period("2023-02-15", "2023-03-15"), Iso.Eur(30m), Iso.Date("2023-02-23"), Iso.Eur(60m), ProrationMethod.None);

        Assert.True(change.Credit.Amount.IsZero);
        Assert.True(change.Charge.Amount.IsZero);
    }

    [Fact]
    public void Change_OptionAdded_ChargesTheRemainingTimeOnly()
    {
        var change = Proration.Change(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(0m), Iso.Date("2012-05-12"), Iso.Eur(31m));

        Assert.True(change.Credit.Amount.IsZero);
        Assert.Equal(Iso.Eur(20m), change.Charge.Amount);
    }

    [Fact]
    public void Change_CreditBasisIsWhatWasBilledNotTheCatalogPrice()
    {
        // The leading partial [2011-02-14, 2011-02-28) was billed 14/31 of 31.00 = 14.00; a change on 2011-02-21 credits half of it.
        var leading = Iso.Period("2011-02-14", "2011-02-28");
        var reference = Iso.Period("2011-01-28", "2011-02-28");

        var change = Proration.ChangeWithReference(leading, Iso.Eur(14m), Iso.Date("2011-02-21"), reference, Iso.Eur(62m));

        Assert.Equal(Iso.Eur(-7m), change.Credit.Amount);
        Assert.Equal(new ProrationFraction(7, 14), change.Credit.Fraction);
        Assert.Equal(Iso.Eur(14m), change.Charge.Amount);
        Assert.Equal(new ProrationFraction(7, 31), change.Charge.Fraction);
    }

    [Theory]
    [InlineData(ProrationBehavior.BillNow, 2166.36, 0)]
    [InlineData(ProrationBehavior.NextInvoice, 0, 2166.36)]
    [InlineData(ProrationBehavior.None, 0, 0)]
    public void Behavior_DecidesWhenTheDifferenceIsBilled(ProrationBehavior behavior, decimal now, decimal next)
    {
        var yearly = new BillingSchedule(Iso.Date("2012-05-12"), Recurrence.Yearly, BillingAnchor.DayOfMonth(1));
        var change = Proration.ChangePlan(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(249.95m), Iso.Date("2012-05-12"), yearly, Iso.Eur(2399.95m));

        Assert.Equal(Iso.Eur(now), change.DueNow(behavior));
        Assert.Equal(Iso.Eur(next), change.DueOnNextInvoice(behavior));
    }

    [Fact]
    public void Split_PeriodInThreePieces_SumsExactlyAndExplainsEachPiece()
    {
        var period = Iso.Period("2012-05-01", "2012-06-01");

        var pieces = Proration.Split(Iso.Eur(100m), period, Iso.Date("2012-05-11"), Iso.Date("2012-05-21"));

        Assert.Equal([Iso.Eur(32.26m), Iso.Eur(32.26m), Iso.Eur(35.48m)], pieces.Select(p => p.Amount));
        Assert.Equal(Iso.Eur(100m), pieces.Aggregate(Iso.Eur(0m), (sum, p) => sum + p.Amount));
        Assert.Equal(new ProrationFraction(11, 31), pieces[2].Fraction);
        Assert.Equal(Iso.Period("2012-05-21", "2012-06-01"), pieces[2].Part);
    }

    [Fact]
    public void ToString_ExplainsTheAmount()
    {
        var amount = Proration.Prorate(Iso.Eur(249.95m), Iso.Period("2012-05-12", "2012-06-01"), Iso.Period("2012-05-01", "2012-06-01"));

        Assert.Equal(
            "[2012-05-12, 2012-06-01) = 20/31 days of [2012-05-01, 2012-06-01) (ByDay) × EUR 249.95 = 161.25806451612903225806451613 → EUR 161.26 (rounded half-up, +0.00193548387096774193548387)",
            amount.ToString());
        Assert.Contains("net EUR 2166.36", Proration.ChangePlan(
            Iso.Period("2012-05-01", "2012-06-01"),
            Iso.Eur(249.95m),
            Iso.Date("2012-05-12"),
            new BillingSchedule(Iso.Date("2012-05-12"), Recurrence.Yearly, BillingAnchor.DayOfMonth(1)),
            Iso.Eur(2399.95m)).ToString(), StringComparison.Ordinal);
    }
}
