using System.Globalization;

namespace Subscriptions.Taxes;

/// <summary>What one tax contributed to a line: the base it was computed on and its amount, raw and rounded.</summary>
/// <remarks>
/// <see cref="RawAmount"/> and <see cref="RawBase"/> are the unrounded values. In round-per-line mode
/// <see cref="Amount"/> is <see cref="RawAmount"/> rounded to the step as soon as it was computed. In
/// round-globally mode a line computed alone keeps raw values; in a document, <see cref="Amount"/> is the
/// rounded raw amount plus <see cref="AmountAdjustment"/>, the share of the document's rounding difference
/// this line received (likewise <see cref="BaseAdjustment"/>).
/// </remarks>
public readonly struct TaxDetail
{
    internal TaxDetail(Tax tax, int denseIndex, Currency currency, bool priceIncluded, decimal rawBase, decimal @base, decimal rawAmount, decimal amount, decimal baseAdjustment, decimal amountAdjustment)
    {
        Tax = tax;
        DenseIndex = denseIndex;
        Currency = currency;
        PriceIncluded = priceIncluded;
        RawBase = rawBase;
        BaseValue = @base;
        RawAmount = rawAmount;
        AmountValue = amount;
        BaseAdjustment = baseAdjustment;
        AmountAdjustment = amountAdjustment;
    }

    /// <summary>Gets the tax.</summary>
    public Tax Tax { get; }

    /// <summary>Gets the currency of the amounts.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the tax was extracted from the price (price-included).</summary>
    public bool PriceIncluded { get; }

    /// <summary>Gets the unrounded base.</summary>
    public decimal RawBase { get; }

    /// <summary>Gets the unrounded amount.</summary>
    public decimal RawAmount { get; }

    /// <summary>Gets the base the tax was computed on, as reported (rounded unless computed alone in round-globally mode).</summary>
    public Money Base => new(BaseValue, Currency);

    /// <summary>Gets the tax amount, as reported (rounded unless computed alone in round-globally mode).</summary>
    public Money Amount => new(AmountValue, Currency);

    /// <summary>Gets the part of <see cref="Base"/> pushed onto this line by global rounding.</summary>
    public decimal BaseAdjustment { get; }

    /// <summary>Gets the part of <see cref="Amount"/> pushed onto this line by global rounding.</summary>
    public decimal AmountAdjustment { get; }

    internal int DenseIndex { get; }

    internal decimal BaseValue { get; }

    internal decimal AmountValue { get; }

    internal TaxDetail Adjusted(decimal @base, decimal amount, decimal baseAdjustment, decimal amountAdjustment) =>
        new(Tax, DenseIndex, Currency, PriceIncluded, RawBase, @base, RawAmount, amount, baseAdjustment, amountAdjustment);

    /// <summary>Returns a one-line explanation: tax, base, amount, raw amount and adjustment.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Tax.Name} [{Tax.Type.ToString().ToLowerInvariant()} {Tax.Amount}{(PriceIncluded ? ", price-included" : ", price-excluded")}]: base {BaseValue} {Currency.Code}, amount {AmountValue} {Currency.Code} (raw {RawAmount} on raw base {RawBase})");
        if (BaseAdjustment != 0m || AmountAdjustment != 0m)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", global rounding moved {BaseAdjustment} onto the base and {AmountAdjustment} onto the amount");
        }

        return text;
    }
}
