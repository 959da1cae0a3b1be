using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// Exact division of 128-bit integers by a divisor fixed in advance, through a multiplication by its precomputed
/// reciprocal: a few 64-bit multiplications instead of <see cref="UInt128"/>'s bit-by-bit software division.
/// </summary>
/// <remarks>
/// With r = floor((2^128 − 1) / d), the high half of x × r is floor(x / d) or one less (x × r / 2^128 > x / d − 1), so
/// one comparison of the remainder corrects it. The arithmetic is written on 64-bit halves: in the large methods of
/// the tax engine <see cref="UInt128"/>'s operators stay calls, these stay in registers. <c>default</c> is not a
/// divisor: build one with the constructor.
/// </remarks>
internal readonly struct UInt128Divisor
{
    private static readonly UInt128Divisor[] Powers = BuildPowers();

    private readonly ulong _high;
    private readonly ulong _low;
    private readonly ulong _reciprocalHigh;
    private readonly ulong _reciprocalLow;

    /// <summary>Initializes a new instance of the <see cref="UInt128Divisor"/> struct.</summary>
    /// <param name="value">The divisor, above zero.</param>
    public UInt128Divisor(UInt128 value)
    {
        ArgumentOutOfRangeException.ThrowIfZero(value);
        _high = unchecked((ulong)(value >> 64));
        _low = unchecked((ulong)value);
        var reciprocal = UInt128.MaxValue / value;
        _reciprocalHigh = unchecked((ulong)(reciprocal >> 64));
        _reciprocalLow = unchecked((ulong)reciprocal);
    }

    /// <summary>Gets the divisor.</summary>
    public UInt128 Value => new(_high, _low);

    /// <summary>Gets the divisor's high 64 bits.</summary>
    public ulong High => _high;

    /// <summary>Gets the divisor's low 64 bits.</summary>
    public ulong Low => _low;

    /// <summary>Returns 10^<paramref name="exponent"/> as a divisor, for exponents 0 to 38.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref readonly UInt128Divisor PowerOfTen(int exponent) => ref Powers[exponent];

    /// <summary>Returns floor(<paramref name="dividend"/> / divisor) and the remainder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UInt128 DivRem(UInt128 dividend, out UInt128 remainder)
    {
        var quotientHigh = DivRem(unchecked((ulong)(dividend >> 64)), unchecked((ulong)dividend), out var quotientLow, out var remainderHigh, out var remainderLow);
        remainder = new UInt128(remainderHigh, remainderLow);
        return new UInt128(quotientHigh, quotientLow);
    }

    /// <summary>Divides the dividend given as halves; returns the quotient's high half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong DivRem(ulong high, ulong low, out ulong quotientLow, out ulong remainderHigh, out ulong remainderLow)
    {
        unchecked
        {
            // High 128 bits of (high:low) × reciprocal, exactly.
            var top = Multiplication.BigMul(high, _reciprocalHigh, out var topLow);
            var cross1 = Multiplication.BigMul(high, _reciprocalLow, out var cross1Low);
            var cross2 = Multiplication.BigMul(low, _reciprocalHigh, out var cross2Low);
            var bottom = Multiplication.BigMul(low, _reciprocalLow, out _);
            var middle = cross1Low + cross2Low;
            var carry = middle < cross1Low ? 1UL : 0UL;
            middle += bottom;
            carry += middle < bottom ? 1UL : 0UL;
            var qLow = topLow + cross1;
            var qHigh = top + (qLow < topLow ? 1UL : 0UL);
            qLow += cross2;
            qHigh += qLow < cross2 ? 1UL : 0UL;
            qLow += carry;
            qHigh += qLow < carry ? 1UL : 0UL;

            // Remainder = dividend − quotient × divisor (the product's low 128 bits are the whole product).
            var productHigh = Multiplication.BigMul(qLow, _low, out var productLow) + (qLow * _high) + (qHigh * _low);
            var restLow = low - productLow;
            var restHigh = high - productHigh - (low < productLow ? 1UL : 0UL);
            if (restHigh > _high || (restHigh == _high && restLow >= _low))
            {
                var borrow = restLow < _low ? 1UL : 0UL;
                restLow -= _low;
                restHigh -= _high + borrow;
                qLow++;
                qHigh += qLow == 0 ? 1UL : 0UL;
            }

            quotientLow = qLow;
            remainderHigh = restHigh;
            remainderLow = restLow;
            return qHigh;
        }
    }

    private static UInt128Divisor[] BuildPowers()
    {
        var powers = new UInt128Divisor[39];
        var power = UInt128.One;
        for (var k = 0; k < powers.Length; k++)
        {
            powers[k] = new UInt128Divisor(power);
            power = k < powers.Length - 1 ? power * 10 : power;
        }

        return powers;
    }
}
