namespace Subscriptions.Scheduling;

/// <summary>Thrown when a scheduling or proration request breaks a domain rule, such as a change dated outside the billed period.</summary>
/// <remarks>
/// Error codes: <see cref="ChangeOutsidePeriodCode"/>, <see cref="DateOutsideScheduleCode"/>.
/// Argument-shape errors (an interval of 0, a billing day of 32, an end before a start, a fraction outside [0, 1])
/// are <see cref="ArgumentException"/>s instead, as everywhere in the engine.
/// </remarks>
public sealed class SchedulingException : SubscriptionsException
{
    /// <summary>The error code for a change (or a prorated part) dated outside the period it applies to.</summary>
    public const string ChangeOutsidePeriodCode = "scheduling.change_outside_period";

    /// <summary>The error code for a date before a schedule's start, or on or after its end.</summary>
    public const string DateOutsideScheduleCode = "scheduling.date_outside_schedule";

    /// <summary>Initializes a new instance of the <see cref="SchedulingException"/> class.</summary>
    /// <param name="errorCode">One of the codes of this class.</param>
    /// <param name="message">What was wrong and what to do about it.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errorCode"/> is null or blank.</exception>
    public SchedulingException(string errorCode, string message)
        : base(errorCode, message)
    {
    }

    internal static SchedulingException ChangeOutside(string what, BillingPeriod period) =>
        new(ChangeOutsidePeriodCode, $"The {what} is outside the period {period}: date a change within [start, end) of the period it changes.");

    internal static SchedulingException DateOutside(NodaTime.LocalDate date, BillingSchedule schedule) =>
        new(DateOutsideScheduleCode, $"{BillingPeriod.Format(date)} is outside the schedule starting {BillingPeriod.Format(schedule.Start)}{(schedule.End is { } end ? " and ending " + BillingPeriod.Format(end) : string.Empty)}: ask only for dates the schedule covers.");
}
