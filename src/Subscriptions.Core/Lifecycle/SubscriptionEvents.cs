using NodaTime;
using Subscriptions.Payments;
using Subscriptions.Scheduling;

namespace Subscriptions.Lifecycle;

/// <summary>
/// Something that happened to a subscription. Events are never changed or deleted; the subscription is rebuilt by
/// applying them in order.
/// </summary>
/// <remarks>
/// Every event carries the date it takes effect, the instant it was recorded, who did it, the monthly recurring revenue
/// (MRR, METRICS.md: recurring lines, untaxed, after discounts, normalized to a month; 0 while paused or closed)
/// before and after it, and the subscription's version after it, so that a consumer can drop stale or repeated events.
/// The envelope (id, version, dates, actor, MRR) is stamped by <see cref="SubscriptionDecider"/>.
/// </remarks>
public abstract record SubscriptionEvent
{
    /// <summary>Gets the subscription.</summary>
    public SubscriptionId SubscriptionId { get; init; }

    /// <summary>Gets the subscription's version after this event (1 for the first event).</summary>
    public long Version { get; init; }

    /// <summary>Gets the date the event takes effect, in the customer's time zone.</summary>
    public LocalDate EffectiveDate { get; init; }

    /// <summary>Gets the instant the event was recorded.</summary>
    public Instant RecordedAt { get; init; }

    /// <summary>Gets who did it.</summary>
    public Actor By { get; init; }

    /// <summary>Gets the monthly recurring revenue before the event.</summary>
    public Money MrrBefore { get; init; }

    /// <summary>Gets the monthly recurring revenue after the event.</summary>
    public Money MrrAfter { get; init; }

    /// <summary>Gets the id of the scheduled change this event carries out, or null.</summary>
    public string? ScheduledChangeId { get; init; }
}

/// <summary>The contract started: a confirmed quote became a subscription.</summary>
public sealed record SubscriptionStarted : SubscriptionEvent
{
    /// <summary>Gets the customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>Gets the quote it came from, or null when staff created it directly.</summary>
    public string? QuoteId { get; init; }

    /// <summary>Gets the plan terms.</summary>
    public required SubscriptionTerms Terms { get; init; }

    /// <summary>Gets the schedule.</summary>
    public required ScheduleTerms Schedule { get; init; }

    /// <summary>Gets the contract's currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the lines, recurring and one-time (one-time lines are billed once, on the first invoice).</summary>
    public required IReadOnlyList<SubscriptionLine> Lines { get; init; }

    /// <summary>Gets the customer's contact details.</summary>
    public required ContactDetails Contact { get; init; }

    /// <summary>Gets the saved payment method, or null when invoices are sent.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }

    /// <summary>Gets the customer's IANA time zone, in which billing dates are counted.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; init; }

    /// <summary>Gets the pricelist that priced the lines, or null.</summary>
    public string? PricelistId { get; init; }

    /// <summary>Gets the fiscal position that maps the taxes, or null.</summary>
    public string? FiscalPositionId { get; init; }
}

/// <summary>The lines of a subscription changed: a quantity, an option added or removed, or a price override.</summary>
public sealed record SubscriptionLinesChanged : SubscriptionEvent
{
    /// <summary>Gets what kind of change it was.</summary>
    public required LineChangeKind Change { get; init; }

    /// <summary>Gets the line that changed.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets all the lines after the change.</summary>
    public required IReadOnlyList<SubscriptionLine> Lines { get; init; }

    /// <summary>Gets the prorated credits and charges of the change (empty when nothing was billed in advance).</summary>
    public required IReadOnlyList<ProrationItem> Prorations { get; init; }

    /// <summary>Gets when the prorations are billed.</summary>
    public required ProrationBehavior ProrationBehavior { get; init; }
}

/// <summary>The subscription moved to another plan (an upgrade or a downgrade), possibly with another recurrence.</summary>
public sealed record SubscriptionPlanChanged : SubscriptionEvent
{
    /// <summary>Gets the new plan terms.</summary>
    public required SubscriptionTerms Terms { get; init; }

    /// <summary>Gets the new schedule (a new recurrence restarts on the change date, keeping the billing day).</summary>
    public required ScheduleTerms Schedule { get; init; }

    /// <summary>Gets the recurring lines after the change.</summary>
    public required IReadOnlyList<SubscriptionLine> Lines { get; init; }

