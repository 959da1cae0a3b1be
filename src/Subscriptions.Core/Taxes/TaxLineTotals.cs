namespace Subscriptions.Taxes;

/// <summary>What <see cref="TaxConfiguration.ComputeInto"/> returns for a line besides its details.</summary>
/// <param name="RawBase">Price after discount × quantity (rounded first in round-per-line mode).</param>
/// <param name="RawExcluded">The unrounded untaxed total.</param>
/// <param name="Excluded">The untaxed total as reported: rounded to the step on a round-globally document.</param>
/// <param name="Key">On a round-globally document, |raw untaxed + Σ raw tax amounts|: the line's weight when rounding differences are pushed onto lines; else zero.</param>
internal readonly record struct TaxLineTotals(decimal RawBase, decimal RawExcluded, decimal Excluded, decimal Key);
