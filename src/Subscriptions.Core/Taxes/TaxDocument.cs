namespace Subscriptions.Taxes;

/// <summary>Document-level rounding (TAXES.md §2, "_round_base_lines_tax_details").</summary>
internal static class TaxDocument
{
    public static TaxDocumentResult Compute(TaxConfiguration configuration, IReadOnlyList<TaxLine> lines, Currency currency, TaxRoundingMethod method, TaxRounding rounding)
    {
        var count = lines.Count;
        var results = new TaxLineResult[count];
        var m = configuration.TaxCount;
        var rawTax = new decimal[m];
        var roundedTax = new decimal[m];
        var rawTaxBase = new decimal[m];
        var roundedTaxBase = new decimal[m];
        var used = new bool[m];
        var rawUntaxed = 0m;
        var roundedUntaxed = 0m;
        var global = method == TaxRoundingMethod.Globally;
        var totalsIncluded = global ? new decimal[count] : null;
        var sumAbsByTax = global ? new decimal[m] : null;
        var sumAbsAll = 0m;

        for (var l = 0; l < count; l++)
        {
            var line = lines[l];
            var slots = line.Taxes.Slots;
            var details = slots.Length == 0 ? [] : new TaxDetail[slots.Length];
            configuration.ComputeInto(line, currency, method, rounding, details, out var rawBase, out var rawExcluded, out var rawIncluded);
            var excluded = global ? rounding.Round(rawExcluded) : rawExcluded;
            for (var i = 0; i < details.Length; i++)
            {
                ref var detail = ref details[i];
                var k = slots[i].DenseIndex;
                used[k] = true;
                rawTax[k] += detail.RawAmount;
                rawTaxBase[k] += detail.RawBase;
                if (global)
                {
                    detail = detail.Adjusted(rounding.Round(detail.RawBase), rounding.Round(detail.RawAmount), 0m, 0m);
                }

                roundedTax[k] += detail.AmountValue;
                roundedTaxBase[k] += detail.BaseValue;
            }

            rawUntaxed += rawExcluded;
            roundedUntaxed += excluded;
            if (totalsIncluded is not null && sumAbsByTax is not null)
            {
                var abs = Math.Abs(rawIncluded);
                totalsIncluded[l] = abs;
                sumAbsAll += abs;
                for (var i = 0; i < slots.Length; i++)
                {
                    sumAbsByTax[slots[i].DenseIndex] += abs;
                }
            }

            results[l] = new TaxLineResult(currency, method, global, rawBase, rawExcluded, excluded, 0m, details);
        }

        var totals = new List<TaxTotal>();
        decimal untaxed;
        var taxAmount = 0m;
        if (!global)
        {
            untaxed = roundedUntaxed;
            for (var k = 0; k < m; k++)
            {
                if (used[k])
                {
                    totals.Add(new TaxTotal(configuration.TaxAt(k), currency, rawTaxBase[k], roundedTaxBase[k], rawTax[k], roundedTax[k]));
                    taxAmount += roundedTax[k];
                }
            }
        }
        else
        {
            var keys = totalsIncluded!; // Not null: allocated above in round-globally mode.
            int[]? order = null;
            untaxed = rounding.Round(rawUntaxed);
            var untaxedDelta = untaxed - roundedUntaxed;
            if (untaxedDelta != 0m)
            {
                Distribute(results, ref order, keys, -1, sumAbsAll, untaxedDelta, rounding.Step, Target.Untaxed);
            }

            for (var k = 0; k < m; k++)
            {
                if (!used[k])
                {
                    continue;
                }

                var docTax = rounding.Round(rawTax[k]);
                var docBase = rounding.Round(rawTaxBase[k]);
                var taxDelta = docTax - roundedTax[k];
                var baseDelta = docBase - roundedTaxBase[k];
                if (taxDelta != 0m)
                {
                    Distribute(results, ref order, keys, k, sumAbsByTax![k], taxDelta, rounding.Step, Target.TaxAmount);
                }

                if (baseDelta != 0m)
                {
                    Distribute(results, ref order, keys, k, sumAbsByTax![k], baseDelta, rounding.Step, Target.TaxBase);
                }

                totals.Add(new TaxTotal(configuration.TaxAt(k), currency, rawTaxBase[k], docBase, rawTax[k], docTax));
                taxAmount += docTax;
            }
        }

        return new TaxDocumentResult(currency, method, results, totals.ToArray(), untaxed, taxAmount);
    }