    /// <summary>Gets the prorated credits and charges of the change.</summary>
    public required IReadOnlyList<ProrationItem> Prorations { get; init; }

    /// <summary>Gets when the prorations are billed.</summary>
    public required ProrationBehavior ProrationBehavior { get; init; }
}

/// <summary>Billing stopped for a while; MRR is 0 until the subscription resumes.</summary>
public sealed record SubscriptionPaused : SubscriptionEvent
{
    /// <summary>Gets the day it resumes by itself, or null to resume by hand.</summary>
    public LocalDate? ResumeOn { get; init; }
}

/// <summary>Billing started again after a pause.</summary>
public sealed record SubscriptionResumed : SubscriptionEvent;

/// <summary>A fixed term was renewed for more periods.</summary>
public sealed record SubscriptionRenewed : SubscriptionEvent
{
    /// <summary>Gets the schedule with its longer term.</summary>
    public required ScheduleTerms Schedule { get; init; }
}

/// <summary>The contract will close at the end of the current period.</summary>
public sealed record SubscriptionCloseScheduled : SubscriptionEvent
{
    /// <summary>Gets the first day no longer served.</summary>
    public required LocalDate CloseOn { get; init; }

    /// <summary>Gets the reason given.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who asked for it.</summary>
    public required ClosedBy ClosedBy { get; init; }
}

/// <summary>The contract closed; nothing more is billed after the effective date.</summary>
public sealed record SubscriptionClosed : SubscriptionEvent
{
    /// <summary>Gets the reason given.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who closed it.</summary>
    public required ClosedBy ClosedBy { get; init; }

    /// <summary>Gets the credits for the unused time already billed (empty when closed at a period's end).</summary>
    public required IReadOnlyList<ProrationItem> Prorations { get; init; }

    /// <summary>Gets when the prorations are billed.</summary>
    public required ProrationBehavior ProrationBehavior { get; init; }
}

/// <summary>A closed contract was reopened (a reactivation), billing from the effective date again.</summary>
public sealed record SubscriptionReopened : SubscriptionEvent
{
    /// <summary>Gets the prorated charge for the rest of the current period, when billed in advance.</summary>
    public required IReadOnlyList<ProrationItem> Prorations { get; init; }
}

/// <summary>The customer's contact details changed.</summary>
public sealed record ContactDetailsChanged : SubscriptionEvent
{
    /// <summary>Gets the new contact details.</summary>
    public required ContactDetails Contact { get; init; }
}

/// <summary>The saved payment method changed.</summary>
public sealed record PaymentMethodChanged : SubscriptionEvent
{
    /// <summary>Gets the new payment method, or null to send invoices instead.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }
}

/// <summary>A change was scheduled for a future date; the engine carries it out when the date comes.</summary>
public sealed record SubscriptionChangeScheduled : SubscriptionEvent
{
    /// <summary>Gets the scheduled change's id.</summary>
    public required string ChangeId { get; init; }

    /// <summary>Gets the change to carry out.</summary>
    public required SubscriptionChange Change { get; init; }
}

/// <summary>Every portal link issued so far for this subscription stops working (the document's token version went up).</summary>
public sealed record PortalLinksRevoked : SubscriptionEvent
{
    /// <summary>Gets the token version new links carry from now on.</summary>
    public required int TokenVersion { get; init; }
}

/// <summary>A scheduled change was cancelled before its date.</summary>
public sealed record SubscriptionChangeCancelled : SubscriptionEvent
{
    /// <summary>Gets the cancelled change's id.</summary>
    public required string ChangeId { get; init; }
}

/// <summary>What changed in a <see cref="SubscriptionLinesChanged"/> event.</summary>
public enum LineChangeKind
{
    /// <summary>A line's quantity changed.</summary>
    Quantity = 1,

    /// <summary>An optional product was added.</summary>
    OptionAdded = 2,

    /// <summary>An optional product was removed.</summary>
    OptionRemoved = 3,

    /// <summary>Staff set another unit price or discount.</summary>
    PriceOverride = 4,
}

/// <summary>Who closed a contract.</summary>
public enum ClosedBy
{
    /// <summary>The customer, through the portal.</summary>
    Customer = 1,

    /// <summary>A member of staff.</summary>
    Staff = 2,

    /// <summary>The engine, after payments kept failing.</summary>
    PaymentFailure = 3,

    /// <summary>The engine, at the end of a fixed term that does not renew.</summary>
    EndOfTerm = 4,
}
