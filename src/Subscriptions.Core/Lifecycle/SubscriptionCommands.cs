using System.Text.Json.Serialization;
using NodaTime;
using Subscriptions.Payments;

namespace Subscriptions.Lifecycle;

/// <summary>A request to change a subscription; the decider turns it into events or refuses it with a typed error.</summary>
public abstract record SubscriptionCommand
{
    /// <summary>Gets the date the change takes effect in the customer's time zone, or null for today. A later date schedules the change.</summary>
    public LocalDate? EffectiveDate { get; init; }
}

/// <summary>A change that can be dated in the future and carried out by the engine when its date comes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$change")]
[JsonDerivedType(typeof(ChangeQuantity), "quantity")]
[JsonDerivedType(typeof(AddOption), "add_option")]
[JsonDerivedType(typeof(RemoveOption), "remove_option")]
[JsonDerivedType(typeof(OverridePrice), "override_price")]
[JsonDerivedType(typeof(ChangePlan), "change_plan")]
[JsonDerivedType(typeof(PauseSubscription), "pause")]
[JsonDerivedType(typeof(CloseSubscription), "close")]
public abstract record SubscriptionChange : SubscriptionCommand;

/// <summary>Starts a subscription (done by the engine when a quote is confirmed).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Terms">The plan terms.</param>
/// <param name="Schedule">The schedule; its start is the effective date.</param>
/// <param name="Currency">The contract's currency.</param>
/// <param name="Lines">The lines: at least one recurring line.</param>
/// <param name="Contact">The customer's contact details.</param>
/// <param name="TimeZoneId">The customer's IANA time zone.</param>
public sealed record StartSubscription(
    CustomerId CustomerId,
    SubscriptionTerms Terms,
    ScheduleTerms Schedule,
    Currency Currency,
    IReadOnlyList<SubscriptionLine> Lines,
    ContactDetails Contact,
    string TimeZoneId) : SubscriptionCommand
{
    /// <summary>Gets the quote it comes from, or null.</summary>
    public string? QuoteId { get; init; }

    /// <summary>Gets the saved payment method, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; init; }

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; init; }

    /// <summary>Gets the pricelist, or null.</summary>
    public string? PricelistId { get; init; }

    /// <summary>Gets the fiscal position, or null.</summary>
    public string? FiscalPositionId { get; init; }
}

/// <summary>Sets the quantity of a recurring line.</summary>
/// <param name="LineId">The line.</param>
/// <param name="Quantity">The new quantity, above zero.</param>
public sealed record ChangeQuantity(string LineId, decimal Quantity) : SubscriptionChange;

/// <summary>Adds an optional product as a new recurring line.</summary>
/// <param name="Line">The priced line, of kind <see cref="SubscriptionLineKind.Option"/>.</param>
public sealed record AddOption(SubscriptionLine Line) : SubscriptionChange;

/// <summary>Removes an optional product.</summary>
/// <param name="LineId">The option's line.</param>
public sealed record RemoveOption(string LineId) : SubscriptionChange;

/// <summary>Sets another unit price or discount on a line (staff only).</summary>
/// <param name="LineId">The line.</param>
/// <param name="UnitPrice">The new unit price for one period.</param>
/// <param name="DiscountPercent">The new discount, 0 to 100.</param>
public sealed record OverridePrice(string LineId, Money UnitPrice, decimal DiscountPercent) : SubscriptionChange;

/// <summary>Moves the subscription to another plan (an upgrade or a downgrade), possibly with another recurrence.</summary>
/// <param name="Terms">The new plan's terms.</param>
/// <param name="Lines">The new recurring lines, priced.</param>
public sealed record ChangePlan(SubscriptionTerms Terms, IReadOnlyList<SubscriptionLine> Lines) : SubscriptionChange;

/// <summary>Pauses billing (staff only).</summary>
/// <param name="ResumeOn">The day it resumes by itself, or null to resume by hand.</param>
public sealed record PauseSubscription(LocalDate? ResumeOn = null) : SubscriptionChange;

/// <summary>Closes the contract now or at the end of the current period.</summary>
/// <param name="Reason">The reason: for a customer, one of the configured close reasons.</param>
/// <param name="AtPeriodEnd">Close at the end of the period already paid for (no credit), or now (credit the unused time).</param>
public sealed record CloseSubscription(string Reason, bool AtPeriodEnd) : SubscriptionChange;

/// <summary>Resumes billing after a pause (staff or the engine).</summary>
public sealed record ResumeSubscription : SubscriptionCommand;

/// <summary>Renews a fixed term for more periods (staff or the engine).</summary>
/// <param name="Periods">How many periods to add, at least 1.</param>
public sealed record RenewSubscription(int Periods) : SubscriptionCommand;

/// <summary>Reopens a closed contract (a reactivation; staff only).</summary>
public sealed record ReopenSubscription : SubscriptionCommand;

/// <summary>Changes the customer's contact details.</summary>
/// <param name="Contact">The new details.</param>
public sealed record ChangeContactDetails(ContactDetails Contact) : SubscriptionCommand;

/// <summary>Changes the saved payment method.</summary>
/// <param name="PaymentMethod">The new method, or null to send invoices instead.</param>
public sealed record ChangePaymentMethod(PaymentMethodToken? PaymentMethod) : SubscriptionCommand;

/// <summary>Revokes every portal link issued so far for the subscription (staff only).</summary>
public sealed record RevokePortalLinks : SubscriptionCommand;

/// <summary>Cancels a change scheduled for a future date.</summary>
/// <param name="ChangeId">The scheduled change.</param>
public sealed record CancelScheduledChange(string ChangeId) : SubscriptionCommand;

/// <summary>Who runs a command, when, and under which house settings.</summary>
/// <param name="By">Who runs it.</param>
/// <param name="Now">The current instant (from the engine's clock).</param>
/// <param name="CloseReasons">The configured close reasons a customer chooses from.</param>
public sealed record CommandContext(Actor By, Instant Now, IReadOnlyCollection<string> CloseReasons)
{
    /// <summary>Gets when prorations are billed.</summary>
    /// <value>The default value is <see cref="Scheduling.ProrationBehavior.NextInvoice"/>.</value>
    public Scheduling.ProrationBehavior ProrationBehavior { get; init; } = Scheduling.ProrationBehavior.NextInvoice;

    /// <summary>Gets how prorations are measured.</summary>
    /// <value>The default value is <see cref="Scheduling.ProrationMethod.ByDay"/>.</value>
    public Scheduling.ProrationMethod ProrationMethod { get; init; } = Scheduling.ProrationMethod.ByDay;

    /// <summary>Gets the id of the scheduled change being carried out, or null for a fresh command.</summary>
    public string? ScheduledChangeId { get; init; }

    /// <summary>Gets the id to give a change this command schedules.</summary>
    public string? NewChangeId { get; init; }
}
