using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Testing;
using Xunit;

namespace Subscriptions.Analytics;

public class MrrHistoryPropertyTests
{
    private static readonly LocalDate From = new(2025, 12, 1);
    private static readonly LocalDate To = new(2027, 3, 1);

    private static MrrHistory Build(AnalyticsCase c)
    {
        var input = c.Presorted ? c.Changes.OrderBy(x => x.EffectiveDate).ToArray() : c.Changes;
        return MrrHistory.Create(input, Generators.AnalyticsRates, c.Recognition);
    }

    /// <summary>MRR at the end of each day from the raw changes, without the engine: the oracle of balances.</summary>
    private static decimal NaiveMrr(MrrChange[] changes, LocalDate asOf)
    {
        var total = 0m;
        foreach (var group in changes.GroupBy(c => c.SubscriptionId))
        {
            var last = group.Where(c => c.EffectiveDate <= asOf).LastOrDefault();
            if (last.MrrAfter > 0m)
            {
                total += last.MrrAfter * Generators.AnalyticsRates.GetRate(last.Currency, last.RateDate ?? last.EffectiveDate);
            }
        }

        return total;
    }

    [Fact]
    public void Movements_AnyHistory_EndEqualsStartPlusNetNewPlusFxInBothViews()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.AnalyticsCases.ToArbitrary(), c =>
        {
            var report = Build(c).Movements(c.Granularity, From, To);
            foreach (var rows in new[] { report.EventLevel, report.CustomerNet })
            {
                for (var p = 0; p < rows.Count; p++)
                {
                    var row = rows[p];
                    Assert.Equal(row.EndMrr, row.StartMrr + row.Movements.NetNew + row.Movements.Fx);
                    Assert.False(row.Movements.New.IsNegative || row.Movements.Expansion.IsNegative || row.Movements.Contraction.IsNegative || row.Movements.Churn.IsNegative || row.Movements.Reactivation.IsNegative);
                    if (p > 0)
                    {
                        Assert.Equal(rows[p - 1].EndMrr, row.StartMrr);
                    }
                }
            }

            Assert.Equal(report.EventLevel.Select(r => r.EndMrr), report.CustomerNet.Select(r => r.EndMrr));
        }));
    }

    [Fact]
    public void Movements_AnyHistoryRecognisedAtServiceEnd_BalancesMatchANaiveSum()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.AnalyticsCases.ToArbitrary(), c =>
        {
            var report = Build(c with { Recognition = ChurnRecognition.ServiceEnd }).Movements(PeriodGranularity.Month, From, To);
            foreach (var row in report.EventLevel)
            {
                Assert.Equal(NaiveMrr(c.Changes, row.Period.End.PlusDays(-1)), row.EndMrr.Amount);
            }
        }));
    }

    [Fact]
    public void Kpis_AnyHistory_RatesAreBoundedAndRetentionComplementsChurn()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.AnalyticsCases.ToArbitrary(), c =>
        {
            var report = Build(c).Kpis(PeriodGranularity.Month, From, To);
            foreach (var row in report.Rows)
            {
                Assert.InRange(row.LogoChurnRate ?? 0m, 0m, 1m);
                Assert.InRange(row.GrossRevenueChurnRate ?? 0m, 0m, 1m);
                Assert.Equal(row.GrossRevenueRetention, 1m - row.GrossRevenueChurnRate);
                Assert.Equal(row.NetRevenueRetention, 1m - row.NetRevenueChurnRate);
                Assert.True(row.End.PayingCustomers <= row.End.ActiveCustomers && row.End.PayingSubscriptions <= row.End.Contracts);
                Assert.Equal(row.Ltv is null, row.LogoChurnRate is null or 0m || row.End.Arpa is null);
            }
        }));
    }

    [Fact]
    public void Cohorts_AnyHistory_CohortMrrSumsToTheMrrOfCustomersStartedInRange()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.AnalyticsCases.ToArbitrary(), c =>
        {
            var history = Build(c);
            var table = history.Cohorts(From, To);
            var lastDay = To.PlusDays(-1);
            var cohortMrr = table.Rows.Sum(r => r.Cells[^1].Mrr.Amount);
            var lastCells = table.Rows.Sum(r => r.Cells[^1].RetainedCustomers);
            var sizes = table.Rows.Sum(r => r.Size);
            Assert.True(lastCells <= sizes);
            Assert.True(cohortMrr <= history.KpisAsOf(lastDay).Mrr.Amount);
            foreach (var row in table.Rows)
            {
                Assert.All(row.Cells, cell => Assert.InRange(cell.LogoRetention, 0m, 1m));
                Assert.All(row.Cells, cell => Assert.InRange(cell.GrossRevenueRetention ?? 0m, 0m, 1m));
            }
        }));
    }

    [Fact]
    public void MovementsBy_AnyHistory_SumsToTheTotalPerPeriod()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.AnalyticsCases.ToArbitrary(), c =>
        {
            var history = Build(c);
            var total = history.Movements(PeriodGranularity.Quarter, From, To).EventLevel;
            var byPlan = history.MovementsBy(AnalyticsDimension.Plan, PeriodGranularity.Quarter, From, To).Rows;
            foreach (var row in total)
            {
                var parts = byPlan.Where(r => r.Period == row.Period).ToList();
                Assert.Equal(row.Movements.Churn.Amount, parts.Sum(r => r.Movements.Churn.Amount));
                Assert.Equal(row.Movements.NetNew.Amount + row.Movements.Fx.Amount, parts.Sum(r => r.Movements.NetNew.Amount + r.Movements.Fx.Amount));
            }
        }));
    }
}
