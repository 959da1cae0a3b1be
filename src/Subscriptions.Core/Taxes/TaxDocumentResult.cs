using System.Globalization;
using System.Text;

namespace Subscriptions.Taxes;

/// <summary>One tax's total on a document: its base and amount, raw and rounded.</summary>
public readonly struct TaxTotal
{
    internal TaxTotal(Tax tax, Currency currency, decimal rawBase, decimal @base, decimal rawAmount, decimal amount)
    {
        Tax = tax;
        Currency = currency;
        RawBase = rawBase;
        Base = new Money(@base, currency);
        RawAmount = rawAmount;
        Amount = new Money(amount, currency);
    }

    /// <summary>Gets the tax.</summary>
    public Tax Tax { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the sum of the lines' raw bases.</summary>
    public decimal RawBase { get; }

    /// <summary>Gets the total base: the sum of the lines' rounded bases (per line) or the rounded sum of raw bases (globally).</summary>
    public Money Base { get; }

    /// <summary>Gets the sum of the lines' raw amounts.</summary>
    public decimal RawAmount { get; }

    /// <summary>Gets the total amount: the sum of the lines' rounded amounts (per line) or the rounded sum of raw amounts (globally).</summary>
    public Money Amount { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tax.Name}: {Amount} on {Base} (raw {RawAmount} on {RawBase})");
}

/// <summary>The taxes of a whole document: each line's result, each tax's total and the document totals.</summary>
/// <remarks>
/// <c>Total = Untaxed + TaxAmount</c>; <c>TaxAmount</c> is the sum of the per-tax totals. Per line, those are sums
/// of rounded line values. Globally, each is the rounded document sum of raw values, and the lines carry the
/// differences, so the lines still add up to the totals. Immutable.
/// </remarks>
public sealed class TaxDocumentResult
{
    private readonly TaxLineResult[] _lines;
    private readonly TaxTotal[] _totals;

    internal TaxDocumentResult(Currency currency, TaxRoundingMethod method, TaxLineResult[] lines, TaxTotal[] totals, decimal untaxed, decimal taxAmount)
    {
        Currency = currency;
        RoundingMethod = method;
        _lines = lines;
        _totals = totals;
        Untaxed = new Money(untaxed, currency);
        TaxAmount = new Money(taxAmount, currency);
        Total = new Money(untaxed + taxAmount, currency);
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the rounding method.</summary>
    public TaxRoundingMethod RoundingMethod { get; }

    /// <summary>Gets each line's result, in the order given.</summary>
    public IReadOnlyList<TaxLineResult> Lines => Array.AsReadOnly(_lines);

    /// <summary>Gets each tax's total, in configuration order.</summary>
    public IReadOnlyList<TaxTotal> TaxTotals => Array.AsReadOnly(_totals);

    /// <summary>Gets the untaxed amount.</summary>
    public Money Untaxed { get; }

    /// <summary>Gets the sum of all taxes.</summary>
    public Money TaxAmount { get; }

    /// <summary>Gets the total with taxes.</summary>
    public Money Total { get; }

    /// <summary>Returns a multi-line explanation of every line and total.</summary>
    /// <returns>The text.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rounding: {(RoundingMethod == TaxRoundingMethod.PerLine ? "per line" : "globally on the document")}").Append('\n');
        for (var i = 0; i < _lines.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {i + 1}: ").Append(_lines[i].Explain()).Append('\n');
        }

        foreach (var total in _totals)
        {
            text.Append(total.ToString()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"untaxed {Untaxed}, taxes {TaxAmount}, total {Total}");
        return text.ToString();
    }
}
