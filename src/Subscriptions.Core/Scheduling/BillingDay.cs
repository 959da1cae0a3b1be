using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>
/// The one place where instants become billing dates and back, in the customer's time zone.
/// </summary>
/// <remarks>
/// A billing date is the customer's local calendar date. An instant has exactly one local date in a zone, so
/// <see cref="Of"/> is unambiguous across daylight-saving changes; the start of a billing day is the earliest instant
/// of that date (<see cref="DateTimeZone.AtStartOfDay"/>), which is 01:00 where the clocks skip midnight. Never turn
/// an instant into a date through UTC or <see cref="DateTime"/>.
/// </remarks>
public static class BillingDay
{
    /// <summary>Returns the billing date of <paramref name="instant"/>: its local date in <paramref name="zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns>The local date.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    public static LocalDate Of(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.InZone(zone).Date;
    }

    /// <summary>Returns the first instant of <paramref name="date"/> in <paramref name="zone"/>, even when the clocks skip midnight that day.</summary>
    /// <param name="date">The billing date.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns>The instant the day starts.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    public static Instant StartOf(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.AtStartOfDay(date).ToInstant();
    }

    /// <summary>Returns the instants a period covers: from the start of its first day to the start of its end date.</summary>
    /// <param name="period">The period.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns>The interval; a period spanning a daylight-saving change is an hour shorter or longer than its days × 24 h.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    public static Interval IntervalOf(BillingPeriod period, DateTimeZone zone) => new(StartOf(period.Start, zone), StartOf(period.End, zone));
}
