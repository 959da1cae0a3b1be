using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Scheduling;

namespace Subscriptions.Sales;

/// <summary>Where a quote is in its life.</summary>
/// <remarks>Expiry is not a status: a quote is expired when the customer's today is after <see cref="Quote.ValidUntil"/>.</remarks>
public enum QuoteStatus
{
    /// <summary>Not drafted: no event yet.</summary>
    None = 0,

    /// <summary>Drafted, not sent yet.</summary>
    Draft = 1,

    /// <summary>Sent to the customer as a link.</summary>
    Sent = 2,

    /// <summary>Confirmed: it became a subscription.</summary>
    Confirmed = 3,

    /// <summary>Cancelled by staff.</summary>
    Cancelled = 4,
}

/// <summary>
/// A quote, rebuilt from its events: an offer to a customer from a plan, with priced and taxed lines, optional
/// products, a validity, and how it is accepted. It is an immutable value: <see cref="Apply"/> returns a new state, and
/// <see cref="QuoteDecider"/> decides the events of a command from it.
/// </summary>
public sealed record Quote
{
    /// <summary>Gets the state before any event.</summary>
    public static Quote Empty { get; } = new();

    /// <summary>Gets the quote's id.</summary>
    public QuoteId Id { get; private init; }

    /// <summary>Gets the number of events applied (the stream version).</summary>
    public long Version { get; private init; }

    /// <summary>Gets the version of the last event that changed what the customer signs (drafted, option added, revised).</summary>
    public long ContentVersion { get; private init; }

