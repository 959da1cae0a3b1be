using NodaTime;
using Subscriptions.Scheduling;
using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public partial class MrrHistoryTests
{
    private static void AssertFlows(MrrMovementRow row, decimal start, decimal @new, decimal expansion, decimal contraction, decimal churn, decimal reactivation, decimal fx, decimal end)
    {
        Assert.Equal(Eu(start), row.StartMrr);
        Assert.Equal(Eu(@new), row.Movements.New);
        Assert.Equal(Eu(expansion), row.Movements.Expansion);
        Assert.Equal(Eu(contraction), row.Movements.Contraction);
        Assert.Equal(Eu(churn), row.Movements.Churn);
        Assert.Equal(Eu(reactivation), row.Movements.Reactivation);
        Assert.Equal(Eu(fx), row.Movements.Fx);
        Assert.Equal(Eu(end), row.EndMrr);
    }

    private static void AssertCounts(MrrMovementRow row, int @new, int expansion, int contraction, int churn, int reactivation)
    {
        Assert.Equal(@new, row.Movements.NewCount);
        Assert.Equal(expansion, row.Movements.ExpansionCount);
        Assert.Equal(contraction, row.Movements.ContractionCount);
        Assert.Equal(churn, row.Movements.ChurnCount);
        Assert.Equal(reactivation, row.Movements.ReactivationCount);
    }

    [Fact]
    public void Movements_WorkedExampleByMonth_EventLevel()
    {
        var report = History().Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));

        Assert.Equal(4, report.EventLevel.Count);
        // January: four customers start: C1 100 + C2 100 (annual 1,200 / 12) + C3 30 + C5 20.
        AssertFlows(report.EventLevel[0], 0m, 250m, 0m, 0m, 0m, 0m, 0m, 250m);
        AssertCounts(report.EventLevel[0], 4, 0, 0, 0, 0);
        // February: C1 second subscription +50; C3 churns 30; C4 starts at 100 USD x 0.90 = 90; C5 pauses -20.
        AssertFlows(report.EventLevel[1], 250m, 90m, 50m, 20m, 30m, 0m, 0m, 340m);
        AssertCounts(report.EventLevel[1], 1, 1, 1, 1, 0);
        // March: C1 100 -> 130 (+30) then closes sub 2 (-50, contraction: C1 keeps sub 1); C4 renews at 0.95 (fx +5); C5 resumes (+20).
        AssertFlows(report.EventLevel[2], 340m, 0m, 50m, 50m, 0m, 0m, 5m, 345m);
        AssertCounts(report.EventLevel[2], 0, 2, 1, 0, 0);
        // April: C3 comes back with 40 (reactivation).
        AssertFlows(report.EventLevel[3], 345m, 0m, 0m, 0m, 0m, 40m, 0m, 385m);
        AssertCounts(report.EventLevel[3], 0, 0, 0, 0, 1);
        Assert.Equal(Eu(90m), report.EventLevel[1].Movements.NetNew);
        Assert.Equal(Eu(0m), report.EventLevel[2].Movements.NetNew);
    }

    [Fact]
    public void Movements_WorkedExampleByMonth_CustomerNetNetsTheSameCustomer()
    {
        var report = History().Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));

        // March, per customer: C1 150 -> 130 is one contraction of 20; C5 +20 expansion; C4 fx +5.
        AssertFlows(report.CustomerNet[2], 340m, 0m, 20m, 20m, 0m, 0m, 5m, 345m);
        AssertCounts(report.CustomerNet[2], 0, 1, 1, 0, 0);
        // The other months have at most one change per customer: both views agree.
        AssertFlows(report.CustomerNet[0], 0m, 250m, 0m, 0m, 0m, 0m, 0m, 250m);
        AssertFlows(report.CustomerNet[1], 250m, 90m, 50m, 20m, 30m, 0m, 0m, 340m);
        AssertFlows(report.CustomerNet[3], 345m, 0m, 0m, 0m, 0m, 40m, 0m, 385m);
    }

    [Fact]
    public void Movements_ChurnRecognisedAtRequestDate_AnnualChurnMovesToFebruary()
    {
        var byDefault = History().Movements(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"));
        var atRequest = History(ChurnRecognition.RequestDate).Movements(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"));

        Assert.Equal(Eu(30m), byDefault.EventLevel[0].Movements.Churn);
        // C2's annual plan (100 a month) is lost on the request day, 2026-02-10, instead of at the end of term.
        Assert.Equal(Eu(130m), atRequest.EventLevel[0].Movements.Churn);
        Assert.Equal(2, atRequest.EventLevel[0].Movements.ChurnCount);
        Assert.Equal(Eu(240m), atRequest.EventLevel[0].EndMrr);
    }

    [Fact]
    public void Movements_AnnualPlanEndOfTerm_ChurnsAtServiceEnd()
    {
        var report = History().Movements(PeriodGranularity.Month, D("2027-01-01"), D("2027-02-01"));

        // The annual plan keeps its 100 a month until the paid term ends on 2027-01-15.
        AssertFlows(report.EventLevel[0], 385m, 0m, 0m, 0m, 100m, 0m, 0m, 285m);
    }

    [Fact]
    public void Movements_ByDay_ChangeCountsOnItsEffectiveDay()
    {
        var report = History().Movements(PeriodGranularity.Day, D("2026-01-09"), D("2026-01-12"));

        Assert.Equal(3, report.EventLevel.Count);
        Assert.Equal(Eu(20m), report.EventLevel[0].EndMrr);
        Assert.Equal(Eu(100m), report.EventLevel[1].Movements.New);
        Assert.Equal(new AnalyticsPeriod(D("2026-01-10"), D("2026-01-11")), report.EventLevel[1].Period);
    }

    [Theory]
    [InlineData(PeriodGranularity.Week, "2026-01-14", "2026-02-01", "2026-01-14|2026-01-19|2026-01-26")]
    [InlineData(PeriodGranularity.Month, "2026-01-15", "2026-03-10", "2026-01-15|2026-02-01|2026-03-01")]
    [InlineData(PeriodGranularity.Quarter, "2026-02-01", "2026-12-31", "2026-02-01|2026-04-01|2026-07-01|2026-10-01")]
    [InlineData(PeriodGranularity.Year, "2025-06-01", "2027-01-01", "2025-06-01|2026-01-01")]
    public void Movements_Periods_AreCalendarAlignedAndClipped(PeriodGranularity granularity, string from, string to, string starts)
    {
        var report = History().Movements(granularity, D(from), D(to));

        Assert.Equal(starts, string.Join('|', report.EventLevel.Select(r => r.Period.Start.ToString("uuuu-MM-dd", null))));
        Assert.Equal(D(to), report.EventLevel[^1].Period.End);
    }

    [Fact]
    public void Movements_QuarterOfWorkedExample_ReconcilesWithMonths()
    {
        var quarter = History().Movements(PeriodGranularity.Quarter, D("2026-01-01"), D("2026-04-01")).EventLevel[0];

        AssertFlows(quarter, 0m, 340m, 100m, 70m, 30m, 0m, 5m, 345m);
    }

    [Fact]
    public void MovementsBy_Plan_AttributesEveryMovementToTheChangingSubscriptionsPlan()
    {
        var report = History().MovementsBy(AnalyticsDimension.Plan, PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01"));

        Assert.Equal([1, 2], report.Rows.Select(r => r.Key));
        var plan1 = report.Rows[0].Movements;
        var plan2 = report.Rows[1].Movements;
        // Plan 1: C3 churns (30), C5 pauses (20). Plan 2: C1's second subscription (+50), C4 starts (90).
        Assert.Equal((Eu(30m), Eu(20m)), (plan1.Churn, plan1.Contraction));
        Assert.Equal((Eu(50m), Eu(90m)), (plan2.Expansion, plan2.New));
    }

    [Fact]
    public void MovementsBy_Salesperson_SumsToTheTotal()
    {
        var history = History();
        var bySalesperson = history.MovementsBy(AnalyticsDimension.Salesperson, PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));
        var total = history.Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));

        Assert.Equal([7, 8], bySalesperson.Rows.Select(r => r.Key).Distinct().Order());
        // January: salesperson 7 sold C1 (100); salesperson 8 sold C2 (100), C3 (30) and C5 (20).
        Assert.Equal(Eu(100m), bySalesperson.Rows.Single(r => r.Key == 7 && r.Period.Start == D("2026-01-01")).Movements.New);
        Assert.Equal(Eu(150m), bySalesperson.Rows.Single(r => r.Key == 8 && r.Period.Start == D("2026-01-01")).Movements.New);
        for (var p = 0; p < 4; p++)
        {
            var start = total.EventLevel[p].Period.Start;
            var netNew = bySalesperson.Rows.Where(r => r.Period.Start == start).Select(r => r.Movements.NetNew.Amount + r.Movements.Fx.Amount).Sum();
            Assert.Equal(total.EventLevel[p].Movements.NetNew.Amount + total.EventLevel[p].Movements.Fx.Amount, netNew);
        }
    }

    [Fact]
    public void ChurnReasons_CountChurnsAndClosesWithTheirLostMrr()
    {
        var report = History().ChurnReasons(PeriodGranularity.Month, D("2026-01-01"), D("2027-02-01"));

        Assert.Equal(3, report.Rows.Count);
        // February, reason 1: C3's only subscription ends: a churned customer and a closed subscription, 30 each.
        Assert.Equal(new ChurnReasonRow(new AnalyticsPeriod(D("2026-02-01"), D("2026-03-01")), 1, 1, Eu(30m), 1, Eu(30m)), report.Rows[0]);
        // March, reason 2: C1 closes sub 2 but keeps sub 1: no churn, one closed subscription of 50.
        Assert.Equal(new ChurnReasonRow(new AnalyticsPeriod(D("2026-03-01"), D("2026-04-01")), 2, 0, Eu(0m), 1, Eu(50m)), report.Rows[1]);
        // January 2027, reason 3: the annual plan ends.
        Assert.Equal(new ChurnReasonRow(new AnalyticsPeriod(D("2027-01-01"), D("2027-02-01")), 3, 1, Eu(100m), 1, Eu(100m)), report.Rows[2]);
    }

    [Fact]
    public void Create_UnsortedInput_GivesTheSameReportsAsSortedInput()
    {
        var sorted = Changes().OrderBy(c => c.EffectiveDate).ToArray();
        var reversed = Changes().Reverse().ToArray();
        var reversedInSubscriptionOrder = reversed.OrderBy(c => c.SubscriptionId).ThenBy(c => c.EffectiveDate).ToArray();

        var a = MrrHistory.Create(sorted, Rates).Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));
        var b = MrrHistory.Create(reversedInSubscriptionOrder, Rates).Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));

        Assert.Equal(a.EventLevel, b.EventLevel);
        Assert.Equal(a.CustomerNet, b.CustomerNet);
    }

    [Fact]
    public void Create_ImmutableArray_GivesTheSameReportsWithoutACopy()
    {
        var fromArray = History().Kpis(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));
        var fromImmutable = MrrHistory.Create(System.Collections.Immutable.ImmutableArray.Create(Changes()), Rates).Kpis(PeriodGranularity.Month, D("2026-01-01"), D("2026-05-01"));

        Assert.Equal(fromArray.Rows, fromImmutable.Rows);
    }

    [Fact]
    public void Movements_LargeAmounts_StayExact()
    {
        // A mantissa above 2^32 (5,000,000,025 cents) and a negative delta of it.
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 50_000_000.25m),
            Change(1, 1, "2026-02-01", 50_000_000.25m, 0.01m),
        ];
        var rows = MrrHistory.Create(changes, Rates).Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-03-01")).EventLevel;

        AssertFlows(rows[0], 0m, 50_000_000.25m, 0m, 0m, 0m, 0m, 0m, 50_000_000.25m);
        AssertFlows(rows[1], 50_000_000.25m, 0m, 0m, 50_000_000.24m, 0m, 0m, 0m, 0.01m);
    }

    [Fact]
    public void Movements_RateWithManyDecimals_StaysExactInDecimal()
    {
        var rates = new ExchangeRates(Eur, [new ExchangeRate(Usd, D("2026-01-01"), 1.000000000123m)]);
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 100m, currency: Usd),
            Change(2, 2, "2026-01-15", 0m, 0.5m),
        ];
        var history = MrrHistory.Create(changes, rates);

        // 100 x 1.000000000123 = 100.0000000123: 10 decimals, beyond the fixed-point fast path.
        Assert.Equal(Eu(100.5000000123m), history.KpisAsOf(D("2026-01-31")).Mrr);
        Assert.Equal(Eu(100.5000000123m), history.Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-02-01")).EventLevel[0].Movements.New);
        Assert.Equal(Eu(100.5000000123m), history.Cohorts(D("2026-01-01"), D("2026-02-01")).Rows[0].InitialMrr);
    }

    [Fact]
    public void Create_CountsDistinctSubscriptionsAndCustomers()
    {
        var history = History();

        Assert.Equal((14, 7, 5), (history.Count, history.SubscriptionCount, history.CustomerCount));
        Assert.Equal(Eur, history.ReportingCurrency);
    }

    [Fact]
    public void Movements_PlanChangeWithCurrencyChange_IsExpansionAtTheNewRateNotFx()
    {
        // A EUR 80 subscription moves to a USD 100 plan on 2026-03-01: 95 EUR - 80 EUR = +15 expansion, no fx.
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 80m),
            Change(1, 1, "2026-03-01", 80m, 100m, currency: Usd),
        ];
        var row = MrrHistory.Create(changes, Rates).Movements(PeriodGranularity.Month, D("2026-03-01"), D("2026-04-01")).EventLevel[0];

        AssertFlows(row, 80m, 0m, 15m, 0m, 0m, 0m, 0m, 95m);
    }

    [Fact]
    public void Movements_RateDate_ConvertsAtTheServicePeriodStart()
    {
        // A USD upgrade on 2026-03-15 inside a service period that started 2026-02-20 converts at February's 0.90.
        MrrChange[] changes =
        [
            Change(1, 1, "2026-02-20", 0m, 100m, currency: Usd),
            Change(1, 1, "2026-03-15", 100m, 200m, currency: Usd) with { RateDate = D("2026-02-20") },
            Change(1, 1, "2026-03-20", 200m, 200m, currency: Usd),
        ];
        var row = MrrHistory.Create(changes, Rates).Movements(PeriodGranularity.Month, D("2026-03-01"), D("2026-04-01")).EventLevel[0];

        // +90 expansion at 0.90, then the renewal on 2026-03-20 revalues 200 USD from 0.90 to 0.95: fx +10.
        AssertFlows(row, 90m, 0m, 90m, 0m, 0m, 0m, 10m, 190m);
    }

    [Fact]
    public void Movements_ZeroDollarPlan_IsChurnAndBackIsReactivation()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 50m),
            Change(1, 1, "2026-02-01", 50m, 0m),
            Change(1, 1, "2026-03-01", 0m, 60m),
        ];
        var rows = MrrHistory.Create(changes, Rates).Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-04-01")).EventLevel;

        AssertFlows(rows[1], 50m, 0m, 0m, 0m, 50m, 0m, 0m, 0m);
        AssertFlows(rows[2], 0m, 0m, 0m, 0m, 0m, 60m, 0m, 60m);
    }

    [Fact]
    public void Where_BillingInterval_KeepsOnlyAnnualPlans()
    {
        var annual = History().Where(c => c.BillingInterval == Recurrence.Yearly);
        var rows = annual.Movements(PeriodGranularity.Year, D("2026-01-01"), D("2028-01-01")).EventLevel;

        AssertFlows(rows[0], 0m, 100m, 0m, 0m, 0m, 0m, 0m, 100m);
        AssertFlows(rows[1], 100m, 0m, 0m, 0m, 100m, 0m, 0m, 0m);
    }

    [Fact]
    public void Where_SubscriptionLeavingTheSelection_CountsAsClosed()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-01", 0m, 50m) with { BillingInterval = Recurrence.Monthly },
            Change(1, 1, "2026-02-01", 50m, 500m) with { BillingInterval = Recurrence.Yearly },
        ];
        var monthly = MrrHistory.Create(changes, Rates).Where(c => c.BillingInterval == Recurrence.Monthly);
        var rows = monthly.Movements(PeriodGranularity.Month, D("2026-01-01"), D("2026-03-01")).EventLevel;

        AssertFlows(rows[1], 50m, 0m, 0m, 0m, 50m, 0m, 0m, 0m);
    }
}
