using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// <see cref="decimal"/>'s addition on 128-bit integers, bit for bit (see DecAddSub and ScaleResult in the runtime):
/// <see cref="SmallDecimal"/>, <see cref="WideDecimal"/> and <see cref="TaxSum"/> all add through it.
/// </summary>
/// <remarks>
/// With equal scales the result starts with the first operand's sign; with different scales the operand with fewer
/// decimals is scaled up and gives the starting sign, and when it is zero the result is the other operand unchanged; a
/// negative difference flips the sign. An exact result that needs more than 96 bits drops the fewest decimals that make
/// it fit, rounding half to even. Coefficients travel as 64-bit halves (high, low): in the large methods of the tax
/// engine <see cref="UInt128"/>'s operators stay calls, these stay in registers.
/// </remarks>
internal static class DecimalAddition
{
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    /// <summary>The high halves of 2^96 × 10^k for k = 0 to 9 (their low halves are zero for k ≤ 6, see <see cref="FitLimitLows"/>).</summary>
    private static readonly ulong[] FitLimitHighs = BuildFitLimits(high: true);

    /// <summary>The low halves of 2^96 × 10^k for k = 0 to 9.</summary>
    private static readonly ulong[] FitLimitLows = BuildFitLimits(high: false);

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>
    /// Adds (<paramref name="high1"/>:<paramref name="low1"/>, <paramref name="f1"/>) and (<paramref name="high2"/>:<paramref name="low2"/>,
    /// <paramref name="f2"/>), coefficients below 2^96 given as 64-bit halves with <see cref="decimal"/>'s flags words.
    /// False, with nothing decided, when the operand with fewer decimals would need 127 bits scaled up, when decimal
    /// would overflow, or when the rounding carries to 2^96: the caller then adds with <see cref="decimal"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(ulong high1, ulong low1, int f1, ulong high2, ulong low2, int f2, out ulong high, out ulong low, out int flags)
    {
        var sameSign = (f1 ^ f2) >= 0;
        var s1 = Scale(f1);
        var s2 = Scale(f2);
        if (s1 == s2)
        {
            flags = f1;
            return AddAligned(high1, low1, high2, low2, sameSign, ref flags, out high, out low);
        }

        // The operand with fewer decimals is scaled up and gives the starting sign; a zero one gives the other.
        var firstIsLow = s1 < s2;
        var (lowHigh, lowLow, lowFlags) = firstIsLow ? (high1, low1, f1) : (high2, low2, f2);
        var (highHigh, highLow, highFlags) = firstIsLow ? (high2, low2, f2) : (high1, low1, f1);
        if ((lowHigh | lowLow) == 0)
        {
            (high, low, flags) = (highHigh, highLow, highFlags);
            return true;
        }

        var shift = Math.Abs(s1 - s2);

        // The usual case of running sums of 28-digit values: one decimal apart, same sign.
        return (sameSign && shift == 1 && AddOneDecimalApart(lowHigh, lowLow, lowFlags, highHigh, highLow, highFlags, out high, out low, out flags))
            || TryAddScaled(lowHigh, lowLow, lowFlags, highHigh, highLow, highFlags, sameSign, shift, out high, out low, out flags);
    }

    /// <summary>
    /// The exact sum of two coefficients below 2^64 with different scales (at most 19 apart), as decimal adds them
    /// before any rounding: the operand with fewer decimals scaled up and giving the starting sign, a zero one giving
    /// the other operand unchanged. The result (below 2^128) is for the caller to check against its own bound. False
    /// for equal scales or scales too far apart. Inline, for the sums and shifts of short values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAddScaled64(ulong m1, int f1, ulong m2, int f2, out ulong high, out ulong low, out int flags)
    {
        var firstIsLow = Scale(f1) < Scale(f2);
        var (lowMagnitude, lowFlags) = firstIsLow ? (m1, f1) : (m2, f2);
        var (highMagnitude, highFlags) = firstIsLow ? (m2, f2) : (m1, f1);
        var shift = Scale(highFlags) - Scale(lowFlags);
        if (shift <= 0 || shift >= PowersOfTen.Length)
        {
            (high, low, flags) = (0, 0, 0);
            return false;
        }

        if (lowMagnitude == 0)
        {
            (high, low, flags) = (0, highMagnitude, highFlags);
            return true;
        }

        unchecked
        {
            high = Multiplication.BigMul(lowMagnitude, PowersOfTen[shift], out var scaled);
            flags = (lowFlags & SignMask) | (highFlags & ~SignMask);
            if (((lowFlags ^ highFlags) & SignMask) == 0)
            {
                low = scaled + highMagnitude;
                high += low < scaled ? 1UL : 0UL;
            }
            else if (high != 0 || scaled >= highMagnitude)
            {
                low = scaled - highMagnitude;
                high -= scaled < highMagnitude ? 1UL : 0UL;
            }
            else
            {
                low = highMagnitude - scaled;
                flags ^= SignMask;
            }

            return true;
        }
    }

    /// <summary>Returns a decimal's flags word's scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Scale(int flags) => (flags >> ScaleShift) & 0xFF;

