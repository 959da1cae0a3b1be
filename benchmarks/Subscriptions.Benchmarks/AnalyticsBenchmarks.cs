using System.Collections.Immutable;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using NodaTime;
using Subscriptions;
using Subscriptions.Analytics;

namespace Subscriptions.Benchmarks;

/// <summary>
/// Question: can the analytics compute movements and KPIs for 1,000,000 subscriptions over 36 months
/// (about 3,000,000 MRR changes) within 1 s on one core, and a 36 x 36 cohort table within 1 s?
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class AnalyticsBenchmarks
{
    private static readonly LocalDate From = new(2024, 1, 1);
    private static readonly LocalDate To = From.PlusMonths(36);

    private ImmutableArray<MrrChange> _changes = [];
    private ExchangeRates _rates = ExchangeRates.SingleCurrency(Currency.Eur);
    private MrrHistory _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _changes = AnalyticsData.Generate(subscriptions: 1_000_000, months: 36, seed: 20261123UL, out _rates);
        _history = MrrHistory.Create(_changes, _rates);
        Console.WriteLine($"// {_changes.Length:N0} changes, {_history.SubscriptionCount:N0} subscriptions, {_history.CustomerCount:N0} customers");
    }

    /// <summary>Validating, converting and indexing the history: the one pass every report builds on.</summary>
    [Benchmark(Baseline = true)]
    public MrrHistory CreateHistory() => MrrHistory.Create(_changes, _rates);

    [Benchmark]
    public MrrMovementReport Movements() => _history.Movements(PeriodGranularity.Month, From, To);

    [Benchmark]
    public KpiReport Kpis() => _history.Kpis(PeriodGranularity.Month, From, To);

    /// <summary>The target: both movement views (event-level and per-customer net) and every KPI for 36 months, in one pass.</summary>
    [Benchmark]
    public KpiReport MovementsAndKpis() => _history.Kpis(PeriodGranularity.Month, From, To);

    /// <summary>The same from the raw changes, including the one-time build of the history.</summary>
    [Benchmark]
    public KpiReport CreateThenMovementsAndKpis() => MrrHistory.Create(_changes, _rates).Kpis(PeriodGranularity.Month, From, To);

    /// <summary>The other target: a 36 x 36 cohort table (logo, net and gross revenue retention) over the same data.</summary>
    [Benchmark]
    public CohortTable Cohorts36x36() => _history.Cohorts(From, To);

    private sealed class OneCoreConfig : ManualConfig
    {
        public OneCoreConfig() =>
            AddJob(Job.Default
                .WithAffinity(new IntPtr(1))
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(7)
                .WithId("OneCore"));
    }
}

/// <summary>A deterministic xorshift64* generator: the same seed gives the same data on every machine.</summary>
internal struct XorShift64(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public int Next(int maxExclusive)
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (int)(((_state * 0x2545F4914F6CDD1DUL) >> 33) % (ulong)maxExclusive);
    }
}

/// <summary>Generates a realistic MRR history: starts, upgrades, downgrades, pauses and resumes, closes, second subscriptions, USD renewals.</summary>
internal static class AnalyticsData
{
    public static ImmutableArray<MrrChange> Generate(int subscriptions, int months, ulong seed, out ExchangeRates rates)
    {
        var random = new XorShift64(seed);
        var origin = new LocalDate(2024, 1, 1);
        var horizon = months * 30;
        rates = new ExchangeRates(Currency.Eur, Enumerable.Range(0, months + 1)
            .Select(m => new ExchangeRate(Currency.Usd, origin.PlusMonths(m), 0.85m + (random.Next(20) / 100m))));
        var changes = new List<MrrChange>(subscriptions * 3);
        var customer = 0;
        for (var s = 1; s <= subscriptions; s++)
        {
            if (customer == 0 || random.Next(5) != 0)
            {
                customer++;
            }

            var usd = random.Next(20) == 0;
            var currency = usd ? Currency.Usd : Currency.Eur;
            var day = random.Next(horizon);
            var mrr = (1_000 + random.Next(50_000)) / 100m;
            var paused = false;
            var plan = 1 + random.Next(20);
            var template = new MrrChange(s, customer, origin.PlusDays(day), 0m, mrr, currency)
            {
                PlanId = plan,
                SalespersonId = 1 + random.Next(50),
                CountryId = 1 + random.Next(30),
            };
            changes.Add(template);
            for (var step = 0; step < 5; step++)
            {
                day += 20 + random.Next(240);
                if (day >= horizon)
                {
                    break;
                }

                var date = origin.PlusDays(day);
                var before = mrr;
                var kind = random.Next(100);
                if (paused)
                {
                    paused = false;
                    mrr = (1_000 + random.Next(50_000)) / 100m;
                }
                else if (kind < 45)
                {
                    mrr = (1_000 + random.Next(50_000)) / 100m;
                }
                else if (kind < 55)
                {
                    paused = true;
                    mrr = 0m;
                }
                else if (kind < 70 && usd)
                {
                    // A renewal: same USD price, new service period, new rate: an fx line.
                }
                else if (kind < 85)
                {
                    changes.Add(template with { EffectiveDate = date, MrrBefore = before, MrrAfter = 0m, CloseReasonId = 1 + random.Next(6) });
                    break;
                }
                else
                {
                    mrr = (1_000 + random.Next(50_000)) / 100m;
                }

                changes.Add(template with { EffectiveDate = date, MrrBefore = before, MrrAfter = mrr, Paused = paused, PlanId = plan });
            }
        }

        // Sorted once by date, as an event feed delivers them; same-day changes keep their order.
        var keys = new long[changes.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)(changes[i].EffectiveDate.ToDateOnly().DayNumber) << 32) | (uint)i;
        }

        Array.Sort(keys);
        var sorted = new MrrChange[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = changes[(int)(keys[i] & 0xFFFFFFFF)];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }
}
