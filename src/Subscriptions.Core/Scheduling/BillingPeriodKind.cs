namespace Subscriptions.Scheduling;

/// <summary>The role of a period in a <see cref="BillingSchedule"/>.</summary>
public enum BillingPeriodKind
{
    /// <summary>A whole period between two billing dates.</summary>
    Regular = 0,

    /// <summary>The free trial <c>[start, trial end)</c>.</summary>
    Trial = 1,

    /// <summary>The leading partial period <c>[billing start, first billing date)</c>, when the anchor is not the start.</summary>
    Leading = 2,

    /// <summary>The trailing partial period <c>[last billing date, end)</c> of a schedule that ends between two billing dates.</summary>
    Trailing = 3,
}