    /// <summary>
    /// Adds same-sign operands whose scales differ by one: low × 10 + high exactly when that fits 96 bits, else
    /// low + high / 10 rounded half to even (one decimal dropped). False when even that needs more than 96 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AddOneDecimalApart(ulong lowHigh, ulong lowLow, int lowFlags, ulong highHigh, ulong highLow, int highFlags, out ulong high, out ulong low, out int flags)
    {
        unchecked
        {
            var carry = Multiplication.BigMul(lowLow, 10, out var tenLow);
            low = tenLow + highLow;
            high = (lowHigh * 10) + carry + highHigh + (low < tenLow ? 1UL : 0UL);
            if (high <= uint.MaxValue)
            {
                flags = (lowFlags & SignMask) | (highFlags & ~SignMask);
                return true;
            }

            // high / 10 in 32-bit steps (divisions by the constant 10 are multiplications).
            var quotientHigh = highHigh / 10;
            var middle = ((highHigh - (quotientHigh * 10)) << 32) | (highLow >> 32);
            var quotientMiddle = middle / 10;
            var bottom = ((middle - (quotientMiddle * 10)) << 32) | (highLow & uint.MaxValue);
            var quotientBottom = bottom / 10;
            var remainder = bottom - (quotientBottom * 10);
            low = lowLow + ((quotientMiddle << 32) | quotientBottom);
            high = lowHigh + quotientHigh + (low < lowLow ? 1UL : 0UL);
            if (remainder > 5 || (remainder == 5 && (low & 1) != 0))
            {
                low++;
                high += low == 0 ? 1UL : 0UL;
            }

            flags = lowFlags;
            return high <= uint.MaxValue;
        }
    }

    /// <summary>The general case of different scales: the operand with fewer decimals scaled up, then added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAddScaled(ulong lowHigh, ulong lowLow, int lowFlags, ulong highHigh, ulong highLow, int highFlags, bool sameSign, int shift, out ulong high, out ulong low, out int flags)
    {
        if (!TryScaleUp(lowHigh, lowLow, shift, out var leftHigh, out var leftLow))
        {
            (high, low, flags) = (0, 0, 0);
            return false;
        }

        flags = (lowFlags & SignMask) | (highFlags & ~SignMask);
        return AddAligned(leftHigh, leftLow, highHigh, highLow, sameSign, ref flags, out high, out low);
    }

    /// <summary>Adds or subtracts coefficients at the same scale, then fits the result to 96 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AddAligned(ulong leftHigh, ulong leftLow, ulong rightHigh, ulong rightLow, bool sameSign, ref int flags, out ulong high, out ulong low)
    {
        unchecked
        {
            if (sameSign)
            {
                low = leftLow + rightLow;
                high = leftHigh + rightHigh + (low < leftLow ? 1UL : 0UL);
            }
            else if (leftHigh > rightHigh || (leftHigh == rightHigh && leftLow >= rightLow))
            {
                low = leftLow - rightLow;
                high = leftHigh - rightHigh - (leftLow < rightLow ? 1UL : 0UL);
            }
            else
            {
                low = rightLow - leftLow;
                high = rightHigh - leftHigh - (rightLow < leftLow ? 1UL : 0UL);
                flags ^= SignMask;
            }

            return high <= uint.MaxValue || TryFit(ref high, ref low, ref flags);
        }
    }

    /// <summary>Drops the fewest decimals that bring an exact result (below 2^128) below 2^96, rounding half to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFit(ref ulong high, ref ulong low, ref int flags)
    {
        unchecked
        {
            var drop = 1;
            while (drop < FitLimitHighs.Length && (high > FitLimitHighs[drop] || (high == FitLimitHighs[drop] && low >= FitLimitLows[drop])))
            {
                drop++;
            }

            var scale = Scale(flags);
            if (drop > scale)
            {
                return false;
            }

            ulong quotientHigh;
            ulong quotientLow;
            ulong remainder;
            if (drop == 1)
            {
                // The usual case (two 28-digit values): a division by the constant 10 in 32-bit steps, which the
                // JIT turns into multiplications.
                quotientHigh = high / 10;
                var middle = ((high - (quotientHigh * 10)) << 32) | (low >> 32);
                var quotientMiddle = middle / 10;
                var bottom = ((middle - (quotientMiddle * 10)) << 32) | (low & uint.MaxValue);
                var quotientBottom = bottom / 10;
                quotientLow = (quotientMiddle << 32) | quotientBottom;
                remainder = bottom - (quotientBottom * 10);
            }
            else
            {
                // 10^drop < 2^64, so the remainder is its low half.
                quotientHigh = UInt128Divisor.PowerOfTen(drop).DivRem(high, low, out quotientLow, out _, out remainder);
            }

            var half = PowersOfTen[drop] >> 1;
            if (remainder > half || (remainder == half && (quotientLow & 1) != 0))
            {
                quotientLow++;
                quotientHigh += quotientLow == 0 ? 1UL : 0UL;
            }

            if (quotientHigh > uint.MaxValue)
            {
                return false;
            }

            (high, low) = (quotientHigh, quotientLow);
            flags = (flags & SignMask) | ((scale - drop) << ScaleShift);
            return true;
        }
    }

    /// <summary>Multiplies by 10^<paramref name="shift"/> (up to 28) when the result stays below 2^127.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryScaleUp(ulong high, ulong low, int shift, out ulong resultHigh, out ulong resultLow)
    {
        unchecked
        {
            ref readonly var factor = ref UInt128Divisor.PowerOfTen(shift);
            resultHigh = Multiplication.BigMul(low, factor.Low, out resultLow);
            ulong carry;
            ulong part;
            if (factor.High == 0)
            {
                carry = Multiplication.BigMul(high, factor.Low, out part);
            }
            else if (high == 0)
            {
                carry = Multiplication.BigMul(low, factor.High, out part);
            }
            else
            {
                return false;
            }

            resultHigh += part;
            return carry == 0 && resultHigh >= part && resultHigh < 1UL << 63;
        }
    }

    private static ulong[] BuildFitLimits(bool high)
    {
        var limits = new ulong[10];
        for (var k = 0; k < limits.Length; k++)
        {
            var limit = (UInt128.One << 96) * UInt128Divisor.PowerOfTen(k).Value;
            limits[k] = unchecked(high ? (ulong)(limit >> 64) : (ulong)limit);
        }

        return limits;
    }
}
