using NodaTime;
using Subscriptions.Analytics;
using Subscriptions.Scheduling;

namespace Subscriptions.Analytics;

/// <summary>
/// The hand-computed worked example shared by the analytics tests (EUR reporting, USD at 0.90 then 0.95).
/// </summary>
/// <remarks>
/// C1: sub 1 from 2026-01-10 at 100 (new); sub 2 from 2026-02-05 at 50 (expansion); sub 1 100 -> 130 on 2026-03-05
///     (expansion); sub 2 closed 2026-03-20, reason 2 (contraction, not churn: C1 keeps sub 1).
/// C2: sub 3, annual plan 1,200 a year = 100 a month from 2026-01-15 (new); cancel requested 2026-02-10, service
///     ends 2027-01-15 (churn then by default, or in February at the request date).
/// C3: sub 4 from 2026-01-20 at 30 (new); ends 2026-02-28, reason 1 (churn); sub 5 from 2026-04-10 at 40 (reactivation).
/// C4: sub 6 in USD from 2026-02-01 at 100 USD = 90 EUR (new); renewal 2026-03-01 at 0.95 = 95 EUR (fx +5).
/// C5: sub 7 from 2026-01-05 at 20 (new); paused 2026-02-10 (contraction); resumed 2026-03-10 (expansion).
/// </remarks>
internal static class AnalyticsScenario
{
    public static readonly Currency Eur = Currency.Eur;
    public static readonly Currency Usd = Currency.Usd;

    public static ExchangeRates Rates { get; } = new(Eur, [
        new ExchangeRate(Usd, new LocalDate(2026, 1, 1), 0.90m),
        new ExchangeRate(Usd, new LocalDate(2026, 3, 1), 0.95m),
    ]);

    public static decimal AnnualMrr => MrrNormalization.Monthly(new Money(1200m, Eur), 1m, 0m, Recurrence.Yearly).Amount;

    public static MrrChange[] Changes()
    {
        var annual = AnnualMrr;
        return
        [
            Change(1, 1, "2026-01-10", 0m, 100m, plan: 1, salesperson: 7),
            Change(2, 1, "2026-02-05", 0m, 50m, plan: 2, salesperson: 7),
            Change(1, 1, "2026-03-05", 100m, 130m, plan: 1, salesperson: 7),
            Change(2, 1, "2026-03-20", 50m, 0m, plan: 2, salesperson: 7) with { CloseReasonId = 2 },
            Change(3, 2, "2026-01-15", 0m, annual, plan: 3, salesperson: 8) with { BillingInterval = Recurrence.Yearly },
            Change(3, 2, "2027-01-15", annual, 0m, plan: 3, salesperson: 8) with { CloseReasonId = 3, RequestDate = new LocalDate(2026, 2, 10), BillingInterval = Recurrence.Yearly },
            Change(4, 3, "2026-01-20", 0m, 30m, plan: 1, salesperson: 8),
            Change(4, 3, "2026-02-28", 30m, 0m, plan: 1, salesperson: 8) with { CloseReasonId = 1 },
            Change(5, 3, "2026-04-10", 0m, 40m, plan: 1, salesperson: 8),
            Change(6, 4, "2026-02-01", 0m, 100m, plan: 2, salesperson: 7, currency: Usd),
            Change(6, 4, "2026-03-01", 100m, 100m, plan: 2, salesperson: 7, currency: Usd),
            Change(7, 5, "2026-01-05", 0m, 20m, plan: 1, salesperson: 8),
            Change(7, 5, "2026-02-10", 20m, 0m, plan: 1, salesperson: 8) with { Paused = true },
            Change(7, 5, "2026-03-10", 0m, 20m, plan: 1, salesperson: 8),
        ];
    }

    public static MrrHistory History(ChurnRecognition recognition = ChurnRecognition.ServiceEnd) =>
        MrrHistory.Create(Changes(), Rates, recognition);

    public static LocalDate D(string iso) => LocalDate.FromDateTime(DateTime.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static Money Eu(decimal amount) => new(amount, Eur);

    public static MrrChange Change(int sub, int customer, string date, decimal before, decimal after, int plan = 0, int salesperson = 0, Currency? currency = null) =>
        new(sub, customer, D(date), before, after, currency ?? Eur) { PlanId = plan, SalespersonId = salesperson, CountryId = customer == 4 ? 840 : 250 };
}
