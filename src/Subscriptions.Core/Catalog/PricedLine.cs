using System.Globalization;

namespace Subscriptions.Catalog;

/// <summary>
/// A line priced by a pricelist: the list price, the discount that stays visible, and the net unit price,
/// with the rule, pricelist and catalog version that priced it.
/// </summary>
/// <remarks>
/// <see cref="NetUnitPrice"/> is authoritative. <see cref="DiscountPercent"/> is
/// <c>(ListPrice − NetUnitPrice) / ListPrice × 100</c> rounded to 12 decimals when the net price is below the
/// list price, else 0 (and then the list price shown is the net price).
/// </remarks>
public readonly struct PricedLine
{
    internal PricedLine(string productId, string pricelistId, int? ruleId, int? catalogVersion, decimal quantity, UnitPrice listPrice, UnitPrice netUnitPrice)
    {
        ProductId = productId;
        PricelistId = pricelistId;
        RuleId = ruleId;
        CatalogVersion = catalogVersion;
        Quantity = quantity;
        ListPrice = listPrice;
        NetUnitPrice = netUnitPrice;
    }

    /// <summary>Gets the product.</summary>
    public string ProductId { get; }

    /// <summary>Gets the pricelist that priced the line.</summary>
    public string PricelistId { get; }

    /// <summary>Gets the rule that priced the line, or null when the list price applied.</summary>
    public int? RuleId { get; }

    /// <summary>Gets the catalog version whose list price was used, or null when the price came from the product itself.</summary>
    public int? CatalogVersion { get; }

    /// <summary>Gets the quantity, in the line's unit of measure.</summary>
    public decimal Quantity { get; }

    /// <summary>Gets the list price per unit, in the pricelist's currency and the line's unit of measure.</summary>
    public UnitPrice ListPrice { get; }

    /// <summary>Gets the net price per unit after the pricelist.</summary>
    public UnitPrice NetUnitPrice { get; }

    /// <summary>Gets the discount in percent that takes the list price to the net price.</summary>
    /// <remarks>Computed when read, so that pricing a line does not pay for the division.</remarks>
    public decimal DiscountPercent => ListPrice.Amount > 0m && NetUnitPrice.Amount < ListPrice.Amount
        ? decimal.Round((ListPrice.Amount - NetUnitPrice.Amount) / ListPrice.Amount * 100m, UnitPrice.MaxDecimals, MidpointRounding.AwayFromZero)
        : 0m;

    /// <summary>Gets the unrounded line subtotal: net unit price × quantity.</summary>
    public Money Subtotal => NetUnitPrice.Times(Quantity);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ProductId} x {Quantity}: list {ListPrice}, -{DiscountPercent:0.############}%, net {NetUnitPrice} ({PricelistId}{(RuleId is { } r ? $" rule {r}" : string.Empty)}{(CatalogVersion is { } v ? $", catalog v{v}" : string.Empty)})");
}
