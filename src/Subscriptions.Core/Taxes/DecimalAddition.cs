using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// <see cref="decimal"/>'s addition on <see cref="UInt128"/> coefficients, bit for bit (see DecAddSub and ScaleResult in
/// the runtime): <see cref="SmallDecimal"/> and <see cref="TaxSum"/> both add through it.
/// </summary>
/// <remarks>
/// With equal scales the result starts with the first operand's sign; with different scales the operand with fewer
/// decimals is scaled up and gives the starting sign, and when it is zero the result is the other operand unchanged; a
/// negative difference flips the sign. An exact result that needs more than 96 bits drops the fewest decimals that make
/// it fit, rounding half to even.
/// </remarks>
internal static class DecimalAddition
{
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    private static readonly UInt128 Max96 = UInt128.One << 96;

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>
    /// Adds (<paramref name="m1"/>, <paramref name="f1"/>) and (<paramref name="m2"/>, <paramref name="f2"/>), coefficients
    /// below 2^96 with <see cref="decimal"/>'s flags words. False, with nothing decided, when the operand with fewer
    /// decimals would need 128 bits scaled up, when more than ten decimals would have to go, when decimal would overflow,
    /// or when the rounding carries to 2^96: the caller then adds with <see cref="decimal"/>.
    /// </summary>
    public static bool TryAdd(UInt128 m1, int f1, UInt128 m2, int f2, out UInt128 magnitude, out int flags)
    {
        var sameSign = (f1 ^ f2) >= 0;
        var s1 = Scale(f1);
        var s2 = Scale(f2);
        UInt128 left;
        UInt128 right;
        if (s1 == s2)
        {
            left = m1;
            right = m2;
            flags = f1;
        }
        else
        {
            var firstIsLow = s1 < s2;
            var lowMagnitude = firstIsLow ? m1 : m2;
            var lowFlags = firstIsLow ? f1 : f2;
            var highMagnitude = firstIsLow ? m2 : m1;
            var highFlags = firstIsLow ? f2 : f1;
            if (lowMagnitude == UInt128.Zero)
            {
                magnitude = highMagnitude;
                flags = highFlags;
                return true;
            }

            if (!TryScaleUp(lowMagnitude, Math.Abs(s1 - s2), out left))
            {
                magnitude = default;
                flags = 0;
                return false;
            }

            right = highMagnitude;
            flags = (lowFlags & SignMask) | (highFlags & ~SignMask);
        }

        if (sameSign)
        {
            magnitude = left + right;
        }
        else if (left >= right)
        {
            magnitude = left - right;
        }
        else
        {
            magnitude = right - left;
            flags ^= SignMask;
        }

        return magnitude < Max96 || TryFit(ref magnitude, ref flags);
    }

    /// <summary>Returns a decimal's flags word's scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Scale(int flags) => (flags >> ScaleShift) & 0xFF;

    /// <summary>Drops the fewest decimals that bring an exact result below 2^96, rounding half to even.</summary>
    private static bool TryFit(ref UInt128 magnitude, ref int flags)
    {
        var drop = 1;
        while (drop <= 10 && magnitude / PowersOfTen[drop] >= Max96)
        {
            drop++;
        }

        var scale = Scale(flags);
        if (drop > 10 || drop > scale)
        {
            return false;
        }

        var power = PowersOfTen[drop];
        var (quotient, remainder) = UInt128.DivRem(magnitude, power);
        var half = power / 2;
        if (remainder > half || (remainder == half && (quotient & UInt128.One) != UInt128.Zero))
        {
            quotient++;
        }

        if (quotient >= Max96)
        {
            return false;
        }

        magnitude = quotient;
        flags = (flags & SignMask) | ((scale - drop) << ScaleShift);
        return true;
    }

    /// <summary>Multiplies by 10^<paramref name="shift"/> when the result stays below 2^127.</summary>
    private static bool TryScaleUp(UInt128 value, int shift, out UInt128 result)
    {
        result = value;
        while (shift > 0)
        {
            var step = Math.Min(shift, PowersOfTen.Length - 1);
            var power = PowersOfTen[step];
            if ((128 - (int)UInt128.LeadingZeroCount(result)) + (64 - (int)ulong.LeadingZeroCount(power)) > 127)
            {
                return false;
            }

            result *= power;
            shift -= step;
        }

        return true;
    }
}

/// <summary>The four 32-bit words <see cref="decimal.GetBits(decimal, Span{int})"/> writes, on the stack.</summary>
[InlineArray(4)]
internal struct DecimalBits
{
    private int _element;
}
