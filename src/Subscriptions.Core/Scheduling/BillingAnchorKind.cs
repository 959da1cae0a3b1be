namespace Subscriptions.Scheduling;

/// <summary>What a <see cref="BillingAnchor"/> fixes.</summary>
public enum BillingAnchorKind
{
    /// <summary>The default: the anniversary of the (billing) start: its day of month, its month for yearly plans, the start itself for day- and week-based plans.</summary>
    Anniversary = 0,

    /// <summary>A fixed day of the month, 1-31, for month- and year-based plans.</summary>
    DayOfMonth = 1,

    /// <summary>A fixed weekday, for week-based plans.</summary>
    DayOfWeek = 2,

    /// <summary>A fixed month and day, for year-based plans.</summary>
    MonthAndDay = 3,
}
