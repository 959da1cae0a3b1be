using Xunit;
using static Subscriptions.Analytics.AnalyticsScenario;

namespace Subscriptions.Analytics;

public class AnalyticsCsvTests
{
    [Fact]
    public void ToCsv_QuotesFieldsThatNeedIt()
    {
        string[][] rows = [["a", "b,c"], ["say \"hi\"", "line\nbreak"]];

        Assert.Equal("a,\"b,c\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n", AnalyticsCsv.ToCsv(rows));
        Assert.Throws<ArgumentNullException>(() => AnalyticsCsv.ToCsv(null!));
    }

    [Fact]
    public void MovementReport_ToRows_HeaderThenOneRowPerViewAndPeriod()
    {
        var rows = History().Movements(PeriodGranularity.Month, D("2026-02-01"), D("2026-04-01")).ToRows().ToList();

        Assert.Equal(5, rows.Count);
        Assert.Equal("view,period_start,period_end,currency,start_mrr,new,expansion,contraction,churn,reactivation,fx,net_new,end_mrr,new_count,expansion_count,contraction_count,churn_count,reactivation_count", string.Join(',', rows[0]));
        Assert.Equal("event,2026-02-01,2026-03-01,EUR,250.00,90.00,50.00,20.00,30.00,0.00,0.00,90.00,340.00,1,1,1,1,0", string.Join(',', rows[1]));
        Assert.Equal("customer_net,2026-03-01,2026-04-01,EUR,340.00,0.00,20.00,20.00,0.00,0.00,5.00,0.00,345.00,0,1,1,0,0", string.Join(',', rows[4]));
    }

    [Fact]
    public void KpiReport_ToRows_RoundsAmountsAndRatesInvariantly()
    {
        var rows = History().Kpis(PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01")).ToRows().ToList();

        Assert.Equal(22, rows[0].Length);
        // ARPA 340 / 3 = 113.333... rounds to 113.33; LTV 453.333... to 453.33; no documents: revenue 0.00.
        Assert.Equal("2026-02-01,2026-03-01,EUR,340.00,4080.00,5,4,4,3,113.33,85.00,90.00,0.00,0.00,1,0.250000,0.200000,0.000000,1.000000,0.800000,453.33,2.800000", string.Join(',', rows[1]));
    }

    [Fact]
    public void CohortTable_ToRows_OneRowPerCohortAndOffset()
    {
        var rows = History().Cohorts(D("2026-01-01"), D("2026-03-01")).ToRows().ToList();

        // January cohort: offsets 0 and 1; February cohort: offset 0.
        Assert.Equal(4, rows.Count);
        Assert.Equal("cohort_start,cohort_end,group,size,currency,initial_mrr,offset,as_of,retained_customers,logo_retention,mrr,net_revenue_retention,gross_revenue_retention", string.Join(',', rows[0]));
        Assert.Equal("2026-01-01,2026-02-01,0,4,EUR,250.00,1,2026-02-28,2,0.500000,250.00,1.000000,0.800000", string.Join(',', rows[2]));
    }

    [Fact]
    public void KpiSnapshot_ToRows_HeaderAndOneRow()
    {
        var rows = History().KpisAsOf(D("2026-02-28")).ToRows().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("2026-02-28,EUR,340.00,4080.00,5,4,4,3,113.33,85.00", string.Join(',', rows[1]));
    }

    [Fact]
    public void OtherReports_ToRows_HaveAHeaderAndRows()
    {
        var history = History();

        var reasons = history.ChurnReasons(PeriodGranularity.Month, D("2026-01-01"), D("2026-04-01")).ToRows().ToList();
        Assert.Equal("2026-02-01,2026-03-01,1,EUR,1,30.00,1,30.00", string.Join(',', reasons[1]));
        var byPlan = history.MovementsBy(AnalyticsDimension.Plan, PeriodGranularity.Month, D("2026-02-01"), D("2026-03-01")).ToRows().ToList();
        Assert.Equal("plan", byPlan[0][2]);
        Assert.Equal("2026-02-01,2026-03-01,2,EUR,90.00,50.00,0.00,0.00,0.00,0.00,140.00,1,1,0,0,0", string.Join(',', byPlan[2]));
        var forecast = history.ForecastFromContractBook(D("2026-12-31"), 1).ToRows().ToList();
        Assert.Equal("contract_book,1,2027-01-31,EUR,285.00,4.00", string.Join(',', forecast[2]));
    }
}
