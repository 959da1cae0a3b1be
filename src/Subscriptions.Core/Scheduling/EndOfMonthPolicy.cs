namespace Subscriptions.Scheduling;

/// <summary>What a month- or year-based schedule does when its billing day does not exist in a month (day 31 in April).</summary>
public enum EndOfMonthPolicy
{
    /// <summary>
    /// The default (Kill Bill, Stripe): bill on the month's last day and keep the billing day, so day 31 gives
    /// Jan 31, Feb 28 (29 in a leap year), Mar 31, Apr 30; a yearly Feb 29 falls on Feb 28 in other years.
    /// </summary>
    Clamp = 0,

    /// <summary>Bill on the first day of the next month instead (day 31: Jan 31, Mar 1, Mar 31, May 1), keeping the billing day.</summary>
    RollForward = 1,
}
