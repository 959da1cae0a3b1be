namespace Subscriptions.Scheduling;

/// <summary>What is charged for a leading partial period <c>[start, first billing date)</c>, when the anchor is not the start.</summary>
public enum LeadingPeriodPolicy
{
    /// <summary>The default: the leading partial period is charged, prorated against the period before the first billing date.</summary>
    Prorate = 0,

    /// <summary>The leading partial period is served free of charge; billing starts on the first billing date.</summary>
    Free = 1,
}
