using FsCheck.Fluent;
using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed partial class MoneyTests
{
    [Fact]
    public void Operators_WithinOneCurrency_AreExact()
    {
        var a = new Money(10.10m, Eur);
        var b = new Money(0.20m, Eur);

        Assert.Equal(new Money(10.30m, Eur), a + b);
        Assert.Equal(new Money(9.90m, Eur), a - b);
        Assert.Equal(new Money(-10.10m, Eur), -a);
        Assert.Equal(a, +a);
        Assert.Equal(new Money(30.30m, Eur), a * 3m);
        Assert.Equal(new Money(30.30m, Eur), 3m * a);
        Assert.Equal(new Money(3.3666666666666666666666666667m, Eur), a / 3m);
        Assert.Equal(new Money(10.10m, Eur), new Money(-10.10m, Eur).Abs());
        Assert.Equal(a + b, a.Add(b));
        Assert.Equal(a - b, a.Subtract(b));
        Assert.Equal(a * 2m, a.Multiply(2m));
        Assert.Equal(a / 2m, a.Divide(2m));
        Assert.Equal(-a, a.Negate());
        Assert.Equal(a, a.Plus());
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsNamingBoth()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Eur) + Money.Zero(Usd));

        Assert.Equal("monetary.currency_mismatch", error.ErrorCode);
        Assert.Equal(Eur, error.Left);
        Assert.Equal(Usd, error.Right);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Eur) - new Money(1m, Usd));
    }

    [Fact]
    public void Divide_ByZero_ThrowsDivideByZero() =>
        Assert.Throws<DivideByZeroException>(() => new Money(1m, Eur) / 0m);

    [Fact]
    public void Multiply_BeyondDecimalRange_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => new Money(decimal.MaxValue, Eur) * 2m);

    [Fact]
    public void AddThenSubtract_AnyAmounts_GivesTheFirstBack() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.AnyMoney.SelectMany(a => Generators.MinorUnits.Select(units => (a, b: Money.FromMinorUnits(units, a.Currency)))).ToArbitrary(),
            pair => pair.a + pair.b - pair.b == pair.a && pair.a + pair.b == pair.b + pair.a));

    [Fact]
    public void Negate_Twice_IsIdentity_AndAbsIsNeverNegative() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.AnyMoney.ToArbitrary(),
            m => -(-m) == m && !m.Abs().IsNegative && (m.Abs() == m || m.Abs() == -m)));
}
