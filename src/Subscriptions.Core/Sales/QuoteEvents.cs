using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;

namespace Subscriptions.Sales;

/// <summary>Something that happened to a quote. Events are never changed or deleted; the quote is rebuilt by applying them in order.</summary>
/// <remarks>The envelope (id, version, instant, actor) is stamped by <see cref="QuoteDecider"/>.</remarks>
public abstract record QuoteEvent
{
    /// <summary>Gets the quote.</summary>
    public QuoteId QuoteId { get; init; }

    /// <summary>Gets the quote's version after this event (1 for the first event).</summary>
    public long Version { get; init; }

    /// <summary>Gets the instant the event was recorded.</summary>
    public Instant RecordedAt { get; init; }

    /// <summary>Gets who did it.</summary>
    public Actor By { get; init; }
}

/// <summary>A quote was drafted for a customer from a plan.</summary>
public sealed record QuoteDrafted : QuoteEvent
{
    /// <summary>Gets the customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>Gets the plan terms the subscription will run under.</summary>
    public required SubscriptionTerms Terms { get; init; }

    /// <summary>Gets what the customer does online to accept.</summary>
    public required OnlineConfirmation Confirmation { get; init; }

    /// <summary>Gets the schedule the subscription will start with.</summary>
    public required ScheduleTerms Schedule { get; init; }

    /// <summary>Gets the quote's currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the lines, with their taxes.</summary>
    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    /// <summary>Gets the optional products offered.</summary>
    public required IReadOnlyList<QuoteOption> Options { get; init; }

    /// <summary>Gets the totals.</summary>
    public required QuoteTotals Totals { get; init; }

    /// <summary>Gets the customer's contact details.</summary>
    public required ContactDetails Contact { get; init; }

    /// <summary>Gets the customer's IANA time zone.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Gets the last day the quote can be accepted, or null for no limit.</summary>
    public LocalDate? ValidUntil { get; init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; init; }

    /// <summary>Gets the notes shown to the customer, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the pricelist that priced the lines, or null.</summary>
    public string? PricelistId { get; init; }

    /// <summary>Gets the fiscal position that maps the taxes, or null.</summary>
    public string? FiscalPositionId { get; init; }

    /// <summary>Gets the payment method already known for the customer, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }
}

/// <summary>The quote was sent to the customer as a link.</summary>
public sealed record QuoteSent : QuoteEvent;

/// <summary>The customer added an optional product.</summary>
public sealed record QuoteOptionAdded : QuoteEvent
{
    /// <summary>Gets the new line.</summary>
    public required QuoteLine Line { get; init; }

    /// <summary>Gets every line after the change, with taxes recomputed.</summary>
    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    /// <summary>Gets the totals after the change.</summary>
    public required QuoteTotals Totals { get; init; }
}

/// <summary>Staff revised the quote's lines, validity or notes.</summary>
public sealed record QuoteRevised : QuoteEvent
{
    /// <summary>Gets the lines after the revision, with their taxes.</summary>
    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    /// <summary>Gets the totals after the revision.</summary>
    public required QuoteTotals Totals { get; init; }

    /// <summary>Gets the last day the quote can be accepted after the revision, or null for no limit.</summary>
    public LocalDate? ValidUntil { get; init; }

    /// <summary>Gets the notes after the revision, or null.</summary>
    public string? Notes { get; init; }
}

/// <summary>The customer signed the current version of the quote.</summary>
public sealed record QuoteSigned : QuoteEvent
{
    /// <summary>Gets the signature.</summary>
    public required QuoteSignature Signature { get; init; }
}

/// <summary>The customer paid online.</summary>
public sealed record QuotePaid : QuoteEvent
{
    /// <summary>Gets the payment.</summary>
    public required QuotePayment Payment { get; init; }
}

/// <summary>The quote was confirmed and became a subscription, in the same commit.</summary>
public sealed record QuoteConfirmed : QuoteEvent
{
    /// <summary>Gets the subscription created.</summary>
    public required SubscriptionId SubscriptionId { get; init; }
}

/// <summary>Staff cancelled the quote.</summary>
public sealed record QuoteCancelled : QuoteEvent
{
    /// <summary>Gets why.</summary>
    public required string Reason { get; init; }
}

/// <summary>Every link issued so far for the quote was revoked.</summary>
public sealed record QuoteLinksRevoked : QuoteEvent
{
    /// <summary>Gets the token version links must now carry.</summary>
    public required int TokenVersion { get; init; }
}
