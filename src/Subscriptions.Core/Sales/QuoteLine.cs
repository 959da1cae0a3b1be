using Subscriptions.Lifecycle;

namespace Subscriptions.Sales;

/// <summary>One line of a quote: a product, a quantity, the agreed price for one period (or once), and its taxes.</summary>
/// <param name="LineId">The line's id, unique within the quote; the subscription line keeps it.</param>
/// <param name="ProductId">The catalog product.</param>
/// <param name="Description">What the customer sees.</param>
/// <param name="Kind">Recurring (plan line), option, one-time or setup fee.</param>
/// <param name="Quantity">The quantity, above zero.</param>
/// <param name="UnitPrice">The unit price for one period, or once for one-time lines (after the pricelist, before the discount).</param>
/// <param name="DiscountPercent">The line discount, 0 to 100.</param>
/// <remarks>
/// <see cref="Untaxed"/>, <see cref="Tax"/> and <see cref="Total"/> are what the first invoice bills for the line: one
/// period of a recurring line, or the one-time amount. They are computed by the decider when the quote is drafted or
/// changes, with the taxes of <see cref="TaxIds"/> mapped by the quote's fiscal position.
/// </remarks>
public sealed record QuoteLine(
    string LineId,
    string ProductId,
    string Description,
    SubscriptionLineKind Kind,
    decimal Quantity,
    Money UnitPrice,
    decimal DiscountPercent = 0m)
{
    /// <summary>Gets the ids of the product's taxes, before the fiscal position maps them.</summary>
    public IReadOnlyList<int> TaxIds { get; init; } = [];

    /// <summary>Gets the untaxed amount the first invoice bills for the line, rounded to the minor unit.</summary>
    public Money Untaxed { get; init; }

    /// <summary>Gets the line's taxes on the first invoice.</summary>
    public Money Tax { get; init; }

    /// <summary>Gets the line's total with taxes on the first invoice.</summary>
    public Money Total { get; init; }

    /// <summary>Gets a value indicating whether the line bills every period (a plan line or an option).</summary>
    public bool IsRecurring => Kind is SubscriptionLineKind.Recurring or SubscriptionLineKind.Option;

    /// <summary>Returns the subscription line the confirmed contract gets: same id, product, kind, quantity, price and discount.</summary>
    /// <returns>The subscription line.</returns>
    public SubscriptionLine ToSubscriptionLine() => new(LineId, ProductId, Description, Kind, Quantity, UnitPrice, DiscountPercent);
}

/// <summary>An optional product the quote offers: the customer may add it before accepting.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Description">What the customer sees.</param>
/// <param name="Kind">Option (recurring) or one-time.</param>
/// <param name="UnitPrice">The unit price for one period, or once (after the pricelist).</param>
/// <param name="DiscountPercent">The discount, 0 to 100.</param>
public sealed record QuoteOption(string ProductId, string Description, SubscriptionLineKind Kind, Money UnitPrice, decimal DiscountPercent = 0m)
{
    /// <summary>Gets the ids of the product's taxes, before the fiscal position maps them.</summary>
    public IReadOnlyList<int> TaxIds { get; init; } = [];
}

/// <summary>The totals of a quote: what its first invoice bills (one period of every recurring line plus the one-time lines).</summary>
/// <param name="Untaxed">The untaxed amount.</param>
/// <param name="Tax">The taxes.</param>
/// <param name="Total">The total with taxes: what an online payment must cover.</param>
public readonly record struct QuoteTotals(Money Untaxed, Money Tax, Money Total);

/// <summary>An e-signature of one exact version of a quote.</summary>
/// <param name="SignerName">Who signed, as typed by the signer.</param>
/// <param name="SignedAt">When, from the engine's clock.</param>
/// <param name="ContentHash">The lowercase hex SHA-256 of the canonical content of the version signed (see <see cref="Quote.ContentHash"/>).</param>
/// <param name="ContentVersion">The content version signed.</param>
public sealed record QuoteSignature(string SignerName, NodaTime.Instant SignedAt, string ContentHash, long ContentVersion);

/// <summary>A payment confirmation from the host's payment gateway.</summary>
/// <param name="Reference">The gateway's payment reference.</param>
/// <param name="Amount">The amount paid; it must cover the quote's total.</param>
public sealed record QuotePayment(string Reference, Money Amount)
{
    /// <summary>Gets the payment method saved with the payment, for the subscription's renewals, or null.</summary>
    public Payments.PaymentMethodToken? PaymentMethod { get; init; }
}
