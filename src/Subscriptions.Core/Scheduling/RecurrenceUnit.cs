namespace Subscriptions.Scheduling;

/// <summary>The calendar unit a <see cref="Recurrence"/> counts in.</summary>
public enum RecurrenceUnit
{
    /// <summary>Days: every 30 days, every 45 days.</summary>
    Day = 1,

    /// <summary>Weeks of 7 days: weekly, every 2 weeks.</summary>
    Week = 2,

    /// <summary>Calendar months, with a sticky billing day: monthly, every 2 months, quarterly (3).</summary>
    Month = 3,

    /// <summary>Calendar years: yearly, every 2 years.</summary>
    Year = 4,
}
