using NodaTime;
using NodaTime.Text;

namespace Subscriptions.Scheduling;

/// <summary>ISO text for table tests: dates, periods <c>[2026-01-31, 2026-02-28)</c> and amounts <c>249.95</c> in EUR.</summary>
internal static class Iso
{
    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static BillingPeriod Period(string start, string end) => new(Date(start), Date(end));

    public static Money Eur(decimal amount) => new(amount, Currency.Eur);
}
