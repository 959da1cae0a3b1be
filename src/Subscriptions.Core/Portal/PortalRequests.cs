using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Scheduling;

namespace Subscriptions.Portal;

/// <summary>
/// A self-service request a customer makes through a portal link. The engine checks the link and the plan's access
/// level, prices what needs a price from the catalog, and runs it as a subscription command.
/// </summary>
public abstract record PortalRequest;

/// <summary>Adds one of the plan's optional products.</summary>
/// <param name="ProductId">The optional product.</param>
/// <param name="Quantity">The quantity, above zero.</param>
public sealed record AddOptionRequest(string ProductId, decimal Quantity = 1m) : PortalRequest;

/// <summary>Removes an option the customer has.</summary>
/// <param name="LineId">The option's line.</param>
public sealed record RemoveOptionRequest(string LineId) : PortalRequest;

/// <summary>Changes the quantity of a line (seats, units).</summary>
/// <param name="LineId">The line.</param>
/// <param name="Quantity">The new quantity, above zero.</param>
public sealed record ChangeQuantityRequest(string LineId, decimal Quantity) : PortalRequest;

/// <summary>Moves to another plan (an upgrade or, where allowed, a downgrade).</summary>
/// <param name="PlanId">The new plan.</param>
public sealed record ChangePlanRequest(string PlanId) : PortalRequest;

/// <summary>Closes the contract with one of the configured reasons.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="AtPeriodEnd">Close at the end of the period already paid for (the default), or now with a credit.</param>
public sealed record CloseRequest(string Reason, bool AtPeriodEnd = true) : PortalRequest;

/// <summary>Changes the contact details and billing address.</summary>
/// <param name="Contact">The new details.</param>
public sealed record ChangeContactRequest(ContactDetails Contact) : PortalRequest;

/// <summary>Changes the saved payment method (a token from the payment gateway's own form).</summary>
/// <param name="PaymentMethod">The new method.</param>
public sealed record ChangePaymentMethodRequest(PaymentMethodToken PaymentMethod) : PortalRequest;

/// <summary>One line as the customer sees it in the portal.</summary>
/// <param name="LineId">The line's id.</param>
/// <param name="Description">The product's name.</param>
/// <param name="Kind">Recurring, option, one-time or setup fee.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="UnitPrice">The unit price for one period.</param>
/// <param name="DiscountPercent">The discount.</param>
/// <param name="PeriodAmount">The amount of one period, rounded.</param>
public sealed record PortalLine(string LineId, string Description, SubscriptionLineKind Kind, decimal Quantity, Money UnitPrice, decimal DiscountPercent, Money PeriodAmount);

/// <summary>An optional product the customer may still add.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Name">Its name.</param>
/// <param name="UnitPrice">Its price for one period of the contract's recurrence.</param>
public sealed record PortalOption(string ProductId, string Name, Money UnitPrice);

/// <summary>What a customer sees of a subscription in the portal.</summary>
public sealed record SubscriptionOverview
{
    /// <summary>Gets the subscription.</summary>
    public required SubscriptionId Id { get; init; }

    /// <summary>Gets the status.</summary>
    public required SubscriptionStatus Status { get; init; }

    /// <summary>Gets the plan's name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Gets how often it renews.</summary>
    public required Recurrence Recurrence { get; init; }

    /// <summary>Gets the next invoice date, or null when nothing more will be billed.</summary>
    public LocalDate? NextInvoiceDate { get; init; }

    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<PortalLine> Lines { get; init; }

    /// <summary>Gets the optional products the customer may add (empty when the plan allows no change).</summary>
    public required IReadOnlyList<PortalOption> AvailableOptions { get; init; }

    /// <summary>Gets the contact details and billing address.</summary>
    public required ContactDetails Contact { get; init; }

    /// <summary>Gets the saved payment method as the customer may see it, or null when invoices are sent.</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>Gets what the customer may change alone.</summary>
    public required CustomerAccessLevel CustomerAccess { get; init; }

    /// <summary>Gets a value indicating whether the customer may close the contract alone.</summary>
    public required bool CustomerMayClose { get; init; }

    /// <summary>Gets the reasons to choose from when closing.</summary>
    public required IReadOnlyList<string> CloseReasons { get; init; }

    /// <summary>Gets the day a requested close takes effect, or null.</summary>
    public LocalDate? CloseScheduledOn { get; init; }
}
