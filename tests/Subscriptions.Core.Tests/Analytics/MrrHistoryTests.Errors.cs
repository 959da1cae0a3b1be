using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public partial class MrrHistoryTests
{
    [Fact]
    public void Create_MissingExchangeRate_ThrowsWithTheCurrencyAndDate()
    {
        MrrChange[] changes = [Change(1, 1, "2025-12-15", 0m, 100m, currency: Usd)];

        var error = Assert.Throws<MissingExchangeRateException>(() => MrrHistory.Create(changes, Rates));
        Assert.Equal(MissingExchangeRateException.Code, error.ErrorCode);
        Assert.Equal("analytics.missing_exchange_rate", error.ErrorCode);
        Assert.Equal((Usd, Eur, D("2025-12-15")), (error.From, error.To, error.Date));
    }

    [Fact]
    public void Create_MrrBeforeIsNotThePreviousAfter_ThrowsInconsistentHistory()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 100m),
            Change(1, 1, "2026-02-01", 90m, 120m),
        ];

        var error = Assert.Throws<InconsistentMrrHistoryException>(() => MrrHistory.Create(changes, Rates));
        Assert.Equal("analytics.inconsistent_history", error.ErrorCode);
        Assert.Equal(D("2026-02-01"), error.Change.EffectiveDate);
    }

    [Fact]
    public void Create_SameDayChangesOutOfOrder_ThrowsInconsistentHistory()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 100m, 120m),
            Change(1, 1, "2026-01-01", 0m, 100m),
        ];

        Assert.Throws<InconsistentMrrHistoryException>(() => MrrHistory.Create(changes, Rates));
    }

    [Fact]
    public void Create_SubscriptionChangesCustomer_ThrowsInconsistentHistory()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 100m),
            Change(1, 2, "2026-02-01", 100m, 120m),
        ];

        var error = Assert.Throws<InconsistentMrrHistoryException>(() => MrrHistory.Create(changes, Rates));
        Assert.Contains("another customer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10, false)]
    [InlineData(0, -10, false)]
    [InlineData(0, 10, true)]
    public void Create_InvalidChange_ThrowsInvalidChange(int before, int after, bool paused)
    {
        MrrChange[] changes = [Change(1, 1, "2026-01-01", before, after) with { Paused = paused }];

        var error = Assert.Throws<InvalidMrrChangeException>(() => MrrHistory.Create(changes, Rates));
        Assert.Equal("analytics.invalid_change", error.ErrorCode);
    }

    [Fact]
    public void Create_NoCurrency_ThrowsInvalidChange()
    {
        MrrChange[] changes = [new MrrChange(1, 1, D("2026-01-01"), 0m, 10m, Currency.None)];

        Assert.Throws<InvalidMrrChangeException>(() => MrrHistory.Create(changes, Rates));
    }

    [Fact]
    public void Create_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => MrrHistory.Create(null!, Rates));
        Assert.Throws<ArgumentNullException>(() => MrrHistory.Create(Changes(), null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => MrrHistory.Create(Changes(), Rates, (ChurnRecognition)5));
    }

    [Fact]
    public void Create_DefaultImmutableArray_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MrrHistory.Create(default(System.Collections.Immutable.ImmutableArray<MrrChange>), Rates));
        Assert.Equal("changes", error.ParamName);
    }

    [Fact]
    public void Movements_UnknownGranularity_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => History().Movements((PeriodGranularity)42, D("2026-01-01"), D("2026-02-01")));
        Assert.Equal("granularity", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => History().Kpis((PeriodGranularity)0, D("2026-01-01"), D("2026-02-01")));
    }

    [Fact]
    public void Movements_EmptyRange_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => History().Movements(PeriodGranularity.Month, D("2026-02-01"), D("2026-02-01")));
        Assert.Equal("to", error.ParamName);
    }

    [Fact]
    public void Movements_NonIsoDate_ThrowsArgumentException()
    {
        var julian = D("2026-01-01").WithCalendar(NodaTime.CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => History().Movements(PeriodGranularity.Month, julian, D("2026-02-01")));
    }

    [Fact]
    public void MovementsBy_UndefinedDimension_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => History().MovementsBy((AnalyticsDimension)12, PeriodGranularity.Month, D("2026-01-01"), D("2026-02-01")));
    }

    [Fact]
    public void Where_NullPredicate_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => History().Where(null!));
    }
}
