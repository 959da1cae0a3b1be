namespace Subscriptions.Taxes;

/// <summary>The line computation of TAXES.md §2: passes, propagation and bases, on spans, allocation-free.</summary>
internal static class TaxEngine
{
    public const int StackLimit = 16;

    /// <summary>The scratch values a line needs per tax: amounts, raw amounts, bases and extra bases.</summary>
    public const int ScratchPerTax = 4;

    /// <summary>Computes one line's tax amounts and bases into <paramref name="amounts"/> and <paramref name="bases"/>.</summary>
    /// <returns>The total excluded; <paramref name="rawBase"/> receives price after discount × quantity.</returns>
    public static decimal Compute(
        TaxSlot[] slots,
        decimal priceUnit,
        decimal quantity,
        decimal discountPercent,
        bool roundPerLine,
        TaxRounding rounding,
        Span<decimal> amounts,
        Span<decimal> rawAmounts,
        Span<decimal> bases,
        Span<decimal> extraForTax,
        Span<bool> computed,
        out decimal rawBase)
    {
        var n = slots.Length;
        var price = discountPercent == 0m ? priceUnit : priceUnit * (1m - (discountPercent * 0.01m));
        rawBase = price * quantity;
        if (roundPerLine)
        {
            rawBase = rounding.Round(rawBase);
        }

        if (n == 0)
        {
            return rawBase;
        }

        // bases[] accumulates the shifts of the reported base ("extra_base_for_base"); the caller passes zeroed spans.
        var signedQuantity = priceUnit < 0m ? -quantity : quantity;

        // Pass 1: fixed taxes, last to first.
        for (var i = n - 1; i >= 0; i--)
        {
            if (slots[i].Type == TaxAmountType.Fixed)
            {
                Evaluate(slots, i, signedQuantity * slots[i].Amount, roundPerLine, rounding, amounts, rawAmounts, bases, extraForTax, computed);
            }
        }

        // Pass 2: price-included taxes, last to first.
        for (var i = n - 1; i >= 0; i--)
        {
            ref readonly var slot = ref slots[i];
            if (slot.PriceIncluded && slot.Type != TaxAmountType.Fixed)
            {
                var b = rawBase + extraForTax[i];
                decimal amount;
                if (slot.Type == TaxAmountType.Percent)
                {
                    var divisor = 1m + slot.BatchRateSum;
                    amount = divisor == 0m ? 0m : b * slot.Rate / divisor;
                }
                else
                {
                    amount = b * slot.Rate;
                }

                Evaluate(slots, i, amount, roundPerLine, rounding, amounts, rawAmounts, bases, extraForTax, computed);
            }
        }

        // Pass 3: price-excluded taxes, first to last.
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            if (!slot.PriceIncluded && slot.Type != TaxAmountType.Fixed)
            {
                var b = rawBase + extraForTax[i];
                decimal amount;
                if (slot.Type == TaxAmountType.Percent)
                {
                    amount = b * slot.Rate;
                }
                else
                {
                    var multiplier = slot.BatchRateSum == 1m ? 1m : 1m - slot.BatchRateSum;
                    amount = b * slot.Rate / multiplier;
                }

                Evaluate(slots, i, amount, roundPerLine, rounding, amounts, rawAmounts, bases, extraForTax, computed);
            }
        }

        // Bases: raw base + shifts, minus the whole batch for price-included taxes.
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            var b = rawBase + bases[i];
            if (slot.PriceIncluded)
            {
                for (var j = slot.BatchStart; j < slot.BatchEnd; j++)
                {
                    b -= amounts[j];
                }
            }

            bases[i] = b;
        }

        return bases[0];
    }

    private static void Evaluate(
        TaxSlot[] slots,
        int index,
        decimal rawAmount,
        bool roundPerLine,
        TaxRounding rounding,
        Span<decimal> amounts,
        Span<decimal> rawAmounts,
        Span<decimal> baseShifts,
        Span<decimal> extraForTax,
        Span<bool> computed)
    {
        var amount = roundPerLine ? rounding.Round(rawAmount) : rawAmount;
        rawAmounts[index] = rawAmount;
        amounts[index] = amount;
        computed[index] = true;
        if (amount == 0m)
        {
            return;
        }

        ref readonly var slot = ref slots[index];
        var n = slots.Length;
        // Taxes of one batch see the same base and are extracted together: they never shift each other.
        if (slot.PriceIncluded)
        {
            for (var j = slot.BatchEnd; j < n; j++)
            {
                if (!slot.IncludeBaseAmount || !slots[j].IsBaseAffected)
                {
                    Shift(j, -amount, baseShifts, extraForTax, computed);
                }
            }

            for (var j = 0; j < slot.BatchStart; j++)
            {
                Shift(j, -amount, baseShifts, extraForTax, computed);
            }
        }
        else if (slot.IncludeBaseAmount)
        {
            for (var j = slot.BatchEnd; j < n; j++)
            {
                if (slots[j].IsBaseAffected)
                {
                    Shift(j, amount, baseShifts, extraForTax, computed);
                }
            }
        }
    }

    private static void Shift(int j, decimal delta, Span<decimal> baseShifts, Span<decimal> extraForTax, Span<bool> computed)
    {
        if (!computed[j])
        {
            extraForTax[j] += delta;
        }

        baseShifts[j] += delta;
    }
}
