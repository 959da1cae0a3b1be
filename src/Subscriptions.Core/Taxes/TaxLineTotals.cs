namespace Subscriptions.Taxes;

/// <summary>What <see cref="TaxConfiguration.ComputeInto"/> returns for a line besides its details.</summary>
/// <param name="RawBase">Price after discount × quantity (rounded first in round-per-line mode).</param>
/// <param name="RawExcluded">The unrounded untaxed total.</param>
/// <param name="Excluded">The untaxed total as reported: rounded to the step on a round-globally document.</param>
/// <param name="Key">
/// |raw untaxed + Σ raw tax amounts|, the line's weight when a round-globally document pushes rounding differences
/// onto lines, or <see cref="KeyNotComputed"/> when the line left it to the document.
/// </param>
internal readonly record struct TaxLineTotals(decimal RawBase, decimal RawExcluded, decimal Excluded, decimal Key)
{
    /// <summary>The key of a line that did not compute it (keys are never negative).</summary>
    public const decimal KeyNotComputed = -1m;

    /// <summary>Returns |raw untaxed + Σ raw tax amounts| of a line's result, in <see cref="decimal"/>.</summary>
    public static decimal KeyOf(in TaxLineResult result)
    {
        var key = result.RawTotalExcluded;
        foreach (ref readonly var detail in result.TaxSpan)
        {
            key += detail.RawAmount;
        }

        return Math.Abs(key);
    }
}
