using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>Document-level rounding (TAXES.md §2, "_round_base_lines_tax_details").</summary>
internal static class TaxDocument
{
    // The frame is not zeroed ([SkipLocalsInit]), and the scratch reused from the previous document is not cleared
    // either: the used flags are cleared below and a tax's sums when a line first uses it, the keys are written for
    // every line before any is read, and each line clears the scratch values it reads before writing (LineScratch).
    [SkipLocalsInit]
    public static TaxDocumentResult Compute(TaxConfiguration configuration, ReadOnlySpan<TaxLine> lines, Currency currency, TaxRoundingMethod method, TaxRounding rounding)
    {
        var count = lines.Length;
        var detailCount = 0;
        var widest = 0;
        foreach (ref readonly var line in lines)
        {
            detailCount += line.Taxes.Slots.Length;
            widest = Math.Max(widest, line.Taxes.Slots.Length);
        }

        // One array holds every line's details; each line result is a window on it.
        var details = detailCount == 0 ? [] : new TaxDetail[detailCount];
        var results = new TaxLineResult[count];
        var m = configuration.TaxCount;
        var scratch = TaxDocumentScratch.Take();
        var sums = new TaxDocumentSums(m <= TaxDocumentScratch.MaxTaxes ? scratch.Sums : new TaxSum[TaxDocumentSums.Length(m)], m);
        var used = m <= TaxDocumentScratch.MaxTaxes ? scratch.Used.AsSpan(0, m) : new bool[m];
        used.Clear();
        var workspace = widest <= TaxDocumentScratch.MaxTaxesPerLine ? scratch.Workspace(widest) : TaxWorkspace.ForLine(widest);
        var global = method == TaxRoundingMethod.Globally;
        Span<decimal> keys = !global ? default : count <= TaxDocumentScratch.MaxLines ? scratch.Keys.AsSpan(0, count) : new decimal[count];
        var offset = 0;
        for (var l = 0; l < count; l++)
        {
            ref readonly var line = ref lines[l];
            var n = line.Taxes.Slots.Length;
            var lineDetails = details.AsSpan(offset, n);
            foreach (ref readonly var slot in line.Taxes.Slots.AsSpan())
            {
                ref var isUsed = ref used[slot.DenseIndex];
                if (!isUsed)
                {
                    isUsed = true;
                    sums.StartTax(slot.DenseIndex);
                }
            }

            TaxConfiguration.ComputeInto(line, currency, method, rounding, global, lineDetails, sums, workspace, out var lineTotals);

            if (global)
            {
                keys[l] = lineTotals.Key;
            }

            results[l] = new TaxLineResult(currency, method, global, lineTotals.RawBase, lineTotals.RawExcluded, lineTotals.Excluded, 0m, details, offset, n);
            offset += n;
        }

        var usedCount = 0;
        foreach (var isUsed in used)
        {
            usedCount += isUsed ? 1 : 0;
        }

        var totals = new TaxTotal[usedCount];
        var t = 0;
        decimal untaxed;
        var taxAmount = 0m;
        if (!global)
        {
            untaxed = sums.Untaxed;
            for (var k = 0; k < m; k++)
            {
                if (used[k])
                {
                    var tax = sums.Amount(k);
                    totals[t++] = new TaxTotal(configuration.TaxAt(k), currency, sums.RawBase(k), sums.Base(k), sums.RawAmount(k), tax);
                    taxAmount += tax;
                }
            }
        }
        else
        {
            var document = new Document(results, m, keys, m <= TaxDocumentScratch.MaxTaxes ? scratch.BestApproximations.AsSpan(0, m + 1) : new double[m + 1]);
            untaxed = sums.RoundedRawUntaxed(rounding);
            var untaxedDelta = untaxed - sums.Untaxed;
            if (untaxedDelta != 0m)
            {
                document.Distribute(-1, untaxedDelta, rounding.Step, Target.Untaxed);
            }

            for (var k = 0; k < m; k++)
            {
                if (!used[k])
                {
                    continue;
                }

                var rawTaxK = sums.RawAmount(k);
                var rawBaseK = sums.RawBase(k);
                var docTax = sums.RoundedRawAmount(k, rounding);
                var docBase = sums.RoundedRawBase(k, rounding);
                var taxDelta = docTax - sums.Amount(k);
                var baseDelta = docBase - sums.Base(k);
                if (taxDelta != 0m)
                {
                    document.Distribute(k, taxDelta, rounding.Step, Target.TaxAmount);
                }

                if (baseDelta != 0m)
                {
                    document.Distribute(k, baseDelta, rounding.Step, Target.TaxBase);
                }

                totals[t++] = new TaxTotal(configuration.TaxAt(k), currency, rawBaseK, docBase, rawTaxK, docTax);
                taxAmount += docTax;
            }
        }

        TaxDocumentScratch.Return(scratch);
        return new TaxDocumentResult(currency, method, results, totals, untaxed, taxAmount);
    }

