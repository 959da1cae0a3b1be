using System.Globalization;
using System.Text;

namespace Subscriptions.Taxes;

/// <summary>The taxes of one line: the untaxed and taxed totals and each tax's base and amount, explained.</summary>
/// <remarks>
/// <c>TotalExcluded</c> is the base of the first tax in order (the raw base when there is no tax), and
/// <c>TotalIncluded = TotalExcluded + Σ amounts</c>. <c>default(TaxLineResult)</c> has no taxes and zero totals in
/// <see cref="Currency.None"/>.
/// </remarks>
public readonly struct TaxLineResult
{
    private readonly TaxDetail[]? _taxes;
    private readonly int _offset;
    private readonly int _count;

    // A document shares one details array between its lines: this line's are taxes[offset..offset + count].
    internal TaxLineResult(Currency currency, TaxRoundingMethod method, bool roundedOnDocument, decimal rawBase, decimal rawTotalExcluded, decimal totalExcluded, decimal totalExcludedAdjustment, TaxDetail[] taxes, int offset, int count)
    {
        Currency = currency;
        RoundingMethod = method;
        RoundedOnDocument = roundedOnDocument;
        RawBase = rawBase;
        RawTotalExcluded = rawTotalExcluded;
        TotalExcludedValue = totalExcluded;
        TotalExcludedAdjustment = totalExcludedAdjustment;
        _taxes = taxes;
        _offset = offset;
        _count = count;
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the rounding method the line was computed with.</summary>
    public TaxRoundingMethod RoundingMethod { get; }

    /// <summary>Gets a value indicating whether the values were rounded as part of a document (round-globally documents only).</summary>
    public bool RoundedOnDocument { get; }

    /// <summary>Gets <c>price after discount × quantity</c> (rounded first in round-per-line mode).</summary>
    public decimal RawBase { get; }

    /// <summary>Gets the unrounded untaxed total.</summary>
    public decimal RawTotalExcluded { get; }

    /// <summary>Gets the untaxed total (the base of the first tax).</summary>
    public Money TotalExcluded => new(TotalExcludedValue, Currency);

    /// <summary>Gets the total with all taxes.</summary>
    public Money TotalIncluded => new(TotalIncludedValue, Currency);

    /// <summary>Gets the sum of the tax amounts.</summary>
    public Money TaxAmount => new(TotalIncludedValue - TotalExcludedValue, Currency);

    /// <summary>Gets the part of <see cref="TotalExcluded"/> pushed onto this line by global rounding.</summary>
    public decimal TotalExcludedAdjustment { get; }

    /// <summary>Gets each tax's contribution, in evaluation order.</summary>
    public IReadOnlyList<TaxDetail> Taxes => _taxes is null ? [] : new ArraySegment<TaxDetail>(_taxes, _offset, _count);

    internal decimal TotalExcludedValue { get; }

    internal decimal TotalIncludedValue
    {
        get
        {
            var total = TotalExcludedValue;
            foreach (ref readonly var tax in TaxSpan)
            {
                total += tax.AmountValue;
            }

            return total;
        }
    }

    /// <summary>Gets this line's details, in place (the document adjusts them while it rounds globally).</summary>
    internal Span<TaxDetail> TaxSpan => _taxes.AsSpan(_offset, _count);

    /// <summary>Returns this result with <paramref name="amount"/> pushed onto the untaxed total by global rounding.</summary>
    internal TaxLineResult WithExcludedAdjusted(decimal amount) =>
        new(Currency, RoundingMethod, RoundedOnDocument, RawBase, RawTotalExcluded, TotalExcludedValue + amount, TotalExcludedAdjustment + amount, _taxes ?? [], _offset, _count);

    /// <summary>Returns a multi-line explanation: the raw base, each tax (base, amount, included or not, rounding) and the totals.</summary>
    /// <returns>The text.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        var where = RoundingMethod == TaxRoundingMethod.PerLine
            ? "each amount rounded per line as soon as computed"
            : RoundedOnDocument ? "rounded globally on the document total, differences pushed onto lines" : "round globally: raw values, rounded on the document";
        text.Append(CultureInfo.InvariantCulture, $"raw base {RawBase} {Currency.Code} ({where})").Append('\n');
        foreach (ref readonly var tax in TaxSpan)
        {
            text.Append("  ").Append(tax.ToString()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"total excluded {TotalExcludedValue} {Currency.Code} (raw {RawTotalExcluded}");
        if (TotalExcludedAdjustment != 0m)
        {
            text.Append(CultureInfo.InvariantCulture, $", global rounding moved {TotalExcludedAdjustment}");
        }

        text.Append(CultureInfo.InvariantCulture, $"), total included {TotalIncludedValue} {Currency.Code}");
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TotalExcludedValue} + {TotalIncludedValue - TotalExcludedValue} = {TotalIncludedValue} {Currency.Code}");
}
