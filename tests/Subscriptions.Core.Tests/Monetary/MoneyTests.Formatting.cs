using System.Globalization;
using FsCheck.Fluent;
using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("1234.56", "EUR", "EUR 1234.56")]
    [InlineData("1234.5", "EUR", "EUR 1234.50")]
    [InlineData("1234.56000", "EUR", "EUR 1234.56")]
    [InlineData("1234.565", "EUR", "EUR 1234.565")]
    [InlineData("-0.5", "EUR", "EUR -0.50")]
    [InlineData("1234", "JPY", "JPY 1234")]
    [InlineData("1.2", "BHD", "BHD 1.200")]
    [InlineData("0", "CLF", "CLF 0.0000")]
    public void ToString_IsTheInvariantCodeSpaceAmountForm(string amount, string code, string expected) =>
        Assert.Equal(expected, new Money(Parse(amount), Currency.FromCode(code)).ToString());

    [Theory]
    [InlineData("en-US", "C", "USD", "$1,234.56")]
    [InlineData("en-US", "C", "EUR", "EUR 1,234.56")]
    [InlineData("en-US", "C", "EUR", "-EUR 1,234.56", true)]
    [InlineData("de-DE", "N", "EUR", "EUR 1.234,56")]
    [InlineData("de-DE", "G", "EUR", "EUR 1234,56")]
    [InlineData("ja-JP", "C", "JPY", "￥1,235")]
    public void ToString_WithCulture_UsesTheCulturesNumberFormat(string culture, string format, string code, string expected, bool negative = false)
    {
        var amount = Parse(code == "JPY" ? "1235" : "1234.56");
        var text = new Money(negative ? -amount : amount, Currency.FromCode(code)).ToString(format, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("fr-FR", "EUR")]
    [InlineData("en-GB", "GBP")]
    [InlineData("de-CH", "CHF")]
    public void ToString_CurrencyOfTheCulturesRegion_IsExactlyTheCulturesCurrencyFormat(string culture, string code)
    {
        // The separators and symbol come from the machine's ICU data, so the expectation does too.
        var cultureInfo = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(1234.56m.ToString("C2", cultureInfo), new Money(1234.56m, Currency.FromCode(code)).ToString("C", cultureInfo));
        Assert.Contains(cultureInfo.NumberFormat.CurrencySymbol, new Money(1m, Currency.FromCode(code)).ToString("C", cultureInfo), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_UnknownFormat_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => new Money(1m, Eur).ToString("X", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("EUR 1234.56", "1234.56", "EUR")]
    [InlineData("eur 1234.56", "1234.56", "EUR")]
    [InlineData("1234.56 EUR", "1234.56", "EUR")]
    [InlineData("  JPY   -12  ", "-12", "JPY")]
    [InlineData("EUR 1,234.565", "1234.565", "EUR")]
    public void Parse_InvariantText_KeepsTheAmountExactly(string text, string amount, string code) =>
        Assert.Equal(new Money(Parse(amount), Currency.FromCode(code)), Money.ParseInvariant(text));

    [Fact]
    public void Parse_WithCulture_ReadsTheCulturesNumbers() =>
        Assert.Equal(new Money(1234.56m, Eur), Money.Parse("EUR 1.234,56", CultureInfo.GetCultureInfo("de-DE")));

    [Theory]
    [InlineData("")]
    [InlineData("EUR")]
    [InlineData("1234.56")]
    [InlineData("EUR12.50")]
    [InlineData("EUR twelve")]
    [InlineData("EUR 1.2.3")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Money.ParseInvariant(text));
        Assert.False(Money.TryParseInvariant(text, out _));
    }

    [Fact]
    public void Parse_UnknownCurrency_ThrowsUnknownCurrency()
    {
        Assert.Throws<UnknownCurrencyException>(() => Money.ParseInvariant("ZZZ 12.50"));
        Assert.False(Money.TryParseInvariant("ZZZ 12.50", out _));
        Assert.False(Money.TryParseInvariant(null, out _));
        Assert.Throws<ArgumentNullException>(() => Money.ParseInvariant(null!));
    }

    [Fact]
    public void ToStringThenParse_AnyAmount_RoundTrips() =>
        PropertyCheck.Check(Prop.ForAll(Generators.AnyMoney.ToArbitrary(), m => Money.ParseInvariant(m.ToString()) == m));
}
