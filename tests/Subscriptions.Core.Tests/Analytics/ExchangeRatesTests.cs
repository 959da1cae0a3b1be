using NodaTime;
using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public class ExchangeRatesTests
{
    [Theory]
    [InlineData("2026-01-01", "0.90")]
    [InlineData("2026-02-28", "0.90")]
    [InlineData("2026-03-01", "0.95")]
    [InlineData("2030-01-01", "0.95")]
    public void GetRate_UsesTheLatestRateInForce(string date, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rates.GetRate(Usd, D(date)));
    }

    [Fact]
    public void GetRate_ReportingCurrency_IsOne()
    {
        Assert.Equal(1m, Rates.GetRate(Eur, D("1990-01-01")));
        Assert.Equal(new Money(95m, Eur), Rates.Convert(new Money(100m, Usd), D("2026-03-15")));
    }

    [Fact]
    public void GetRate_BeforeTheFirstRate_ThrowsMissingExchangeRate()
    {
        var error = Assert.Throws<MissingExchangeRateException>(() => Rates.GetRate(Usd, D("2025-12-31")));
        Assert.Equal("analytics.missing_exchange_rate", error.ErrorCode);
        Assert.Throws<MissingExchangeRateException>(() => ExchangeRates.SingleCurrency(Eur).GetRate(Currency.Gbp, D("2026-01-01")));
    }

    [Fact]
    public void Constructor_BadRates_Throw()
    {
        var day = new LocalDate(2026, 1, 1);
        Assert.Throws<ArgumentException>(() => new ExchangeRates(Eur, [new ExchangeRate(Usd, day, 0m)]));
        Assert.Throws<ArgumentException>(() => new ExchangeRates(Eur, [new ExchangeRate(Eur, day, 1m)]));
        Assert.Throws<ArgumentException>(() => new ExchangeRates(Eur, [new ExchangeRate(Usd, day, 1m), new ExchangeRate(Usd, day, 2m)]));
        Assert.Throws<ArgumentException>(() => new ExchangeRates(Currency.None, []));
        Assert.Throws<ArgumentNullException>(() => new ExchangeRates(Eur, null!));
    }
}
