using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public partial class MrrHistoryTests
{
    private static void AssertCell(CohortCell cell, int retained, decimal logo, decimal mrr, decimal? net, decimal? gross)
    {
        Assert.Equal(retained, cell.RetainedCustomers);
        Assert.Equal(logo, cell.LogoRetention);
        Assert.Equal(Eu(mrr), cell.Mrr);
        Assert.Equal(net, cell.NetRevenueRetention);
        Assert.Equal(gross, cell.GrossRevenueRetention);
    }

    [Fact]
    public void Cohorts_WorkedExample_ActiveCustomers()
    {
        var table = History().Cohorts(D("2026-01-01"), D("2026-05-01"));

        Assert.Equal(2, table.Rows.Count);
        var january = table.Rows[0];
        // January cohort: C1 (100), C2 (100), C3 (30), C5 (20).
        Assert.Equal((4, Eu(250m), 4), (january.Size, january.InitialMrr, january.Cells.Count));
        AssertCell(january.Cells[0], 4, 1m, 250m, 1m, 1m);
        // End of February: C1 150 (min 100), C2 100, C3 churned, C5 paused (0).
        AssertCell(january.Cells[1], 2, 0.5m, 250m, 1m, 0.8m);
        Assert.Equal(D("2026-02-28"), january.Cells[1].AsOf);
        // End of March: C1 130 (min 100), C2 100, C5 20 back.
        AssertCell(january.Cells[2], 3, 0.75m, 250m, 1m, 0.88m);
        // End of April: C3 reactivated at 40 (min 30) counts again.
        AssertCell(january.Cells[3], 4, 1m, 290m, 1.16m, 1m);

        var february = table.Rows[1];
        // February cohort: C4, 100 USD at 0.90 = 90, revalued to 95 in March.
        Assert.Equal((1, Eu(90m), 3), (february.Size, february.InitialMrr, february.Cells.Count));
        AssertCell(february.Cells[1], 1, 1m, 95m, 95m / 90m, 1m);
    }

    [Fact]
    public void Cohorts_NotYetChurned_ReactivatedCustomerDoesNotCountAgain()
    {
        var table = History().Cohorts(D("2026-01-01"), D("2026-05-01"), new CohortOptions { Retention = CohortRetention.NotYetChurned });

        // C3 churned in February: at the end of April only C1, C2 and C5 count.
        AssertCell(table.Rows[0].Cells[3], 3, 0.75m, 250m, 1m, 0.88m);
    }

    [Fact]
    public void Cohorts_GroupedByPlan_UsesThePlanAtCohortEntry()
    {
        var table = History().Cohorts(D("2026-01-01"), D("2026-03-01"), new CohortOptions { GroupBy = AnalyticsDimension.Plan });

        // January: plan 1 = C1 (100), C3 (30), C5 (20); plan 3 = C2 (annual, 100). February: plan 2 = C4.
        Assert.Equal([(1, 3), (3, 1), (2, 1)], table.Rows.Select(r => (r.Key, r.Size)));
        Assert.Equal(Eu(150m), table.Rows[0].InitialMrr);
        // End of February for plan 1: C1 150 (min 100); C3 and C5 at 0.
        AssertCell(table.Rows[0].Cells[1], 1, 1m / 3m, 150m, 1m, 100m / 150m);
    }

    [Fact]
    public void Cohorts_CustomerStartedBeforeTheRange_IsInNoCohort()
    {
        var table = History().Cohorts(D("2026-02-01"), D("2026-04-01"));

        Assert.Single(table.Rows);
        Assert.Equal(D("2026-02-01"), table.Rows[0].Cohort.Start);
        Assert.Equal(1, table.Rows[0].Size);
    }

    [Fact]
    public void Cohorts_InitialMrr_IsTheCustomersMrrAtTheEndOfItsFirstDay()
    {
        MrrChange[] changes =
        [
            Change(1, 1, "2026-01-10", 0m, 30m),
            Change(2, 1, "2026-01-10", 0m, 20m),
            Change(1, 1, "2026-01-20", 30m, 10m),
        ];
        var row = MrrHistory.Create(changes, Rates).Cohorts(D("2026-01-01"), D("2026-02-01")).Rows.Single();

        Assert.Equal(Eu(50m), row.InitialMrr);
        AssertCell(row.Cells[0], 1, 1m, 30m, 0.6m, 0.6m);
    }

    [Fact]
    public void Cohorts_UndefinedRetentionMode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => History().Cohorts(D("2026-01-01"), D("2026-02-01"), new CohortOptions { Retention = (CohortRetention)7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => History().Cohorts(D("2026-01-01"), D("2026-02-01"), new CohortOptions { GroupBy = (AnalyticsDimension)9 }));
    }
}
