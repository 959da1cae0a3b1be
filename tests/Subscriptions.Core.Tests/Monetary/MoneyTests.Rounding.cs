using System.Globalization;
using FsCheck.Fluent;
using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("EUR", "5.625", MidpointRounding.AwayFromZero, "5.63")]
    [InlineData("EUR", "-5.625", MidpointRounding.AwayFromZero, "-5.63")]
    [InlineData("EUR", "5.625", MidpointRounding.ToEven, "5.62")]
    [InlineData("EUR", "5.629", MidpointRounding.ToZero, "5.62")]
    [InlineData("EUR", "-5.621", MidpointRounding.ToNegativeInfinity, "-5.63")]
    [InlineData("EUR", "5.621", MidpointRounding.ToPositiveInfinity, "5.63")]
    [InlineData("JPY", "1234.5", MidpointRounding.AwayFromZero, "1235")]
    [InlineData("BHD", "1.23456", MidpointRounding.AwayFromZero, "1.235")]
    [InlineData("CLF", "1.234567", MidpointRounding.AwayFromZero, "1.2346")]
    public void Round_ToTheMinorUnit_UsesTheNamedMode(string code, string amount, MidpointRounding mode, string expected)
    {
        var currency = Currency.FromCode(code);
        var rounded = new Money(Parse(amount), currency).Round(mode);

        Assert.Equal(new Money(Parse(expected), currency), rounded);
        Assert.True(rounded.IsRoundedToMinorUnit);
    }

    [Theory]
    [InlineData("47.619", "0.05", "47.60")]
    [InlineData("47.625", "0.05", "47.65")]
    [InlineData("47.574", "0.05", "47.55")]
    [InlineData("12.3", "1", "12")]
    [InlineData("-0.025", "0.05", "-0.05")]
    public void RoundToIncrement_CashRounding_RoundsHalfAwayFromZero(string amount, string increment, string expected) =>
        Assert.Equal(
            new Money(Parse(expected), Currency.Chf),
            new Money(Parse(amount), Currency.Chf).RoundToIncrement(Parse(increment), MidpointRounding.AwayFromZero));

    [Theory]
    [InlineData("0")]
    [InlineData("-0.05")]
    public void RoundToIncrement_NonPositiveIncrement_ThrowsArgumentOutOfRange(string increment) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Currency.Chf).RoundToIncrement(Parse(increment), MidpointRounding.AwayFromZero));

    [Fact]
    public void Round_UndefinedMode_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Eur).Round((MidpointRounding)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Eur).RoundToIncrement(0.05m, (MidpointRounding)(-1)));
    }

    [Fact]
    public void Round_AnyAmountAndMode_IsIdempotentAndWithinOneMinorUnit() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.AnyMoney.SelectMany(m => Gen.Elements(Enum.GetValues<MidpointRounding>()).Select(mode => (m, mode))).ToArbitrary(),
            pair =>
            {
                var once = pair.m.Round(pair.mode);
                return once.Round(pair.mode) == once
                    && once.IsRoundedToMinorUnit
                    && Math.Abs(once.Amount - pair.m.Amount) <= pair.m.Currency.MinorUnit;
            }));

    [Fact]
    public void RoundToIncrement_AnyAmount_IsAMultipleOfTheIncrementAndIdempotent() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.AnyMoney.ToArbitrary(),
            m =>
            {
                var step = m.Currency.MinorUnit * 5m;
                var once = m.RoundToIncrement(step, MidpointRounding.AwayFromZero);
                return once.Amount % step == 0m
                    && once.RoundToIncrement(step, MidpointRounding.AwayFromZero) == once
                    && Math.Abs(once.Amount - m.Amount) <= step / 2m;
            }));

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