    /// <summary>Gets the status.</summary>
    public QuoteStatus Status { get; private init; }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; private init; }

    /// <summary>Gets the plan terms, or null before the draft.</summary>
    public SubscriptionTerms? Terms { get; private init; }

    /// <summary>Gets what the customer does online to accept.</summary>
    public OnlineConfirmation Confirmation { get; private init; }

    /// <summary>Gets the schedule the subscription will start with, or null before the draft.</summary>
    public ScheduleTerms? Schedule { get; private init; }

    /// <summary>Gets the quote's currency.</summary>
    public Currency Currency { get; private init; }

    /// <summary>Gets the lines, with their taxes.</summary>
    public IReadOnlyList<QuoteLine> Lines { get; private init; } = [];

    /// <summary>Gets the optional products offered.</summary>
    public IReadOnlyList<QuoteOption> Options { get; private init; } = [];

    /// <summary>Gets the totals of the first invoice.</summary>
    public QuoteTotals Totals { get; private init; }

    /// <summary>Gets the customer's contact details, or null before the draft.</summary>
    public ContactDetails? Contact { get; private init; }

    /// <summary>Gets the customer's IANA time zone id.</summary>
    public string TimeZoneId { get; private init; } = "UTC";

    /// <summary>Gets the last day the quote can be accepted, or null for no limit.</summary>
    public LocalDate? ValidUntil { get; private init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; private init; }

    /// <summary>Gets the notes, or null.</summary>
    public string? Notes { get; private init; }

    /// <summary>Gets the pricelist, or null.</summary>
    public string? PricelistId { get; private init; }

    /// <summary>Gets the fiscal position, or null.</summary>
    public string? FiscalPositionId { get; private init; }

    /// <summary>Gets the payment method known when drafting, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; private init; }

    /// <summary>Gets the last signature, or null; it may be for an older version (see <see cref="HasValidSignature"/>).</summary>
    public QuoteSignature? Signature { get; private init; }

    /// <summary>Gets the online payment, or null.</summary>
    public QuotePayment? Payment { get; private init; }

    /// <summary>Gets the subscription created by the confirmation, or null.</summary>
    public SubscriptionId? SubscriptionId { get; private init; }

    /// <summary>Gets the cancellation reason, or null.</summary>
    public string? CancelReason { get; private init; }

    /// <summary>Gets the version that portal links must carry; links of an older version are revoked.</summary>
    public int PortalTokenVersion { get; private init; }

    /// <summary>Gets the customer's time zone.</summary>
    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    /// <summary>Gets a value indicating whether the last signature is of the current content version and its hash.</summary>
    public bool HasValidSignature => Signature is { } s && s.ContentVersion == ContentVersion && s.ContentHash == ContentHash;

    /// <summary>Gets the lowercase hex SHA-256 of the quote's canonical content and <see cref="ContentVersion"/>: what a signature binds to.</summary>
    /// <remarks>
    /// The canonical form is compact JSON with a fixed member order, invariant formatting and decimals without trailing
    /// zeros: the id, customer, plan terms, schedule, currency, lines (prices, quantities, discounts, taxes), options,
    /// totals, validity, pricelist, fiscal position, notes, contact, time zone and the content version. Any change the
    /// customer could see gives another hash; sending, revoking links or signing do not change it.
    /// </remarks>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(CanonicalContent()));

    /// <summary>Returns whether the quote is past its validity on the customer's today.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>True when expired.</returns>
    public bool IsExpiredAt(Instant now) => ValidUntil is { } until && BillingDay.Of(now, TimeZone) > until;

    /// <summary>Rebuilds a quote from its events, in order.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="events"/> or an event is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an event's version is not the next one.</exception>
    public static Quote Replay(IEnumerable<QuoteEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = Empty;
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        return state;
    }

    /// <summary>Returns the state after one more event.</summary>
    /// <param name="e">The event, whose version must be <see cref="Version"/> + 1.</param>
    /// <returns>The new state.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="e"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the event's version is not the next one, or it belongs to another quote.</exception>
    public Quote Apply(QuoteEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Version != Version + 1)
        {
            throw new ArgumentException($"Event version {e.Version} does not follow version {Version}.", nameof(e));
        }

        if (Version > 0 && e.QuoteId != Id)
        {
            throw new ArgumentException($"Event of quote {e.QuoteId} applied to {Id}.", nameof(e));
        }

        return e switch
        {
            QuoteDrafted d => this with
            {
                Id = d.QuoteId,
                Version = d.Version,
                ContentVersion = d.Version,
                Status = QuoteStatus.Draft,
                CustomerId = d.CustomerId,
                Terms = d.Terms,
                Confirmation = d.Confirmation,
                Schedule = d.Schedule,
                Currency = d.Currency,
                Lines = d.Lines,
                Options = d.Options,
                Totals = d.Totals,
                Contact = d.Contact,
                TimeZoneId = d.TimeZoneId,
                ValidUntil = d.ValidUntil,
                Salesperson = d.Salesperson,
                Notes = d.Notes,
                PricelistId = d.PricelistId,
                FiscalPositionId = d.FiscalPositionId,
                PaymentMethod = d.PaymentMethod,
            },
            QuoteSent => this with { Version = e.Version, Status = QuoteStatus.Sent },
            QuoteOptionAdded a => this with { Version = e.Version, ContentVersion = e.Version, Lines = a.Lines, Totals = a.Totals },
            QuoteRevised r => this with { Version = e.Version, ContentVersion = e.Version, Lines = r.Lines, Totals = r.Totals, ValidUntil = r.ValidUntil, Notes = r.Notes },
            QuoteSigned s => this with { Version = e.Version, Signature = s.Signature },
            QuotePaid p => this with { Version = e.Version, Payment = p.Payment },
            QuoteConfirmed c => this with { Version = e.Version, Status = QuoteStatus.Confirmed, SubscriptionId = c.SubscriptionId },
            QuoteCancelled c => this with { Version = e.Version, Status = QuoteStatus.Cancelled, CancelReason = c.Reason },
            QuoteLinksRevoked r => this with { Version = e.Version, PortalTokenVersion = r.TokenVersion },
            _ => throw new ArgumentException($"Unknown quote event {e.GetType().Name}.", nameof(e)),
        };
    }

    /// <summary>Returns the command that starts the subscription of this quote: its plan terms, schedule, lines, prices and payment method.</summary>
    /// <returns>The command; its lines are the quote's lines, one-time lines included (billed once, on the first invoice).</returns>
    /// <exception cref="QuoteRuleException">Thrown when the quote does not exist.</exception>
    public StartSubscription ToStartSubscription()
    {
        if (Status == QuoteStatus.None || Terms is null || Schedule is null || Contact is null)
        {
            throw new QuoteRuleException(QuoteRuleException.NotFoundCode, "The quote does not exist.");
        }

        return new StartSubscription(CustomerId, Terms, Schedule, Currency, [.. Lines.Select(l => l.ToSubscriptionLine())], Contact, TimeZoneId)
        {
            QuoteId = Id.Value,
            PaymentMethod = Payment?.PaymentMethod ?? PaymentMethod,
            Salesperson = Salesperson,
            PricelistId = PricelistId,
            FiscalPositionId = FiscalPositionId,
        };
    }

    private byte[] CanonicalContent()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", Id.Value);
            w.WriteString("customer", CustomerId.Value);
            if (Terms is { } t)
            {
                w.WriteString("plan", t.PlanId);
                w.WriteString("planName", t.PlanName);
                w.WriteString("recurrence", t.Recurrence.ToString());
                w.WriteString("access", t.CustomerAccess.ToString());
                w.WriteBoolean("customerMayClose", t.CustomerMayClose);
                w.WriteString("invoicing", t.InvoicingMode.ToString());
            }

            w.WriteString("confirmation", Confirmation.ToString());
            if (Schedule is { } s)
            {
                w.WriteString("start", Date(s.Start));
                w.WriteNumber("billingDay", s.BillingDay);
                w.WriteString("timing", s.Timing.ToString());
                w.WriteString("term", s.TermPeriods?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                w.WriteBoolean("autoRenew", s.AutoRenew);
            }

            w.WriteString("currency", Currency.Code);
            w.WriteStartArray("lines");
            foreach (var line in Lines)
            {
                w.WriteStartArray();
                w.WriteStringValue(line.LineId);
                w.WriteStringValue(line.ProductId);
                w.WriteStringValue(line.Description);
                w.WriteStringValue(line.Kind.ToString());
                w.WriteStringValue(Number(line.Quantity));
                w.WriteStringValue(Number(line.UnitPrice.Amount));
                w.WriteStringValue(Number(line.DiscountPercent));
                w.WriteStringValue(Number(line.Untaxed.Amount));
                w.WriteStringValue(Number(line.Tax.Amount));
                w.WriteStringValue(Number(line.Total.Amount));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("options");
            foreach (var option in Options)
            {
                w.WriteStartArray();
                w.WriteStringValue(option.ProductId);
                w.WriteStringValue(option.Description);
                w.WriteStringValue(option.Kind.ToString());
                w.WriteStringValue(Number(option.UnitPrice.Amount));
                w.WriteStringValue(Number(option.DiscountPercent));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("untaxed", Number(Totals.Untaxed.Amount));
            w.WriteString("tax", Number(Totals.Tax.Amount));
            w.WriteString("total", Number(Totals.Total.Amount));
            w.WriteString("validUntil", ValidUntil is { } until ? Date(until) : string.Empty);
            w.WriteString("pricelist", PricelistId ?? string.Empty);
            w.WriteString("fiscalPosition", FiscalPositionId ?? string.Empty);
            w.WriteString("notes", Notes ?? string.Empty);
            w.WriteString("contact", Contact?.ToString() ?? string.Empty);
            w.WriteString("timeZone", TimeZoneId);
            w.WriteNumber("contentVersion", ContentVersion);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();

        static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
        static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
    }
}
