using NodaTime;
using Subscriptions.Testing;

namespace Subscriptions.Scheduling;

public sealed class BillingAnchorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(-1)]
    public void DayOfMonth_OutsideOneTo31_Throws(int day)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BillingAnchor.DayOfMonth(day));

        Assert.Equal("day", error.ParamName);
    }

    [Theory]
    [InlineData(2, 30)]
    [InlineData(4, 31)]
    [InlineData(1, 0)]
    [InlineData(13, 1)]
    [InlineData(0, 1)]
    public void MonthAndDay_DayNotInMonth_Throws(int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingAnchor.MonthAndDay(month, day));
    }

    [Fact]
    public void MonthAndDay_LeapDay_IsAllowed()
    {
        var anchor = BillingAnchor.MonthAndDay(2, 29);

        Assert.Equal((2, 29), (anchor.Month, anchor.Day));
        Assert.Equal("02-29", anchor.ToString());
    }

    [Fact]
    public void DayOfWeek_None_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingAnchor.DayOfWeek(IsoDayOfWeek.None));
    }

    [Fact]
    public void Default_IsAnniversary()
    {
        Assert.Equal(BillingAnchorKind.Anniversary, default(BillingAnchor).Kind);
        Assert.Equal(BillingAnchor.Anniversary, default);
        Assert.Equal("anniversary", BillingAnchor.Anniversary.ToString());
    }

    [Fact]
    public void Equality_HoldsTheContract()
    {
        AssertContract.Equality(
            BillingAnchor.DayOfMonth(31),
            BillingAnchor.DayOfMonth(31),
            BillingAnchor.DayOfMonth(30),
            BillingAnchor.Anniversary,
            BillingAnchor.MonthAndDay(1, 31),
            BillingAnchor.DayOfWeek(IsoDayOfWeek.Wednesday));
    }

    [Fact]
    public void Weekday_IsNoneUnlessWeekdayAnchor()
    {
        Assert.Equal(IsoDayOfWeek.Friday, BillingAnchor.DayOfWeek(IsoDayOfWeek.Friday).Weekday);
        Assert.Equal(IsoDayOfWeek.None, BillingAnchor.DayOfMonth(5).Weekday);
    }
}
