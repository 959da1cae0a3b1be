namespace Subscriptions.Scheduling;

/// <summary>How long a <see cref="BillingTerm"/> runs.</summary>
public enum BillingTermKind
{
    /// <summary>The default: no end.</summary>
    OpenEnded = 0,

    /// <summary>Until an (exclusive) end date.</summary>
    UntilDate = 1,

    /// <summary>For a number of full periods after any leading partial period.</summary>
    Periods = 2,
}
