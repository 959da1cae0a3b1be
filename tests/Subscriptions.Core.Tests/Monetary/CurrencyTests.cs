using System.Globalization;
using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 978, 2)]
    [InlineData("USD", 840, 2)]
    [InlineData("JPY", 392, 0)]
    [InlineData("KRW", 410, 0)]
    [InlineData("BHD", 48, 3)]
    [InlineData("KWD", 414, 3)]
    [InlineData("TND", 788, 3)]
    [InlineData("CLF", 990, 4)]
    [InlineData("UYW", 927, 4)]
    [InlineData("CHF", 756, 2)]
    [InlineData("XCG", 532, 2)]
    [InlineData("ZWG", 924, 2)]
    [InlineData("SLE", 925, 2)]
    [InlineData("XOF", 952, 0)]
    public void FromCode_KnownCode_HasIsoNumericCodeAndMinorUnits(string code, int numeric, int minorUnits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(currency, Currency.FromNumericCode(numeric));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("eUR")]
    public void FromCode_AnyCase_FindsTheCurrency(string code) => Assert.Equal(Currency.Eur, Currency.FromCode(code));

    [Theory]
    [InlineData("ABC")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("E1R")]
    [InlineData("XAU")]
    [InlineData("XXX")]
    [InlineData("HRK")]
    [InlineData("ÉUR")]
    public void FromCode_UnknownOrNonBillingCode_ThrowsUnknownCurrency(string code)
    {
        var error = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(code));

        Assert.Equal("monetary.unknown_currency", error.ErrorCode);
        Assert.Equal(code, error.CurrencyCode);
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out var none));
        Assert.True(none.IsNone);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));
        Assert.False(Currency.TryFromCode((string?)null, out _));
    }

    [Fact]
    public void FromNumericCode_Unknown_ThrowsUnknownCurrency() =>
        Assert.Equal("999", Assert.Throws<UnknownCurrencyException>(() => Currency.FromNumericCode(999)).CurrencyCode);

    [Fact]
    public void All_EveryCurrency_IsUniqueSortedAndRoundTripsThroughItsCodes()
    {
        Assert.True(Currency.All.Count > 150);
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.NumericCode).Distinct().Count());
        Assert.Equal(Currency.All.Select(c => c.Code).Order(StringComparer.Ordinal), Currency.All.Select(c => c.Code));
        foreach (var currency in Currency.All)
        {
            Assert.False(currency.IsNone);
            Assert.Equal(currency, Currency.FromCode(currency.Code.ToLowerInvariant()));
            Assert.Equal(currency, Currency.FromNumericCode(currency.NumericCode));
            Assert.InRange(currency.MinorUnits, 0, 4);
            Assert.Equal(1m / (decimal)Math.Pow(10, currency.MinorUnits), currency.MinorUnit);
        }
    }

    [Fact]
    public void Default_IsNoneXxx()
    {
        var none = default(Currency);

        Assert.True(none.IsNone);
        Assert.Equal(Currency.None, none);
        Assert.Equal("XXX", none.Code);
        Assert.Equal(999, none.NumericCode);
        Assert.DoesNotContain(none, Currency.All);
    }

    [Fact]
    public void Equality_And_Ordering_FollowTheContracts()
    {
        AssertContract.Equality(Currency.Eur, Currency.FromCode("eur"), Currency.Usd, Currency.None);
        AssertContract.Ordering(Currency.Eur, Currency.Usd);
        AssertContract.Ordering(Currency.None, Currency.FromCode("AED"));
    }

    [Fact]
    public void ToString_And_TryFormat_WriteTheCode()
    {
        Assert.Equal("CHF", Currency.Chf.ToString());
        Assert.Equal("JPY", Currency.Jpy.ToString("anything", CultureInfo.GetCultureInfo("ja-JP")));
        Assert.Equal("JPY", string.Create(CultureInfo.InvariantCulture, $"{Currency.Jpy}"));
        Span<char> tooShort = stackalloc char[2];
        Assert.False(Currency.Gbp.TryFormat(tooShort, out var written, default, null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Parse_IsCaseInsensitive_AndTryParseRejectsUnknown()
    {
        Assert.Equal(Currency.Gbp, Currency.Parse("gbp", null));
        Assert.True(Currency.TryParse("usd", null, out var usd));
        Assert.Equal(Currency.Usd, usd);
        Assert.False(Currency.TryParse("zzz", null, out _));
        Assert.Throws<UnknownCurrencyException>(() => Currency.Parse("zzz", null));
    }
}
