using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public class GrowthForecastTests
{
    [Fact]
    public void Linear_AppliesChurnThenAddsGrowth()
    {
        // v1 = 1000 x 0.95 + 100 = 1050; v2 = 1050 x 0.95 + 100 = 1097.5.
        Assert.Equal([1050m, 1097.5m], GrowthForecast.Linear(1000m, 5m, 100m, 2));
    }

    [Fact]
    public void Exponential_AppliesChurnAndGrowth()
    {
        // factor 0.95 x 1.15 = 1.0925: v1 = 1092.5, v2 = 1193.55625.
        Assert.Equal([1092.5m, 1193.55625m], GrowthForecast.Exponential(1000m, 5m, 15m, 2));
    }

    [Fact]
    public void Defaults_AreTwelveMonthsAndFifteenPercent()
    {
        var values = GrowthForecast.Exponential(100m, 0m);

        Assert.Equal(12, values.Count);
        Assert.Equal(115m, values[0]);
        Assert.Equal(12, GrowthForecast.Linear(100m, 0m, 1m).Count);
    }

    [Fact]
    public void LinearFrom_FebruaryKpis_StartsFromEndMrrWithGrossChurnAndNetNew()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01")).Rows.Single();

        var forecast = GrowthForecast.LinearFrom(row, 2);

        Assert.Equal("linear", forecast.Method);
        Assert.Equal(3, forecast.Points.Count);
        Assert.Equal(new ForecastPoint(0, D("2026-02-28"), Eu(340m), 5m), forecast.Points[0]);
        // MRR: 340 x (1 - 0.20) + 90 = 362. Contracts: 5 x 0.8 + 90 / (340 / 3).
        Assert.Equal(Eu(362m), forecast.Points[1].Mrr);
        Assert.Equal((5m * 0.8m) + (90m / (340m / 3m)), forecast.Points[1].Contracts);
        Assert.Equal(D("2026-03-28"), forecast.Points[1].Date);
    }

    [Fact]
    public void ExponentialFrom_FebruaryKpis_GrowsFifteenPercentAfterChurn()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01")).Rows.Single();

        var forecast = GrowthForecast.ExponentialFrom(row, months: 1);

        // 340 x 0.8 x 1.15 = 312.8; contracts 5 x 0.8 x 1.15 = 4.6.
        Assert.Equal(Eu(312.8m), forecast.Points[1].Mrr);
        Assert.Equal(4.6m, forecast.Points[1].Contracts);
    }

    [Fact]
    public void ForecastFromContractBook_FixedTermEnd_DropsTheAnnualPlan()
    {
        var forecast = History().ForecastFromContractBook(D("2026-12-31"));

        Assert.Equal("contract_book", forecast.Method);
        Assert.Equal(13, forecast.Points.Count);
        // As of 2026-12-31: C1 130, C2 100, C3 40, C4 95, C5 20 on subs 1, 3, 5, 6, 7.
        Assert.Equal(new ForecastPoint(0, D("2026-12-31"), Eu(385m), 5m), forecast.Points[0]);
        // The annual plan's paid term ends 2027-01-15.
        Assert.Equal(new ForecastPoint(1, D("2027-01-31"), Eu(285m), 4m), forecast.Points[1]);
        Assert.Equal(new ForecastPoint(12, D("2027-12-31"), Eu(285m), 4m), forecast.Points[12]);
    }

    [Fact]
    public void Forecasts_BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GrowthForecast.Linear(1m, 0m, 0m, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GrowthForecast.Exponential(1m, 0m, 15m, -1));
        Assert.Throws<ArgumentNullException>(() => GrowthForecast.LinearFrom(null!));
        Assert.Throws<ArgumentNullException>(() => GrowthForecast.ExponentialFrom(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => History().ForecastFromContractBook(D("2026-01-01"), 0));
    }
}
