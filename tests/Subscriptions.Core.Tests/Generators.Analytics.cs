using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Analytics;

namespace Subscriptions;

/// <summary>One generated subscription: its customer, currency and the steps of its life.</summary>
internal sealed record SubscriptionScript(int CustomerId, bool Usd, int PlanId, (int Gap, int Kind, int Amount, bool Request)[] Steps);

/// <summary>A generated MRR history with the settings to read it with.</summary>
internal sealed record AnalyticsCase(MrrChange[] Changes, ChurnRecognition Recognition, PeriodGranularity Granularity, bool Presorted)
{
    public override string ToString() =>
        $"{Recognition} {Granularity} presorted={Presorted}: " + string.Join("; ", Changes.Select(c => $"s{c.SubscriptionId}/c{c.CustomerId} {c.EffectiveDate:uuuu-MM-dd} {c.MrrBefore}->{c.MrrAfter} {c.Currency.Code}{(c.Paused ? " paused" : string.Empty)}{(c.RequestDate is { } r ? $" req {r:uuuu-MM-dd}" : string.Empty)}"));
}

internal static partial class Generators
{
    /// <summary>The first day generated histories can start on.</summary>
    public static readonly LocalDate AnalyticsOrigin = new(2025, 11, 1);

    /// <summary>USD rates into EUR: a different rate on the first of every month from 2024 to 2028, none before.</summary>
    public static ExchangeRates AnalyticsRates { get; } = new(
        Subscriptions.Currency.Eur,
        Enumerable.Range(0, 60).Select(m => new ExchangeRate(Subscriptions.Currency.Usd, new LocalDate(2024, 1, 1).PlusMonths(m), 0.80m + ((m * 7 % 11) / 100m))));

    private static Gen<(int Gap, int Kind, int Amount, bool Request)> Step { get; } =
        from gap in Gen.OneOf(Gen.Choose(0, 3), Gen.Choose(0, 90))
        from kind in Gen.Choose(0, 11)
        from amount in Gen.Choose(1, 4_000)
        from request in Gen.Elements(false, true)
        select (gap, kind, amount, request);

    private static Gen<SubscriptionScript> Script { get; } =
        from customer in Gen.Choose(1, 6)
        from usd in Gen.Elements(false, false, true)
        from plan in Gen.Choose(0, 3)
        from count in Gen.Choose(1, 8)
        from steps in Gen.ArrayOf(Step, count)
        select new SubscriptionScript(customer, usd, plan, steps);

    /// <summary>A consistent history of 1 to 15 subscriptions of up to 6 customers, with pauses, closes, reactivations, $0 plans, renewals in USD (fx) and cancellation requests.</summary>
    public static Gen<AnalyticsCase> AnalyticsCases { get; } =
        from count in Gen.Choose(1, 15)
        from scripts in Gen.ArrayOf(Script, count)
        from recognition in Gen.Elements(ChurnRecognition.ServiceEnd, ChurnRecognition.RequestDate)
        from granularity in Gen.Elements(PeriodGranularity.Day, PeriodGranularity.Week, PeriodGranularity.Month, PeriodGranularity.Quarter, PeriodGranularity.Year)
        from presorted in Gen.Elements(false, true)
        select new AnalyticsCase(BuildHistory(scripts), recognition, granularity, presorted);

    /// <summary>Turns scripts into MRR changes whose "before" always equals the previous "after".</summary>
    public static MrrChange[] BuildHistory(SubscriptionScript[] scripts)
    {
        var changes = new List<MrrChange>();
        for (var s = 0; s < scripts.Length; s++)
        {
            var script = scripts[s];
            var currency = script.Usd ? Subscriptions.Currency.Usd : Subscriptions.Currency.Eur;
            var date = AnalyticsOrigin;
            var mrr = 0m;
            var paused = false;
            var started = false;
            foreach (var (gap, kind, amount, request) in script.Steps)
            {
                date = date.PlusDays(gap);
                var price = amount / 4m;
                decimal next;
                var nextPaused = false;
                LocalDate? requestDate = null;
                switch (kind)
                {
                    case <= 4:
                        next = price;
                        break;
                    case 5:
                        next = 0m;
                        nextPaused = started;
                        break;
                    case 6:
                        next = price;
                        break;
                    case 7 or 8:
                        next = 0m;
                        if (request && gap > 1)
                        {
                            requestDate = date.PlusDays(-gap / 2);
                        }

                        break;
                    case 9:
                        next = mrr;
                        nextPaused = paused;
                        break;
                    default:
                        next = 0m;
                        break;
                }

                if (next == mrr && nextPaused == paused && kind != 9)
                {
                    continue;
                }

                changes.Add(new MrrChange(s + 1, script.CustomerId, date, mrr, next, currency)
                {
                    Paused = nextPaused,
                    PlanId = script.PlanId + (kind % 2),
                    SalespersonId = script.CustomerId % 3,
                    CountryId = script.Usd ? 840 : 250,
                    CloseReasonId = next == 0m && !nextPaused ? 1 + (kind % 3) : 0,
                    RequestDate = requestDate,
                });
                mrr = next;
                paused = nextPaused;
                started = true;
            }
        }

        return [.. changes];
    }
}
