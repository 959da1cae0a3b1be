namespace Subscriptions.Scheduling;

/// <summary>When a period is billed: at its start or once it has been served.</summary>
public enum BillingTiming
{
    /// <summary>The default: a period is billed on its first day (a billing run on date D bills every period starting on or before D).</summary>
    InAdvance = 0,

    /// <summary>A period is billed on its (exclusive) end date, once it has been served; a final partial period on the subscription's end date.</summary>
    InArrears = 1,
}
