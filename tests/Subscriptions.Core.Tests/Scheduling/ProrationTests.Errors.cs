using NodaTime;

namespace Subscriptions.Scheduling;

public sealed partial class ProrationTests
{
    [Theory]
    [InlineData("2012-04-30")]
    [InlineData("2012-06-01")]
    [InlineData("2012-07-15")]
    public void Change_DateOutsideThePeriod_ThrowsTypedError(string date)
    {
        var error = Assert.Throws<SchedulingException>(() => Proration.Change(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date(date), Iso.Eur(20m)));

        Assert.Equal(SchedulingException.ChangeOutsidePeriodCode, error.ErrorCode);
        Assert.Equal("scheduling.change_outside_period", error.ErrorCode);
    }

    [Fact]
    public void ChangeWithReference_DateOutsideTheNewReference_ThrowsTypedError()
    {
        var error = Assert.Throws<SchedulingException>(() => Proration.ChangeWithReference(
            Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date("2012-05-12"), Iso.Period("2012-05-15", "2012-06-15"), Iso.Eur(20m)));

        Assert.Equal(SchedulingException.ChangeOutsidePeriodCode, error.ErrorCode);
    }

    [Fact]
    public void ChangePlan_DateBeforeTheNewSchedule_ThrowsTypedError()
    {
        var yearly = new BillingSchedule(Iso.Date("2012-05-20"), Recurrence.Yearly);

        var error = Assert.Throws<SchedulingException>(() => Proration.ChangePlan(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date("2012-05-12"), yearly, Iso.Eur(20m)));

        Assert.Equal(SchedulingException.DateOutsideScheduleCode, error.ErrorCode);
        Assert.Throws<ArgumentNullException>(() => Proration.ChangePlan(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date("2012-05-12"), null!, Iso.Eur(20m)));
    }

    [Theory]
    [InlineData(2026, 5, 31, 23, 59)]
    [InlineData(2026, 7, 1, 0, 0)]
    public void ChangeBySecond_InstantOutsideThePeriod_ThrowsTypedError(int year, int month, int day, int hour, int minute)
    {
        var error = Assert.Throws<SchedulingException>(() => Proration.ChangeBySecond(
            Iso.Period("2026-06-01", "2026-07-01"), Iso.Eur(10m), Instant.FromUtc(year, month, day, hour, minute), DateTimeZone.Utc, Iso.Eur(20m)));

        Assert.Equal(SchedulingException.ChangeOutsidePeriodCode, error.ErrorCode);
    }

    [Fact]
    public void ChangeBySecond_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Proration.ChangeBySecond(Iso.Period("2026-06-01", "2026-07-01"), Iso.Eur(10m), Instant.FromUtc(2026, 6, 2, 0, 0), null!, Iso.Eur(20m)));
        Assert.Throws<ArgumentException>(() => Proration.ChangeBySecond(default, Iso.Eur(10m), Instant.FromUtc(2026, 6, 2, 0, 0), DateTimeZone.Utc, Iso.Eur(20m)));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(1, 0)]
    [InlineData(0, -5)]
    public void ProrationFraction_BelowZeroOrAboveOne_Throws(long numerator, long denominator)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProrationFraction(numerator, denominator));
    }

    [Fact]
    public void Fraction_PartOutsideTheReference_ThrowsTypedError()
    {
        var error = Assert.Throws<SchedulingException>(() => Proration.Fraction(Iso.Period("2012-05-20", "2012-06-05"), Iso.Period("2012-05-01", "2012-06-01")));

        Assert.Equal(SchedulingException.ChangeOutsidePeriodCode, error.ErrorCode);
    }

    [Fact]
    public void Fraction_EmptyPeriodsOrUndefinedMethod_Throw()
    {
        var period = Iso.Period("2012-05-01", "2012-06-01");

        Assert.Throws<ArgumentException>(() => Proration.Fraction(default, period));
        Assert.Throws<ArgumentException>(() => Proration.Fraction(period, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.Fraction(period, period, (ProrationMethod)12));
    }

    [Fact]
    public void Change_AmountsInTwoCurrencies_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => Proration.Change(
            Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date("2012-05-12"), new Money(20m, Currency.FromCode("USD"))));
    }

    [Fact]
    public void Behavior_Undefined_Throws()
    {
        var change = Proration.Change(Iso.Period("2012-05-01", "2012-06-01"), Iso.Eur(10m), Iso.Date("2012-05-12"), Iso.Eur(20m));

        Assert.Throws<ArgumentOutOfRangeException>(() => change.DueNow((ProrationBehavior)5));
    }

    [Theory]
    [InlineData("2012-05-01")]
    [InlineData("2012-06-01")]
    [InlineData("2012-06-05")]
    public void Split_CutOutsideThePeriod_ThrowsTypedError(string cut)
    {
        var error = Assert.Throws<SchedulingException>(() => Proration.Split(Iso.Eur(100m), Iso.Period("2012-05-01", "2012-06-01"), Iso.Date(cut)));

        Assert.Equal(SchedulingException.ChangeOutsidePeriodCode, error.ErrorCode);
    }

    [Fact]
    public void Split_CutsOutOfOrder_ThrowsTypedError()
    {
        Assert.Throws<SchedulingException>(() => Proration.Split(Iso.Eur(100m), Iso.Period("2012-05-01", "2012-06-01"), Iso.Date("2012-05-20"), Iso.Date("2012-05-10")));
        Assert.Throws<SchedulingException>(() => Proration.Split(Iso.Eur(100m), Iso.Period("2012-05-01", "2012-06-01"), Iso.Date("2012-05-20"), Iso.Date("2012-05-20")));
    }

    [Fact]
    public void Split_BadArguments_Throw()
    {
        var period = Iso.Period("2012-05-01", "2012-06-01");

        Assert.Throws<ArgumentException>(() => Proration.Split(Iso.Eur(100.005m), period));
        Assert.Throws<ArgumentException>(() => Proration.Split(Iso.Eur(100m), default));
        Assert.Throws<ArgumentException>(() => Proration.Split(Iso.Eur(100m), period, [Iso.Date("2012-05-10")], new ProratedAmount[1]));
    }
}
