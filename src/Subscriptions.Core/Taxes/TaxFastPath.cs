using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// <see cref="TaxEngine.Compute"/> on exact fast numbers (<see cref="IExactDecimal{T}"/>): the same passes in the same
/// order with the same operations, so every value has the bits <see cref="decimal"/> gives, only cheaper. It gives up
/// (returns <c>false</c>) as soon as a value leaves what the number type handles; the caller then computes the line in
/// <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// On <see cref="SmallDecimal"/> (63-bit coefficients) for tax sets that never divide (<see cref="TaxSet.FitsSmall"/>):
/// a division's 28-digit quotient has no 63-bit form. On <see cref="WideDecimal"/> (96-bit coefficients on 128-bit
/// integers) for the sets that divide (<see cref="TaxSet.FitsWide"/>).
/// </remarks>
internal static class TaxFastPath
{
    /// <summary>
    /// Computes one line; see <see cref="TaxEngine.Compute"/>. The scratch needs no clearing: the one- and two-tax
    /// shortcuts write every value they report, and the passes clear what they read first.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // no frame zeroing: every local is assigned before use
    public static bool TryCompute<T>(
        TaxSlot[] slots,
        in T priceUnit,
        in T quantity,
        in T discountPercent,
        bool roundPerLine,
        int digits,
        in LineScratch<T> work,
        out T rawBase,
        out T totalExcluded)
        where T : struct, IExactDecimal<T>
    {
        // The scratch comes by reference: five spans passed by value cost a copy per line.
        var amounts = work.Amounts;
        var rawAmounts = work.RawAmounts;
        var bases = work.Bases;
        var extraForTax = work.ExtraBases;
        var computed = work.Computed;
        var n = slots.Length;
        totalExcluded = default;
        var price = priceUnit;
        if (!discountPercent.IsZero
            && !(T.TryMultiply(discountPercent, T.OneHundredth, out var fraction)
                 && T.TryAdd(T.One, fraction.Negate(), out var remaining)
                 && T.TryMultiply(priceUnit, remaining, out price)))
        {
            rawBase = default;
            return false;
        }

        if (!T.TryMultiply(price, quantity, out rawBase))
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
        if (n == 1)
        {
            return TryComputeOne(slots[0], rawBase, signedQuantity, roundPerLine, digits, amounts, rawAmounts, bases, computed, out totalExcluded);
        }

        if (n == 2 && !slots[0].PriceIncluded)
        {
            if (!slots[1].PriceIncluded)
            {
                return TryComputeTwoExcluded(slots, rawBase, signedQuantity, roundPerLine, digits, amounts, rawAmounts, bases, computed, out totalExcluded);
            }

            if (slots[1].Type != TaxAmountType.Fixed && slots[1].BatchStart == 1)
            {
                return TryComputeExcludedThenIncluded(slots, rawBase, signedQuantity, roundPerLine, digits, amounts, rawAmounts, bases, computed, out totalExcluded);
            }
        }

        work.ClearForPasses();

        // Pass 1: fixed taxes, last to first.
        for (var i = n - 1; i >= 0; i--)
        {
            if (slots[i].Type == TaxAmountType.Fixed
                && !(T.TryMultiply(signedQuantity, T.AmountOf(slots[i]), out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Pass 2: price-included taxes, last to first: b × rate, divided by 1 + Σrate for percents.
        for (var i = n - 1; i >= 0; i--)
        {
            ref readonly var slot = ref slots[i];
            if (slot.PriceIncluded && slot.Type != TaxAmountType.Fixed
                && !(T.TryAdd(rawBase, extraForTax[i], out var b)
                     && TryAmount(slot, b, out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Pass 3: price-excluded taxes, first to last: b × rate, divided by 1 − Σrate for divisions.
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            if (!slot.PriceIncluded && slot.Type != TaxAmountType.Fixed
                && !(T.TryAdd(rawBase, extraForTax[i], out var b)
                     && TryAmount(slot, b, out var amount)
                     && Evaluate(slots, i, amount, roundPerLine, digits, amounts, rawAmounts, bases, extraForTax, computed)))
            {
                return false;
            }
        }

        // Bases: raw base + shifts, minus the whole batch for price-included taxes.
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            if (!T.TryAdd(rawBase, bases[i], out var b))
            {
                return false;
            }

            if (slot.PriceIncluded)
            {
                for (var j = slot.BatchStart; j < slot.BatchEnd; j++)
                {
                    if (!T.TryAdd(b, amounts[j].Negate(), out b))
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

    /// <summary>
    /// The passes for a line with one tax (the usual invoice line): nothing to shift, so its amount on the raw base
    /// (its base is the raw base: adding the 0m of no shift changes no bit) and its base, less the amount when price-included.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryComputeOne<T>(in TaxSlot slot, in T rawBase, in T signedQuantity, bool roundPerLine, int digits, Span<T> amounts, Span<T> rawAmounts, Span<T> bases, Span<bool> computed, out T totalExcluded)
        where T : struct, IExactDecimal<T>
    {
        totalExcluded = default;
        T raw;
        if (slot.Type == TaxAmountType.Fixed)
        {
            if (!T.TryMultiply(signedQuantity, T.AmountOf(slot), out raw))
            {
                return false;
            }
        }
        else if (!TryAmount(slot, rawBase, out raw))
        {
            return false;
        }

        var amount = roundPerLine ? raw.Round(digits) : raw;
        rawAmounts[0] = raw;
        amounts[0] = amount;
        computed[0] = true;
        var taxBase = rawBase;
        if (slot.PriceIncluded && !T.TryAdd(rawBase, amount.Negate(), out taxBase))
        {
            return false;
        }

        bases[0] = taxBase;
        totalExcluded = taxBase;
        return true;
    }

    /// <summary>
    /// The passes for a line with two price-excluded taxes (an eco fee then VAT, the two taxes of a group), unrolled.
    /// Nothing shifts the first tax, so its amount and base are on the raw base. Its amount (rounded per line when so)
    /// enters the second's base when it includes base amount, ends its batch, is not zero and the second is affected.
    /// The second's amount is on that base unless it is fixed: pass 1 then evaluates it first, on the quantity. Adding
    /// the 0m of a shift that never happened changes no bit, so that addition is skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryComputeTwoExcluded<T>(TaxSlot[] slots, in T rawBase, in T signedQuantity, bool roundPerLine, int digits, Span<T> amounts, Span<T> rawAmounts, Span<T> bases, Span<bool> computed, out T totalExcluded)
        where T : struct, IExactDecimal<T>
    {
        totalExcluded = default;
        ref readonly var first = ref slots[0];
        ref readonly var second = ref slots[1];
        T firstRaw;
        if (first.Type == TaxAmountType.Fixed
            ? !T.TryMultiply(signedQuantity, T.AmountOf(first), out firstRaw)
            : !TryAmount(first, rawBase, out firstRaw))
        {
            return false;
        }

        var firstAmount = roundPerLine ? firstRaw.Round(digits) : firstRaw;
        var secondBase = rawBase;
        if (first.IncludeBaseAmount && first.BatchEnd == 1 && second.IsBaseAffected && !firstAmount.IsZero
            && !T.TryAdd(rawBase, firstAmount, out secondBase))
        {
            return false;
        }

        T secondRaw;
        if (second.Type == TaxAmountType.Fixed
            ? !T.TryMultiply(signedQuantity, T.AmountOf(second), out secondRaw)
            : !TryAmount(second, secondBase, out secondRaw))
        {
            return false;
        }

        rawAmounts[0] = firstRaw;
        amounts[0] = firstAmount;
        rawAmounts[1] = secondRaw;
        amounts[1] = roundPerLine ? secondRaw.Round(digits) : secondRaw;
        computed[0] = true;
        computed[1] = true;
        bases[0] = rawBase;
        bases[1] = secondBase;
        totalExcluded = rawBase;
        return true;
    }

    /// <summary>
    /// The passes for a line with a price-excluded tax, then a price-included percent or division in its own batch (an
    /// eco fee entering a consumer price's VAT), unrolled. A fixed first tax is evaluated first (pass 1) and enters the
    /// second's base when it includes base amount, ends its batch, is not zero and the second is affected. The second
    /// is extracted from that base (pass 2); its amount, when not zero, leaves the first's base, so a percent first
    /// tax (pass 3) is computed on the price without it. The second's base is the price without its own amount, plus
    /// a shift from the first. Additions of the 0m of a shift that never happened are skipped: they change no bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryComputeExcludedThenIncluded<T>(TaxSlot[] slots, in T rawBase, in T signedQuantity, bool roundPerLine, int digits, Span<T> amounts, Span<T> rawAmounts, Span<T> bases, Span<bool> computed, out T totalExcluded)
        where T : struct, IExactDecimal<T>
    {
        totalExcluded = default;
        ref readonly var first = ref slots[0];
        ref readonly var second = ref slots[1];
        var firstShifts = first.IncludeBaseAmount && first.BatchEnd == 1 && second.IsBaseAffected;
        var firstFixed = first.Type == TaxAmountType.Fixed;
        T firstRaw = default;
        T firstAmount = default;
        var secondBase = rawBase;
        if (firstFixed)
        {
            if (!T.TryMultiply(signedQuantity, T.AmountOf(first), out firstRaw))
            {
                return false;
            }

            firstAmount = roundPerLine ? firstRaw.Round(digits) : firstRaw;
            firstShifts = firstShifts && !firstAmount.IsZero;
            if (firstShifts && !T.TryAdd(rawBase, firstAmount, out secondBase))
            {
                return false;
            }
        }

        if (!TryAmount(second, secondBase, out var secondRaw))
        {
            return false;
        }

        var secondAmount = roundPerLine ? secondRaw.Round(digits) : secondRaw;
        var firstBase = rawBase;
        if (!secondAmount.IsZero && !T.TryAdd(rawBase, secondAmount.Negate(), out firstBase))
        {
            return false;
        }

        if (!firstFixed)
        {
            if (!TryAmount(first, firstBase, out firstRaw))
            {
                return false;
            }

            firstAmount = roundPerLine ? firstRaw.Round(digits) : firstRaw;
            firstShifts = firstShifts && !firstAmount.IsZero;
            if (firstShifts && !T.TryAdd(rawBase, firstAmount, out secondBase))
            {
                return false;
            }
        }

        if (!T.TryAdd(secondBase, secondAmount.Negate(), out var secondTaxBase))
        {
            return false;
        }

        rawAmounts[0] = firstRaw;
        amounts[0] = firstAmount;
        rawAmounts[1] = secondRaw;
        amounts[1] = secondAmount;
        computed[0] = true;
        computed[1] = true;
        bases[0] = firstBase;
        bases[1] = secondTaxBase;
        totalExcluded = firstBase;
        return true;
    }

    /// <summary>A percent or division tax's amount on its base <paramref name="b"/>: b × rate, divided by the batch's divisor for the taxes that divide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAmount<T>(in TaxSlot slot, in T b, out T amount)
        where T : struct, IExactDecimal<T>
    {
        if (!T.TryMultiply(b, T.RateOf(slot), out var product))
        {
            amount = default;
            return false;
        }

        if (slot.Divides)
        {
            return T.TryDivideByBatch(product, slot, out amount);
        }

        amount = product;
        return true;
    }

    private static bool Evaluate<T>(
        TaxSlot[] slots,
        int index,
        in T rawAmount,
        bool roundPerLine,
        int digits,
        Span<T> amounts,
        Span<T> rawAmounts,
        Span<T> baseShifts,
        Span<T> extraForTax,
        Span<bool> computed)
        where T : struct, IExactDecimal<T>
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

    private static bool Shift<T>(int j, in T delta, Span<T> baseShifts, Span<T> extraForTax, Span<bool> computed)
        where T : struct, IExactDecimal<T>
    {
        if (!computed[j])
        {
            if (!T.TryAdd(extraForTax[j], delta, out var extra))
            {
                return false;
            }

            extraForTax[j] = extra;
        }

        if (!T.TryAdd(baseShifts[j], delta, out var shifted))
        {
            return false;
        }

        baseShifts[j] = shifted;
        return true;
    }
}
