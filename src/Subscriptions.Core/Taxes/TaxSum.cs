using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A running <see cref="decimal"/> sum with the bits of adding every value in order with <see cref="decimal"/>, kept
/// as <see cref="decimal"/> keeps it (a 96-bit coefficient and the flags word) but added on 128-bit integers.
/// <c>default</c> is <c>0m</c>.
/// </summary>
/// <remarks>
/// <see cref="decimal"/> adds exactly and, when the exact result needs more than 96 bits, drops the fewest decimals
/// that make it fit, rounding half to even. The same is done here on <see cref="UInt128"/>, which is several times
/// faster for the 28-digit values a price-included tax produces; the rare cases beyond that (operands more than nine
/// decimals apart, a rounding that carries to 2^96, an overflow) are handed to <see cref="decimal"/> itself.
/// </remarks>
internal struct TaxSum
{
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    private static readonly UInt128 Max96 = UInt128.One << 96;

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL,
    ];

    private UInt128 _magnitude;
    private int _flags;

    /// <summary>Gets the sum.</summary>
    public readonly decimal Value =>
        new(unchecked((int)(uint)_magnitude), unchecked((int)(uint)(_magnitude >> 32)), unchecked((int)(uint)(_magnitude >> 64)), _flags < 0, (byte)Scale(_flags));

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in SmallDecimal value)
    {
        if (_flags == value.Flags && _magnitude < Max96 - value.Magnitude)
        {
            // Same scale and sign, no carry past 96 bits: the common case of sums.
            _magnitude += value.Magnitude;
            return;
        }

        AddSlow(value.Magnitude, value.Flags);
    }

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(decimal value)
    {
        var bits = default(DecimalBits);
        decimal.GetBits(value, bits);
        var magnitude = new UInt128(unchecked((uint)bits[2]), unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        if (_flags == bits[3] && _magnitude < Max96 - magnitude)
        {
            _magnitude += magnitude;
            return;
        }

        AddSlow(magnitude, bits[3]);
    }

    private static int Scale(int flags) => (flags >> ScaleShift) & 0xFF;

    /// <summary>The general addition, as <see cref="decimal"/> does it (see DecAddSub and ScaleResult in the runtime).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSlow(UInt128 magnitude, int flags)
    {
        var sameSign = (_flags ^ flags) >= 0;
        UInt128 left;
        UInt128 right;
        int resultFlags;
        if (Scale(_flags) == Scale(flags))
        {
            // Equal scales: the result starts with the running sum's sign.
            left = _magnitude;
            right = magnitude;
            resultFlags = _flags;
        }
        else
        {
            // Different scales: the operand with fewer decimals is scaled up and gives the starting sign; when it is
            // zero, the result is the other operand unchanged.
            var sumIsLow = Scale(_flags) < Scale(flags);
            var lowMagnitude = sumIsLow ? _magnitude : magnitude;
            var lowFlags = sumIsLow ? _flags : flags;
            var highMagnitude = sumIsLow ? magnitude : _magnitude;
            var highFlags = sumIsLow ? flags : _flags;
            if (lowMagnitude == UInt128.Zero)
            {
                _magnitude = highMagnitude;
                _flags = highFlags;
                return;
            }

            var shift = Scale(highFlags) - Scale(lowFlags);
            if (shift >= PowersOfTen.Length - 1)
            {
                AddInDecimal(magnitude, flags);
                return;
            }

            left = lowMagnitude * PowersOfTen[shift];
            right = highMagnitude;
            resultFlags = (lowFlags & SignMask) | (highFlags & ~SignMask);
        }

        UInt128 exact;
        if (sameSign)
        {
            exact = left + right;
        }
        else if (left >= right)
        {
            exact = left - right;
        }
        else
        {
            exact = right - left;
            resultFlags ^= SignMask;
        }

        if (exact >= Max96)
        {
            // Drop the fewest decimals that make it fit, rounding half to even on the whole remainder.
            var drop = 1;
            while (drop < PowersOfTen.Length && exact / PowersOfTen[drop] >= Max96)
            {
                drop++;
            }

            var scale = Scale(resultFlags);
            if (drop >= PowersOfTen.Length || drop > scale)
            {
                AddInDecimal(magnitude, flags);
                return;
            }

            var divisor = PowersOfTen[drop];
            var (quotient, remainder) = UInt128.DivRem(exact, divisor);
            var half = divisor / 2;
            if (remainder > half || (remainder == half && (quotient & UInt128.One) != UInt128.Zero))
            {
                quotient++;
            }

            if (quotient >= Max96)
            {
                AddInDecimal(magnitude, flags);
                return;
            }

            exact = quotient;
            resultFlags = (resultFlags & SignMask) | ((scale - drop) << ScaleShift);
        }

        _magnitude = exact;
        _flags = resultFlags;
    }

    /// <summary>Adds with <see cref="decimal"/> itself (and lets it throw on overflow, as it always did).</summary>
    private void AddInDecimal(UInt128 magnitude, int flags)
    {
        var value = new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), unchecked((int)(uint)(magnitude >> 64)), flags < 0, (byte)Scale(flags));
        var sum = Value + value;
        var bits = default(DecimalBits);
        decimal.GetBits(sum, bits);
        _magnitude = new UInt128(unchecked((uint)bits[2]), unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        _flags = bits[3];
    }

    /// <summary>The four 32-bit words <see cref="decimal.GetBits(decimal, Span{int})"/> writes, on the stack.</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int _element;
    }
}
