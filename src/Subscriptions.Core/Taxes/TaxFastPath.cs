using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// <see cref="TaxEngine.Compute"/> on <see cref="SmallDecimal"/> values: the same passes in the same order with the
/// same operations, so every value has the bits <see cref="decimal"/> gives, only cheaper. It gives up (returns
/// <c>false</c>) as soon as a value outgrows 63 bits; the caller then computes the line in <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// Only tax sets whose taxes never divide take this path (<see cref="TaxSet.FitsSmall"/>): a division's 28-digit
/// quotient is <see cref="decimal"/>'s own rounding and has no exact 63-bit form.
/// </remarks>
internal static class TaxFastPath
{
    private static readonly SmallDecimal One = Small(1m);
    private static readonly SmallDecimal OneHundredth = Small(0.01m);

    /// <summary>Computes one line; see <see cref="TaxEngine.Compute"/>. The spans are zeroed by the caller.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryCompute(
        TaxSlot[] slots,
        in SmallDecimal priceUnit,
        in SmallDecimal quantity,
        in SmallDecimal discountPercent,
        bool roundPerLine,
        int digits,
        Span<SmallDecimal> amounts,
        Span<SmallDecimal> rawAmounts,
        Span<SmallDecimal> bases,
        Span<SmallDecimal> extraForTax,
        Span<bool> computed,
        out SmallDecimal rawBase,
        out SmallDecimal totalExcluded)
    {
        var n = slots.Length;
        totalExcluded = default;
        var price = priceUnit;
        if (!discountPercent.IsZero
            && !(SmallDecimal.TryMultiply(discountPercent, OneHundredth, out var fraction)
                 && SmallDecimal.TryAdd(One, fraction.Negate(), out var remaining)
                 && SmallDecimal.TryMultiply(priceUnit, remaining, out price)))
        {
            rawBase = default;
            return false;
        }

        if (!SmallDecimal.TryMultiply(price, quantity, out rawBase))
        {
            return false;
        }

        if (roundPerLine)
        {
            rawBase = rawBase.Round(digits);
        }

        if (n == 0)
        {
            totalExcluded = rawBase;
            return true;
        }

        var signedQuantity = priceUnit.IsBelowZero ? quantity.Negate() : quantity;

        // Pass 1: fixed taxes, last to first.
        for (var i = n - 1; i >= 0; i--)
        {
            if (slots[i].Type == TaxAmountType.Fixed
                && !(SmallDecimal.TryMultiply(signedQuantity, slots[i].SmallAmount, out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Pass 2: price-included taxes, last to first (only division taxes here: b × rate).
        for (var i = n - 1; i >= 0; i--)
        {
            ref readonly var slot = ref slots[i];
            if (slot.PriceIncluded && slot.Type != TaxAmountType.Fixed
                && !(SmallDecimal.TryAdd(rawBase, extraForTax[i], out var b)
                     && SmallDecimal.TryMultiply(b, slot.SmallRate, out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Pass 3: price-excluded taxes, first to last (only percent taxes here: b × rate).
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            if (!slot.PriceIncluded && slot.Type != TaxAmountType.Fixed
                && !(SmallDecimal.TryAdd(rawBase, extraForTax[i], out var b)
                     && SmallDecimal.TryMultiply(b, slot.SmallRate, out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Bases: raw base + shifts, minus the whole batch for price-included taxes.
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            if (!SmallDecimal.TryAdd(rawBase, bases[i], out var b))
            {
                return false;
            }

            if (slot.PriceIncluded)
            {
                for (var j = slot.BatchStart; j < slot.BatchEnd; j++)
                {
                    if (!SmallDecimal.TrySubtract(b, amounts[j], out b))
                    {
                        return false;
                    }
                }
            }

            bases[i] = b;
        }

        totalExcluded = bases[0];
        return true;
    }

    private static bool Evaluate(
        TaxSlot[] slots,
        int index,
        in SmallDecimal rawAmount,
        bool roundPerLine,
        int digits,
        Span<SmallDecimal> amounts,
        Span<SmallDecimal> rawAmounts,
        Span<SmallDecimal> baseShifts,
        Span<SmallDecimal> extraForTax,
        Span<bool> computed)
    {
        var amount = roundPerLine ? rawAmount.Round(digits) : rawAmount;
        rawAmounts[index] = rawAmount;
        amounts[index] = amount;
        computed[index] = true;
        if (amount.IsZero)
        {
            return true;
        }

        ref readonly var slot = ref slots[index];
        var n = slots.Length;
        var ok = true;
        if (slot.PriceIncluded)
        {
            var delta = amount.Negate();
            for (var j = slot.BatchEnd; j < n; j++)
            {
                if (!slot.IncludeBaseAmount || !slots[j].IsBaseAffected)
                {
                    ok &= Shift(j, delta, baseShifts, extraForTax, computed);
                }
            }

            for (var j = 0; j < slot.BatchStart; j++)
            {
                ok &= Shift(j, delta, baseShifts, extraForTax, computed);
            }
        }
        else if (slot.IncludeBaseAmount)
        {
            for (var j = slot.BatchEnd; j < n; j++)
            {
                if (slots[j].IsBaseAffected)
                {
                    ok &= Shift(j, amount, baseShifts, extraForTax, computed);
                }
            }
        }

        return ok;
    }

    private static bool Shift(int j, in SmallDecimal delta, Span<SmallDecimal> baseShifts, Span<SmallDecimal> extraForTax, Span<bool> computed)
    {
        if (!computed[j])
        {
            if (!SmallDecimal.TryAdd(extraForTax[j], delta, out var extra))
            {
                return false;
            }

            extraForTax[j] = extra;
        }

        if (!SmallDecimal.TryAdd(baseShifts[j], delta, out var shifted))
        {
            return false;
        }

        baseShifts[j] = shifted;
        return true;
    }

    private static SmallDecimal Small(decimal value)
    {
        SmallDecimal.TryFrom(value, out var result);
        return result;
    }
}
