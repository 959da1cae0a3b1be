using Subscriptions.Scheduling;
using Xunit;

namespace Subscriptions.Analytics;

public class MrrNormalizationTests
{
    private static Money Eur(decimal amount) => new(amount, Currency.Eur);

    [Theory]
    [InlineData("P1M", "100", "100")]
    [InlineData("P2M", "100", "50")]
    [InlineData("P3M", "300", "100")]
    [InlineData("P1Y", "1200", "100")]
    [InlineData("P2Y", "2400", "100")]
    [InlineData("P1W", "7", "30.437")]
    [InlineData("P2W", "14", "30.437")]
    [InlineData("P1D", "1", "30.437")]
    [InlineData("P45D", "45", "30.437")]
    public void Monthly_Recurrence_NormalizesWithMetricsFactors(string period, string price, string expected)
    {
        var recurrence = Parse(period);

        var mrr = MrrNormalization.Monthly(Eur(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), 1m, 0m, recurrence);

        Assert.Equal(Eur(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), mrr);
    }

    [Fact]
    public void Monthly_WeeklyTen_IsTenTimesTheWeeklyFactor()
    {
        // 10 x 30.437 / 7 = 43.481428571...
        Assert.Equal(Eur(304.37m / 7m), MrrNormalization.Monthly(Eur(10m), 1m, 0m, Recurrence.Weekly));
        Assert.Equal(30.437m / 7m, MrrNormalization.MonthlyFactor(Recurrence.Weekly));
        Assert.Equal(1m / 12m, MrrNormalization.MonthlyFactor(Recurrence.Yearly));
    }

    [Fact]
    public void Monthly_QuantityAndDiscount_AreApplied()
    {
        // 3 x 10 x (1 - 0.25) = 22.50.
        Assert.Equal(Eur(22.5m), MrrNormalization.Monthly(Eur(10m), 3m, 0.25m, Recurrence.Monthly));
        Assert.Equal(Eur(0m), MrrNormalization.Monthly(Eur(10m), 3m, 1m, Recurrence.Monthly));
    }

    [Theory]
    [InlineData(DiscountTreatment.CurrentPeriod, false, "22.5")]
    [InlineData(DiscountTreatment.ForeverOnly, false, "30")]
    [InlineData(DiscountTreatment.ForeverOnly, true, "22.5")]
    [InlineData(DiscountTreatment.ListPrice, true, "30")]
    public void Monthly_DiscountTreatment_IsAnOption(DiscountTreatment treatment, bool forever, string expected)
    {
        var options = new MrrNormalizationOptions { Discounts = treatment };

        var mrr = MrrNormalization.Monthly(Eur(10m), 3m, 0.25m, Recurrence.Monthly, forever, options);

        Assert.Equal(Eur(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), mrr);
    }

    [Fact]
    public void Monthly_DaysPerMonthOption_ChangesTheWeeklyFactor()
    {
        var options = new MrrNormalizationOptions { DaysPerMonth = 365m / 12m };

        Assert.Equal(Eur(7m * 365m / 12m / 7m), MrrNormalization.Monthly(Eur(7m), 1m, 0m, Recurrence.Weekly, options: options));
    }

    [Fact]
    public void Monthly_BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MrrNormalization.Monthly(Eur(10m), -1m, 0m, Recurrence.Monthly));
        Assert.Throws<ArgumentOutOfRangeException>(() => MrrNormalization.Monthly(Eur(10m), 1m, 1.5m, Recurrence.Monthly));
        Assert.Throws<ArgumentOutOfRangeException>(() => MrrNormalization.Monthly(Eur(10m), 1m, -0.1m, Recurrence.Monthly));
        Assert.Throws<ArgumentException>(() => MrrNormalization.Monthly(Eur(10m), 1m, 0m, default));
        Assert.Throws<ArgumentException>(() => MrrNormalization.MonthlyFactor(Recurrence.Weekly, new MrrNormalizationOptions { DaysPerMonth = 0m }));
    }

    private static Recurrence Parse(string period)
    {
        var unit = period[^1] switch
        {
            'D' => RecurrenceUnit.Day,
            'W' => RecurrenceUnit.Week,
            'M' => RecurrenceUnit.Month,
            _ => RecurrenceUnit.Year,
        };
        return new Recurrence(unit, int.Parse(period[1..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
