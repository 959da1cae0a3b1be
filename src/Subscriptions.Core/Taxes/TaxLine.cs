namespace Subscriptions.Taxes;

/// <summary>One line to tax: a unit price, a quantity, a discount in percent and the compiled taxes.</summary>
/// <remarks>
/// <para>
/// The discount is applied to the unit price before any tax: <c>price × (1 − discount/100)</c>, then
/// multiplied by the quantity. A negative price gives the exact mirror of the positive computation.
/// </para>
/// <para>
/// A negative quantity is accepted only on a refund (credit note) line, <see cref="IsRefund"/>; the refund of
/// a line (<see cref="ToRefund"/>) has the opposite quantity, so every amount has the opposite sign and the
/// same magnitude. <c>default(TaxLine)</c> has no taxes and is rejected by the computations.
/// </para>
/// </remarks>
public readonly struct TaxLine
{
    /// <summary>Initializes a new instance of the <see cref="TaxLine"/> struct.</summary>
    /// <param name="priceUnit">The unit price (tax included for price-included taxes), any sign.</param>
    /// <param name="quantity">The quantity; negative only on a refund line.</param>
    /// <param name="taxes">The compiled taxes of the line.</param>
    /// <param name="discountPercent">The discount in percent applied to the unit price, 0 to 100.</param>
    /// <param name="isRefund">Whether the line is a refund (credit note) line, which may carry a negative quantity.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="discountPercent"/> is outside [0, 100].</exception>
    /// <exception cref="NegativeQuantityException">Thrown when <paramref name="quantity"/> is negative and the line is not a refund.</exception>
    public TaxLine(decimal priceUnit, decimal quantity, TaxSet taxes, decimal discountPercent = 0m, bool isRefund = false)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        if (discountPercent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(discountPercent), discountPercent, "A discount is a percentage between 0 and 100.");
        }

        if (quantity < 0m && !isRefund)
        {
            throw new NegativeQuantityException(quantity);
        }

        PriceUnit = priceUnit;
        Quantity = quantity;
        Taxes = taxes;
        DiscountPercent = discountPercent;
        IsRefund = isRefund;
    }

    /// <summary>Gets the unit price.</summary>
    public decimal PriceUnit { get; }

    /// <summary>Gets the quantity.</summary>
    public decimal Quantity { get; }

    /// <summary>Gets the compiled taxes (null only for <c>default(TaxLine)</c>).</summary>
    public TaxSet Taxes { get; }

    /// <summary>Gets the discount in percent.</summary>
    public decimal DiscountPercent { get; }

    /// <summary>Gets a value indicating whether this is a refund (credit note) line.</summary>
    public bool IsRefund { get; }

    /// <summary>Returns the refund of this line: the same price, discount and taxes with the opposite quantity, marked as a refund.</summary>
    /// <returns>The refund line, whose amounts are the negation of this line's.</returns>
    public TaxLine ToRefund() => new(PriceUnit, -Quantity, Taxes, DiscountPercent, isRefund: true);
}
