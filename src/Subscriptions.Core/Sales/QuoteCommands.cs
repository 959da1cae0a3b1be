using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Taxes;

namespace Subscriptions.Sales;

/// <summary>A request to change a quote; <see cref="QuoteDecider"/> turns it into events or refuses it with a typed error.</summary>
public abstract record QuoteCommand;

/// <summary>Drafts a quote from priced lines (staff; the engine prices them from the catalog in <c>DraftQuoteAsync</c>).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Terms">The plan terms the subscription will run under.</param>
/// <param name="Confirmation">What the customer does online to accept.</param>
/// <param name="Schedule">The schedule the subscription will start with (its start is the quote's start date).</param>
/// <param name="Currency">The quote's currency.</param>
/// <param name="Lines">The lines: at least one recurring line.</param>
/// <param name="Options">The optional products offered.</param>
/// <param name="Contact">The customer's contact details.</param>
/// <param name="TimeZoneId">The customer's IANA time zone, in which validity and dates are counted.</param>
public sealed record DraftQuote(
    CustomerId CustomerId,
    SubscriptionTerms Terms,
    OnlineConfirmation Confirmation,
    ScheduleTerms Schedule,
    Currency Currency,
    IReadOnlyList<QuoteLine> Lines,
    IReadOnlyList<QuoteOption> Options,
    ContactDetails Contact,
    string TimeZoneId) : QuoteCommand
{
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

    /// <summary>Gets a payment method already known for the customer, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }
}

/// <summary>Marks the quote as sent to the customer (staff); sending it again records nothing.</summary>
public sealed record SendQuote : QuoteCommand;

/// <summary>Adds one of the quote's optional products as a line (the customer through the link, or staff).</summary>
/// <param name="ProductId">The optional product.</param>
/// <param name="Quantity">The quantity, above zero.</param>
public sealed record AddQuoteOption(string ProductId, decimal Quantity = 1m) : QuoteCommand;

/// <summary>Accepts the quote online with an e-signature and/or a payment, as the plan asks.</summary>
/// <param name="SignerName">The signer's name, or null when not signing.</param>
/// <param name="Payment">The payment confirmation from the host's gateway, or null when not paying.</param>
/// <remarks>
/// When everything the plan asks for is given (a signature of the current version, a payment covering the total), the
/// quote is confirmed. A plan that asks for both accepts a signature alone and waits for the payment; a quote changed
/// after signing needs a new signature.
/// </remarks>
public sealed record AcceptQuote(string? SignerName, QuotePayment? Payment = null) : QuoteCommand
{
    /// <summary>Gets the <see cref="Quote.ContentHash"/> of the version the customer viewed, or null not to check it.</summary>
    public string? ExpectedContentHash { get; init; }
}

/// <summary>Revises the lines of a quote, and optionally its validity or notes (staff only); an earlier signature no longer matches it.</summary>
/// <param name="Lines">The new lines: at least one recurring line.</param>
/// <remarks>An expired quote may be revised, with a new <see cref="ValidUntil"/>, to offer it again.</remarks>
public sealed record ReviseQuote(IReadOnlyList<QuoteLine> Lines) : QuoteCommand
{
    /// <summary>Gets the new last day the quote can be accepted, or null to keep the current one.</summary>
    public LocalDate? ValidUntil { get; init; }

    /// <summary>Gets the new notes, or null to keep the current ones.</summary>
    public string? Notes { get; init; }
}

/// <summary>Confirms the quote without an online acceptance (staff only).</summary>
public sealed record ConfirmQuote : QuoteCommand
{
    /// <summary>Gets the id to give the subscription, or null for the quote's <see cref="QuoteId.SubscriptionId"/>.</summary>
    public SubscriptionId? SubscriptionId { get; init; }
}

/// <summary>Cancels the quote (staff only).</summary>
/// <param name="Reason">Why.</param>
public sealed record CancelQuote(string Reason) : QuoteCommand;

/// <summary>Revokes every link issued so far for the quote (staff only).</summary>
public sealed record RevokeQuoteLinks : QuoteCommand;

/// <summary>Who runs a quote command, when, and the tax settings that compute totals.</summary>
/// <param name="By">Who runs it.</param>
/// <param name="Now">The current instant (from the engine's clock).</param>
public sealed record QuoteContext(Actor By, Instant Now)
{
    /// <summary>Gets the tax configuration, or null to quote without taxes.</summary>
    public TaxConfiguration? Taxes { get; init; }
}