    /// <summary>Lines by descending |tax-included total|, ties in line order, so that a refund mirrors its invoice exactly.</summary>
    private static int[] Order(decimal[] absTotals)
    {
        var order = new int[absTotals.Length];
        if (order.Length > 64)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var byTotal = absTotals[b].CompareTo(absTotals[a]);
                return byTotal != 0 ? byTotal : a.CompareTo(b);
            });
            return order;
        }

        for (var i = 0; i < order.Length; i++)
        {
            // Insertion sort: stable, allocation-free, and documents are short.
            var j = i - 1;
            while (j >= 0 && absTotals[order[j]] < absTotals[i])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }

        return order;
    }

    private enum Target
    {
        Untaxed,
        TaxAmount,
        TaxBase,
    }

    /// <summary>
    /// Pushes a rounding difference onto lines as whole steps: largest |total| first, each taking ceil(share) until
    /// used up. A single step (the usual case) goes to the largest line, found by one scan; more steps sort the lines.
    /// </summary>
    private static void Distribute(TaxLineResult[] results, ref int[]? order, decimal[] absTotals, int denseIndex, decimal sumAbs, decimal delta, decimal step, Target target)
    {
        var sign = delta < 0m ? -1m : 1m;
        var errors = decimal.Round(Math.Abs(delta) / step, 0, MidpointRounding.AwayFromZero);
        if (errors == 1m)
        {
            var best = -1;
            var bestTaxIndex = -1;
            for (var l = 0; l < results.Length; l++)
            {
                var taxIndex = denseIndex < 0 ? -1 : IndexOfTax(results[l], denseIndex);
                if ((denseIndex < 0 || taxIndex >= 0) && (best < 0 || absTotals[l] > absTotals[best]))
                {
                    best = l;
                    bestTaxIndex = taxIndex;
                }
            }

            if (best >= 0)
            {
                results[best] = Apply(results[best], bestTaxIndex, sign * step, target);
            }

            return;
        }

        order ??= Order(absTotals);
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

            var factor = sumAbs == 0m ? 1m : absTotals[l] / sumAbs;
            var share = Math.Min(decimal.Ceiling(factor * errors), remaining);
            remaining -= share;
            if (share != 0m)
            {
                results[l] = Apply(results[l], taxIndex, sign * share * step, target);
            }
        }
    }

    private static int IndexOfTax(TaxLineResult result, int denseIndex)
    {
        var taxes = result.TaxArray;
        for (var i = 0; i < taxes.Length; i++)
        {
            if (taxes[i].DenseIndex == denseIndex)
            {
                return i;
            }
        }

        return -1;
    }

    private static TaxLineResult Apply(TaxLineResult line, int taxIndex, decimal amount, Target target)
    {
        var taxes = line.TaxArray;
        var excluded = line.TotalExcludedValue;
        var excludedAdjustment = line.TotalExcludedAdjustment;
        switch (target)
        {
            case Target.Untaxed:
                excluded += amount;
                excludedAdjustment += amount;
                break;
            case Target.TaxAmount:
                var t = taxes[taxIndex];
                taxes[taxIndex] = t.Adjusted(t.BaseValue, t.AmountValue + amount, t.BaseAdjustment, t.AmountAdjustment + amount);
                break;
            default:
                var b = taxes[taxIndex];
                taxes[taxIndex] = b.Adjusted(b.BaseValue + amount, b.AmountValue, b.BaseAdjustment + amount, b.AmountAdjustment);
                break;
        }

        return new TaxLineResult(line.Currency, line.RoundingMethod, line.RoundedOnDocument, line.RawBase, line.RawTotalExcluded, excluded, excludedAdjustment, taxes);
    }
}
