using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed partial class MoneyTests
{
    private static readonly Currency Eur = Currency.Eur;
    private static readonly Currency Usd = Currency.Usd;

    [Fact]
    public void Constructor_KeepsTheAmountExactly()
    {
        var money = new Money(12.345m, Eur);

        Assert.Equal(12.345m, money.Amount);
        Assert.Equal(Eur, money.Currency);
        Assert.False(money.IsRoundedToMinorUnit);
    }

    [Fact]
    public void Constructor_NoneCurrency_ThrowsArgument() =>
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new Money(1m, Currency.None)).ParamName);

    [Fact]
    public void Default_IsZeroWithoutCurrency_AndCannotBeCombined()
    {
        var none = default(Money);

        Assert.True(none.IsZero);
        Assert.True(none.Currency.IsNone);
        Assert.Equal(default, none);
        Assert.NotEqual(Money.Zero(Eur), none);
        var error = Assert.Throws<CurrencyMismatchException>(() => none + Money.Zero(Eur));
        Assert.Equal(Currency.None, error.Left);
        Assert.Throws<InvalidOperationException>(() => none.Split(2));
    }

    [Fact]
    public void Equality_IgnoresScale_AndSeparatesCurrencies()
    {
        AssertContract.Equality(
            new Money(1.0m, Eur),
            new Money(1.00m, Eur),
            new Money(1m, Usd),
            new Money(1.01m, Eur),
            default);
    }

    [Fact]
    public void Ordering_WithinOneCurrency_FollowsTheContract()
    {
        AssertContract.Ordering(new Money(-1m, Eur), new Money(0m, Eur));
        AssertContract.Ordering(new Money(9.99m, Eur), new Money(10m, Eur));
        Assert.Equal(new Money(1m, Eur), Money.Min(new Money(1m, Eur), new Money(2m, Eur)));
        Assert.Equal(new Money(2m, Eur), Money.Max(new Money(1m, Eur), new Money(2m, Eur)));
    }

    [Fact]
    public void Comparison_AcrossCurrencies_ThrowsEvenForZero()
    {
        var zeroEur = Money.Zero(Eur);
        var zeroUsd = Money.Zero(Usd);

        Assert.Throws<CurrencyMismatchException>(() => zeroEur < zeroUsd);
        Assert.Throws<CurrencyMismatchException>(() => zeroEur.CompareTo(zeroUsd));
        Assert.Throws<CurrencyMismatchException>(() => Money.Max(zeroEur, zeroUsd));
        Assert.Throws<ArgumentException>(() => ((IComparable)zeroEur).CompareTo("EUR 0"));
    }

    [Theory]
    [InlineData(1250L, "EUR", "12.50")]
    [InlineData(-5L, "EUR", "-0.05")]
    [InlineData(1250L, "JPY", "1250")]
    [InlineData(1250L, "BHD", "1.250")]
    [InlineData(1250L, "CLF", "0.1250")]
    public void FromMinorUnits_And_ToMinorUnits_RoundTrip(long units, string code, string amount)
    {
        var money = Money.FromMinorUnits(units, Currency.FromCode(code));

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(units, money.ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_UnroundedAmount_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => new Money(0.005m, Eur).ToMinorUnits());

    [Fact]
    public void SignProperties_ReportTheSign()
    {
        Assert.True(new Money(-2m, Eur).IsNegative);
        Assert.Equal(-1, new Money(-2m, Eur).Sign);
        Assert.True(new Money(2m, Eur).IsPositive);
        Assert.Equal(0, Money.Zero(Eur).Sign);
    }
}
