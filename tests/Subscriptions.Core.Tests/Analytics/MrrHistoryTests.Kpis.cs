using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public partial class MrrHistoryTests
{
    private static readonly RevenueDocument[] Documents =
    [
        new(D("2026-02-01"), RevenueDocumentKind.Invoice, Eu(200m), Eu(50m)),
        new(D("2026-02-15"), RevenueDocumentKind.CreditNote, Eu(30m), Eu(0m)),
        new(D("2026-02-10"), RevenueDocumentKind.Invoice, new Money(100m, Usd), new Money(20m, Usd)),
        new(D("2026-03-02"), RevenueDocumentKind.Invoice, Eu(1000m), Eu(0m)),
        new(D("2025-12-31"), RevenueDocumentKind.Invoice, Eu(1000m), Eu(1000m)),
    ];

    [Fact]
    public void KpisAsOf_EndOfFebruary_Balances()
    {
        var snapshot = History().KpisAsOf(D("2026-02-28"));

        // C3's subscription ends on 2026-02-28: it is already out on that day.
        Assert.Equal(Eu(340m), snapshot.Mrr);
        Assert.Equal(Eu(4080m), snapshot.Arr);
        // Contracts: subs 1, 2, 3, 6 and the paused 7; paying: 1, 2, 3, 6.
        Assert.Equal((5, 4), (snapshot.Contracts, snapshot.PayingSubscriptions));
        // Active customers: C1, C2, C4 and the paused C5; paying: C1, C2, C4.
        Assert.Equal((4, 3), (snapshot.ActiveCustomers, snapshot.PayingCustomers));
        Assert.Equal(Eu(340m / 3m), snapshot.Arpa);
        Assert.Equal(Eu(85m), snapshot.RevenuePerSubscription);
    }

    [Fact]
    public void KpisAsOf_BeforeAnyChange_IsZeroWithUndefinedAverages()
    {
        var snapshot = History().KpisAsOf(D("2025-12-31"));

        Assert.Equal(Eu(0m), snapshot.Mrr);
        Assert.Null(snapshot.Arpa);
        Assert.Null(snapshot.RevenuePerSubscription);
    }

    [Fact]
    public void Kpis_February_EveryMetricHandComputed()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"), Documents).Rows.Single();

        Assert.Equal(D("2026-01-31"), row.Start.AsOf);
        Assert.Equal(Eu(250m), row.Start.Mrr);
        Assert.Equal(4, row.Start.ActiveCustomers);
        Assert.Equal(D("2026-02-28"), row.End.AsOf);
        Assert.Equal(Eu(340m), row.End.Mrr);
        // Net revenue: 200 - 30 (credit note) + 100 USD x 0.90; non-recurring: 50 + 20 USD x 0.90.
        Assert.Equal(Eu(260m), row.NetRevenue);
        Assert.Equal(Eu(68m), row.NonRecurringRevenue);
        // Logo churn: of C1, C2, C3, C5 active at start, only C3 is not active at end (C5 is paused, still active).
        Assert.Equal(1, row.ChurnedCustomers);
        Assert.Equal(0.25m, row.LogoChurnRate);
        // Revenue churn over customers with MRR at start (250): C3 loses 30, C5 20; C1 gains 50.
        Assert.Equal(0.2m, row.GrossRevenueChurnRate);
        Assert.Equal(0m, row.NetRevenueChurnRate);
        Assert.Equal(1m, row.NetRevenueRetention);
        Assert.Equal(0.8m, row.GrossRevenueRetention);
        // LTV = ARPA / logo churn = (340 / 3) / 0.25.
        Assert.Equal(Eu(340m / 3m / 0.25m), row.Ltv);
        // Quick ratio = (new 90 + expansion 50) / (contraction 20 + churn 30).
        Assert.Equal(2.8m, row.QuickRatio);
        Assert.Equal(Eu(90m), row.Movements.NetNew);
    }

    [Fact]
    public void Kpis_NoChurn_LtvAndQuickRatioUndefined()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-04-01"), D("2026-05-01")).Rows.Single();

        Assert.Equal(0m, row.LogoChurnRate);
        Assert.Null(row.Ltv);
        Assert.Null(row.QuickRatio);
        Assert.Equal(Eu(0m), row.NetRevenue);
    }

    [Fact]
    public void Kpis_FirstMonth_RatesUndefinedWithoutAStartingBase()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-01-01"), D("2026-02-01")).Rows.Single();

        Assert.Null(row.LogoChurnRate);
        Assert.Null(row.GrossRevenueChurnRate);
        Assert.Null(row.NetRevenueRetention);
        Assert.Null(row.Ltv);
    }

    [Fact]
    public void Kpis_March_ExpansionMakesNetRevenueChurnNegative()
    {
        var row = History().Kpis(PeriodGranularity.Month, D("2026-03-01"), D("2026-04-01")).Rows.Single();

        // Base at start: C1 150, C2 100, C4 90 (C5 is paused at 0). End: C1 130, C2 100, C4 95 = 325 of 340.
        Assert.Equal(20m / 340m, row.GrossRevenueChurnRate);
        Assert.Equal(15m / 340m, row.NetRevenueChurnRate);
        Assert.Equal(1m - (15m / 340m), row.NetRevenueRetention);
        Assert.Equal(0m, row.LogoChurnRate);
    }

    [Fact]
    public void Kpis_LtvTrailingAverage_AveragesTheDefinedChurnRates()
    {
        var rows = History().Kpis(PeriodGranularity.Month, D("2026-01-01"), D("2026-04-01"), null, new KpiOptions { LtvChurnPeriods = 6 }).Rows;

        // March: churn rates defined in February (0.25) and March (0): average 0.125; ARPA at end of March = 345 / 4.
        Assert.Equal(Eu(345m / 4m / 0.125m), rows[2].Ltv);
    }

    [Fact]
    public void Kpis_ChurnedAndReactivatedInsidePeriod_IsNotChurned()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 50m),
            Change(1, 1, "2026-02-05", 50m, 0m),
            Change(2, 1, "2026-02-20", 0m, 70m),
            Change(3, 2, "2026-02-02", 0m, 10m),
            Change(3, 2, "2026-02-03", 10m, 0m),
        ];
        var row = MrrHistory.Create(changes, Rates).Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01")).Rows.Single();

        // Customer 2 joined and churned inside February: in neither numerator nor denominator.
        Assert.Equal(0m, row.LogoChurnRate);
        Assert.Equal(1m + (20m / 50m), row.NetRevenueRetention);
        // Event level still shows both churns and the reactivation.
        Assert.Equal((2, 1), (row.Movements.ChurnCount, row.Movements.ReactivationCount));
    }

    [Fact]
    public void Kpis_NegativeDocumentAmount_Throws()
    {
        RevenueDocument[] documents = [new(D("2026-02-01"), RevenueDocumentKind.CreditNote, Eu(-30m), Eu(0m))];

        var error = Assert.Throws<ArgumentException>(() => History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"), documents));
        Assert.Equal("documents", error.ParamName);
    }

    [Fact]
    public void Kpis_DocumentInCurrencyWithoutRate_ThrowsMissingExchangeRate()
    {
        RevenueDocument[] documents = [new(D("2026-02-01"), RevenueDocumentKind.Invoice, new Money(10m, Currency.Gbp), new Money(0m, Currency.Gbp))];

        var error = Assert.Throws<MissingExchangeRateException>(() => History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"), documents));
        Assert.Equal("analytics.missing_exchange_rate", error.ErrorCode);
        Assert.Equal(Currency.Gbp, error.From);
    }

    [Fact]
    public void Kpis_LtvWindowBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"), null, new KpiOptions { LtvChurnPeriods = 0 }));
    }
}