    private enum Target
    {
        Untaxed,
        TaxAmount,
        TaxBase,
    }

    /// <summary>
    /// The lines of a round-globally document while rounding differences are pushed onto them, with each line's key,
    /// |raw tax-included total|. For each tax (and the untaxed amount) the line with the largest key is found on the
    /// first difference only; the order of all lines by key only when a difference is more than one step.
    /// </summary>
    private ref struct Document
    {
        private readonly TaxLineResult[] _results;
        private readonly int _taxCount;
        private readonly Span<decimal> _keys;
        private readonly Span<double> _bestApproximations;
        private int[]? _largest;
        private int[]? _order;

        public Document(TaxLineResult[] results, int taxCount, Span<decimal> keys, Span<double> bestApproximations)
        {
            _results = results;
            _taxCount = taxCount;
            _keys = keys;
            _bestApproximations = bestApproximations;
        }

        /// <summary>
        /// Pushes a rounding difference onto lines as whole steps: largest |total| first, each taking ceil(share) until
        /// used up. A single step (the usual case) goes to the line with the largest total that has the tax.
        /// </summary>
        public void Distribute(int denseIndex, decimal delta, decimal step, Target target)
        {
            var keys = _keys;
            var results = _results;

            // Also computes the keys the lines left to the document, which the shares below need too.
            var largest = _largest ??= Largest();
            var negative = delta < 0m;
            var magnitude = Math.Abs(delta);
            var errors = magnitude == step ? 1m : decimal.Round(magnitude / step, 0, MidpointRounding.AwayFromZero);
            if (errors == 1m)
            {
                // One step (the usual case), to the line with the largest total that has the tax.
                var best = largest[denseIndex < 0 ? _taxCount : denseIndex];
                if (best >= 0)
                {
                    Apply(best, denseIndex < 0 ? -1 : IndexOfTax(results[best], denseIndex), negative ? -step : step, target);
                }

                return;
            }

            var sign = negative ? -1m : 1m;
            var order = _order ??= Order(keys);
            var sumAbs = 0m;
            for (var l = 0; l < results.Length; l++)
            {
                if (denseIndex < 0 || IndexOfTax(results[l], denseIndex) >= 0)
                {
                    sumAbs += keys[l];
                }
            }

            var remaining = errors;
            foreach (var l in order)
            {
                if (remaining == 0m)
                {
                    break;
                }

                var taxIndex = denseIndex < 0 ? -1 : IndexOfTax(results[l], denseIndex);
                if (denseIndex >= 0 && taxIndex < 0)
                {
                    continue;
                }

                var factor = sumAbs == 0m ? 1m : keys[l] / sumAbs;
                var share = Math.Min(decimal.Ceiling(factor * errors), remaining);
                remaining -= share;
                if (share != 0m)
                {
                    Apply(l, taxIndex, sign * share * step, target);
                }
            }
        }

        /// <summary>
        /// For each tax (slot <c>taxCount</c>: any line, for the untaxed amount), the first line with the largest key
        /// that has it (-1 for none).
        /// </summary>
        private readonly int[] Largest()
        {
            var keys = _keys;
            var largest = new int[_taxCount + 1];
            Array.Fill(largest, -1);

            // Each best line's key as a double, so that most comparisons need no scaling of 28-digit keys (written
            // with each best line, so never read before).
            var bestApproximations = _bestApproximations;
            for (var l = 0; l < _results.Length; l++)
            {
                // Keys are never negative, so the sign bit alone marks KeyNotComputed (-1).
                if (decimal.IsNegative(keys[l]))
                {
                    keys[l] = TaxLineTotals.KeyOf(_results[l]);
                }

                var key = keys[l];
                var approximation = (double)key;
                ref var any = ref largest[_taxCount];
                var previousAny = any;
                var aboveAny = any < 0 || IsAbove(approximation, key, bestApproximations[_taxCount], keys[any]);
                if (aboveAny)
                {
                    any = l;
                    bestApproximations[_taxCount] = approximation;
                }

                foreach (ref readonly var detail in _results[l].TaxSpan)
                {
                    // When the tax's best line so far is the document's, the comparison was just made.
                    var k = detail.DenseIndex;
                    ref var best = ref largest[k];
                    if (best < 0 || (best == previousAny ? aboveAny : IsAbove(approximation, key, bestApproximations[k], keys[best])))
                    {
                        best = l;
                        bestApproximations[k] = approximation;
                    }
                }
            }

            return largest;
        }

        /// <summary>
        /// Whether key <paramref name="a"/> is above key <paramref name="b"/> (keys are never negative), decided on their
        /// approximations when these are clearly apart: a decimal's conversion to double is within a relative 2^-50 of
        /// it, far inside the 10^-12 margin. Keys that close are compared exactly.
        /// </summary>
        private static bool IsAbove(double approximationA, decimal a, double approximationB, decimal b)
        {
            const double Margin = 1e-12;
            if (approximationA > approximationB * (1 + Margin))
            {
                return true;
            }

            return approximationA >= approximationB * (1 - Margin) && a > b;
        }

        /// <summary>Lines by descending key, ties in line order, so that a refund mirrors its invoice exactly.</summary>
        private static int[] Order(ReadOnlySpan<decimal> keys)
        {
            var order = new int[keys.Length];
            if (order.Length > 64)
            {
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                var keyArray = keys.ToArray();
                Array.Sort(order, (a, b) =>
                {
                    var byKey = keyArray[b].CompareTo(keyArray[a]);
                    return byKey != 0 ? byKey : a.CompareTo(b);
                });
                return order;
            }

            for (var i = 0; i < order.Length; i++)
            {
                // Insertion sort: stable, allocation-free, and documents are short.
                var j = i - 1;
                while (j >= 0 && keys[order[j]] < keys[i])
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = i;
            }

            return order;
        }

        /// <summary>adjustment + amount: the amount itself when nothing was pushed yet (0m, or any zero with fewer decimals), as in decimal.</summary>
        private static decimal AddToAdjustment(decimal adjustment, decimal amount) =>
            adjustment == 0m && adjustment.Scale < amount.Scale ? amount : adjustment + amount;

        private static int IndexOfTax(TaxLineResult result, int denseIndex)
        {
            var taxes = result.TaxSpan;
            for (var i = 0; i < taxes.Length; i++)
            {
                if (taxes[i].DenseIndex == denseIndex)
                {
                    return i;
                }
            }

            return -1;
        }

        private readonly void Apply(int line, int taxIndex, decimal amount, Target target)
        {
            var results = _results;
            switch (target)
            {
                case Target.Untaxed:
                    results[line] = results[line].WithExcludedAdjusted(amount);
                    break;
                case Target.TaxAmount:
                    ref var t = ref results[line].TaxSpan[taxIndex];
                    t = t.Adjusted(t.BaseValue, t.AmountValue + amount, t.BaseAdjustment, AddToAdjustment(t.AmountAdjustment, amount));
                    break;
                default:
                    ref var b = ref results[line].TaxSpan[taxIndex];
                    b = b.Adjusted(b.BaseValue + amount, b.AmountValue, AddToAdjustment(b.BaseAdjustment, amount), b.AmountAdjustment);
                    break;
            }
        }
    }
}
