using System.Text.Json.Serialization;
using Subscriptions.Serialization;

namespace Subscriptions.Lifecycle;

/// <summary>What a subscription line bills.</summary>
public enum SubscriptionLineKind
{
    /// <summary>A recurring line of the plan, billed every period.</summary>
    Recurring = 1,

    /// <summary>A recurring optional product the customer added, billed every period.</summary>
    Option = 2,

    /// <summary>A one-time product, billed once on the first invoice.</summary>
    OneTime = 3,

    /// <summary>A setup fee, billed once on the first invoice.</summary>
    SetupFee = 4,
}

/// <summary>One line of a subscription: a product, a quantity and the price agreed for one period.</summary>
/// <param name="LineId">The line's id, unique within the subscription.</param>
/// <param name="ProductId">The catalog product.</param>
/// <param name="Description">What the customer sees on the invoice.</param>
/// <param name="Kind">Recurring, option, one-time or setup fee.</param>
/// <param name="Quantity">The quantity, above zero.</param>
/// <param name="UnitPrice">The agreed unit price for one period (after pricelist, before the line discount).</param>
/// <param name="DiscountPercent">The line discount, 0 to 100, kept visible on invoices.</param>
/// <remarks>The price is the one agreed when the line was added or last changed: catalog price changes do not reach it unless a change says so.</remarks>
[JsonConverter(typeof(SubscriptionLineJsonConverter))]
public sealed record SubscriptionLine(
    string LineId,
    string ProductId,
    string Description,
    SubscriptionLineKind Kind,
    decimal Quantity,
    Money UnitPrice,
    decimal DiscountPercent = 0m)
{
    /// <summary>Gets a value indicating whether the line bills every period (a plan line or an option).</summary>
    public bool IsRecurring => Kind is SubscriptionLineKind.Recurring or SubscriptionLineKind.Option;

    /// <summary>Gets the exact (unrounded) amount of one period: quantity × unit price × (1 − discount).</summary>
    public Money PeriodAmount => UnitPrice * Quantity * (1m - (DiscountPercent / 100m));

    /// <summary>Gets the amount of one period rounded half-up to the currency's minor unit, as an invoice bills it.</summary>
    public Money RoundedPeriodAmount => PeriodAmount.Round(MidpointRounding.AwayFromZero);

    internal void Validate(Currency currency, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LineId, paramName);
        ArgumentException.ThrowIfNullOrWhiteSpace(ProductId, paramName);
        ArgumentNullException.ThrowIfNull(Description, paramName);
        if (Kind is < SubscriptionLineKind.Recurring or > SubscriptionLineKind.SetupFee)
        {
            throw new ArgumentOutOfRangeException(paramName, Kind, $"Line '{LineId}': use the kind Recurring, Option, OneTime or SetupFee.");
        }

        if (Quantity <= 0m)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.InvalidQuantityCode, $"Line '{LineId}' needs a quantity above zero, not {Quantity}.");
        }

        if (UnitPrice.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, UnitPrice.Currency);
        }

        if (UnitPrice.IsNegative)
        {
            throw new ArgumentOutOfRangeException(paramName, UnitPrice, $"Line '{LineId}': a unit price cannot be negative; use a discount or a credit note.");
        }

        if (DiscountPercent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(paramName, DiscountPercent, $"Line '{LineId}': a discount is 0 to 100 percent.");
        }
    }
}
