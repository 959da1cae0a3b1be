using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Scheduling;

namespace Subscriptions.Sales;

/// <summary>What staff ask for when drafting a quote from a plan; the engine prices the plan's lines and options from the catalog.</summary>
public sealed record QuoteRequest
{
    /// <summary>Gets the customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>Gets the plan (the quote template): its default lines become the quote's lines, its optional lines its options.</summary>
    public required string PlanId { get; init; }

    /// <summary>Gets the quote's currency; every price must be in it.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the customer's contact details.</summary>
    public required ContactDetails Contact { get; init; }

    /// <summary>Gets the customer's IANA time zone, in which the validity and dates are counted.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Gets the first day of the subscription, or null for the day the quote is drafted.</summary>
    public LocalDate? StartDate { get; init; }

    /// <summary>Gets the last day the quote can be accepted, or null for today plus the plan's <see cref="Plan.QuoteValidityDays"/>.</summary>
    public LocalDate? ValidUntil { get; init; }

    /// <summary>Gets the billing day of the month (1-31), or 0 for the anniversary of the start.</summary>
    /// <value>The default value is 0.</value>
    public int BillingDay { get; init; }

    /// <summary>Gets whether the subscription bills in advance or in arrears.</summary>
    /// <value>The default value is <see cref="BillingTiming.InAdvance"/>.</value>
    public BillingTiming Timing { get; init; } = BillingTiming.InAdvance;

    /// <summary>Gets the pricelist that prices the lines, or null for the catalog's list prices.</summary>
    public string? PricelistId { get; init; }

    /// <summary>Gets the customer's fiscal position, which maps the products' taxes, or null.</summary>
    public string? FiscalPositionId { get; init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; init; }

    /// <summary>Gets notes shown to the customer, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets a payment method already known for the customer, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }
}

/// <summary>What a customer sees through a quote link.</summary>
public sealed record QuoteView
{
    /// <summary>Gets the quote's id.</summary>
    public required QuoteId Id { get; init; }

    /// <summary>Gets the status.</summary>
    public required QuoteStatus Status { get; init; }

    /// <summary>Gets a value indicating whether the quote is past its validity.</summary>
    public required bool IsExpired { get; init; }

    /// <summary>Gets the plan's name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Gets how often the subscription renews.</summary>
    public required Recurrence Recurrence { get; init; }

    /// <summary>Gets the first day of the subscription.</summary>
    public required LocalDate StartDate { get; init; }

    /// <summary>Gets the last day the quote can be accepted, or null.</summary>
    public LocalDate? ValidUntil { get; init; }

    /// <summary>Gets the lines with their taxes.</summary>
    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    /// <summary>Gets the optional products the customer may still add.</summary>
    public required IReadOnlyList<QuoteOption> AvailableOptions { get; init; }

    /// <summary>Gets the totals of the first invoice: what a payment must cover.</summary>
    public required QuoteTotals Totals { get; init; }

    /// <summary>Gets what the customer does online to accept.</summary>
    public required OnlineConfirmation Confirmation { get; init; }

    /// <summary>Gets the signature of the current version, or null.</summary>
    public QuoteSignature? Signature { get; init; }

    /// <summary>Gets the hash of the version shown; pass it as <see cref="AcceptQuote.ExpectedContentHash"/> to accept exactly this version.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Gets the customer's contact details.</summary>
    public required ContactDetails Contact { get; init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; init; }

    /// <summary>Gets the notes, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the subscription the quote became, or null.</summary>
    public SubscriptionId? SubscriptionId { get; init; }
}
