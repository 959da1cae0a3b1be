using NodaTime;
using Subscriptions.Testing;

namespace Subscriptions.Scheduling;

public sealed class BillingPeriodTests
{
    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 28)]
    [InlineData("2012-02-01", "2012-03-01", 29)]
    [InlineData("2011-06-17", "2012-06-17", 366)]
    [InlineData("2026-03-01", "2026-03-02", 1)]
    public void Days_IsEndMinusStart(string start, string end, int days)
    {
        var period = Iso.Period(start, end);

        Assert.Equal(days, period.Days);
        Assert.Equal(Period.DaysBetween(period.Start, period.End), period.Days);
    }

    [Fact]
    public void Contains_IsHalfOpen()
    {
        var period = Iso.Period("2026-01-31", "2026-02-28");

        Assert.True(period.Contains(Iso.Date("2026-01-31")));
        Assert.True(period.Contains(Iso.Date("2026-02-27")));
        Assert.False(period.Contains(Iso.Date("2026-02-28")));
        Assert.False(period.Contains(Iso.Date("2026-01-30")));
        Assert.True(period.Contains(Iso.Period("2026-02-01", "2026-02-28")));
        Assert.False(period.Contains(Iso.Period("2026-02-01", "2026-03-01")));
    }

    [Fact]
    public void Overlaps_SharedBoundaryIsNotAnOverlap()
    {
        var january = Iso.Period("2026-01-01", "2026-02-01");

        Assert.False(january.Overlaps(Iso.Period("2026-02-01", "2026-03-01")));
        Assert.True(january.Overlaps(Iso.Period("2026-01-31", "2026-03-01")));
    }

    [Theory]
    [InlineData("2026-02-28", "2026-01-31")]
    [InlineData("2026-02-28", "2026-02-28")]
    public void Constructor_EndNotAfterStart_Throws(string start, string end)
    {
        var error = Assert.Throws<ArgumentException>(() => Iso.Period(start, end));

        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Constructor_NonIsoCalendar_Throws()
    {
        var julian = new LocalDate(2026, 1, 1, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => new BillingPeriod(julian, julian.PlusDays(3)));
    }

    [Fact]
    public void Equality_And_Ordering_HoldTheContracts()
    {
        AssertContract.Equality(
            Iso.Period("2026-01-31", "2026-02-28"),
            Iso.Period("2026-01-31", "2026-02-28"),
            Iso.Period("2026-01-31", "2026-03-01"),
            Iso.Period("2026-01-30", "2026-02-28"),
            default);
        AssertContract.Ordering(Iso.Period("2026-01-31", "2026-02-28"), Iso.Period("2026-01-31", "2026-03-01"));
        AssertContract.Ordering(Iso.Period("2026-01-30", "2026-03-01"), Iso.Period("2026-01-31", "2026-02-28"));
    }

    [Fact]
    public void ToString_IsIsoHalfOpen()
    {
        Assert.Equal("[2026-01-31, 2026-02-28)", Iso.Period("2026-01-31", "2026-02-28").ToString());
    }

    [Fact]
    public void Default_IsEmpty()
    {
        Assert.True(default(BillingPeriod).IsEmpty);
        Assert.False(Iso.Period("2026-01-31", "2026-02-01").IsEmpty);
    }
}
