namespace Subscriptions.Scheduling;

/// <summary>How the fraction of a period that a partial interval represents is measured.</summary>
public enum ProrationMethod
{
    /// <summary>
    /// The default (Kill Bill): days of the partial interval / days of the reference period, both end-exclusive,
    /// so leap years enter only through real day counts.
    /// </summary>
    ByDay = 0,

    /// <summary>
    /// Stripe's: seconds remaining / seconds in the period, on instants in the customer's time zone (a day with a
    /// daylight-saving change has 23 or 25 hours). Without a time zone, every day counts 86,400 seconds.
    /// </summary>
    BySecond = 1,

    /// <summary>
    /// A fixed 30-day month: the denominator is 30 per month of the reference period; the numerator is the actual days
    /// when the interval's start and end dates are in the same month, otherwise the actual days minus
    /// (days in the start month - 30), so 2023-02-23 to 2023-03-15 counts 22 days.
    /// </summary>
    ThirtyDayMonth = 2,

    /// <summary>No proration: a whole period has the fraction 1, any partial interval 0 (nothing is credited or charged for it).</summary>
    None = 3,
}
