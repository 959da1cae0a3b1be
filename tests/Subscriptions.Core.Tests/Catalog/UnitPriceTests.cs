namespace Subscriptions.Core.Tests.Catalog;

public class UnitPriceTests
{
    [Fact]
    public void Constructor_MoreThanTwelveDecimals_RoundsHalfAwayFromZero()
    {
        Assert.Equal(0.004166666667m, new UnitPrice(0.0041666666666666m, Currency.Eur).Amount);
        Assert.Equal(-0.000000000001m, new UnitPrice(-0.0000000000005m, Currency.Eur).Amount);
    }

    [Fact]
    public void Constructor_CurrencyNone_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new UnitPrice(1m, Currency.None));

    [Fact]
    public void Times_Quantity_ReturnsUnroundedMoney() =>
        Assert.Equal(new Money(0.05m, Currency.Eur), new UnitPrice(0.004166666667m, Currency.Eur).Times(12m) - new Money(0.000000000004m, Currency.Eur));

    [Fact]
    public void ToString_TrailingZeros_AreDropped() =>
        Assert.Equal("12.5 EUR", new UnitPrice(12.500m, Currency.Eur).ToString());

    [Fact]
    public void Equals_SameAmountDifferentScale_AreEqual()
    {
        Assert.Equal(new UnitPrice(1.0m, Currency.Eur), new UnitPrice(1.00m, Currency.Eur));
        Assert.True(new UnitPrice(1m, Currency.Eur) != new UnitPrice(1m, Currency.Usd));
        Assert.False(new UnitPrice(1m, Currency.Eur).Equals((object)1m));
    }
}
