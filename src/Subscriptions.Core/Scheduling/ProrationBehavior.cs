namespace Subscriptions.Scheduling;

/// <summary>What happens to the net amount of a mid-period change (Stripe's <c>proration_behavior</c>).</summary>
public enum ProrationBehavior
{
    /// <summary>The default: the difference is invoiced now, on an invoice of its own.</summary>
    BillNow = 0,

    /// <summary>The difference is added to the next regular invoice.</summary>
    NextInvoice = 1,

    /// <summary>The difference is not billed at all: the new price applies from the next period.</summary>
    None = 2,
}
