using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A <see cref="decimal"/> kept as <see cref="decimal"/> keeps it (a 96-bit coefficient and the same flags word: sign
/// bit and scale, trailing zeros and the sign of a zero included) but computed on 64-bit halves. Every operation
/// returns exactly the bits <see cref="decimal"/>'s own operation returns, or <c>false</c> where it would leave the
/// cases handled here; the caller then redoes that work in <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// The tax engine's path for lines that divide (price-included percent taxes, price-excluded division taxes): the
/// 28-digit quotient of a division and everything computed from it cost a few multiplications here, where
/// <see cref="decimal"/> goes through its general 96-bit routines. Division is by a divisor prepared in advance
/// (<see cref="WideDivisor"/>, a tax batch's 1 + Σrate), multiplication only when the product needs no rounding.
/// <c>default</c> is positive zero with scale 0, the same as <c>0m</c>.
/// </remarks>
internal readonly struct WideDecimal : IExactDecimal<WideDecimal>
{
    private const int MaxScale = 28;
    private const int MaxPower = 38;
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    private const double TwoToThe64 = 18446744073709551616d;
    private const double TwoToThe50 = 1125899906842624d;

    /// <summary>10^-k as doubles, for quotient estimates.</summary>
    private static readonly double[] InversePowersOfTen = [.. Enumerable.Range(0, 39).Select(k => double.Parse($"1e-{k}", CultureInfo.InvariantCulture))];

    private static readonly WideDecimal OneValue = new(0, 1, 0);
    private static readonly WideDecimal OneHundredthValue = new(0, 1, 2 << ScaleShift);

    // decimal's own layout: the high 32 bits, the low 64 bits, the flags word.
    private readonly ulong _low;
    private readonly uint _high;
    private readonly int _flags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private WideDecimal(ulong high, ulong low, int flags)
    {
        _high = unchecked((uint)high);
        _low = low;
        _flags = flags;
    }

    /// <inheritdoc />
    public static WideDecimal One => OneValue;

    /// <inheritdoc />
    public static WideDecimal OneHundredth => OneHundredthValue;

    /// <summary>Gets the coefficient's magnitude (below 2^96).</summary>
    public UInt128 Magnitude => new(_high, _low);

    /// <summary>Gets <see cref="decimal"/>'s flags word: the sign bit (bit 31) and the scale (bits 16 to 23).</summary>
    public int Flags => _flags;

    /// <summary>Gets the number of decimals, 0 to 28.</summary>
    public int Scale => (_flags >> ScaleShift) & 0xFF;

    /// <summary>Gets a value indicating whether the value is zero, whatever its sign and scale.</summary>
    public bool IsZero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_high | _low) == 0;
    }

    /// <summary>Gets a value indicating whether the value is below zero (a negative zero is not).</summary>
    public bool IsBelowZero => _flags < 0 && !IsZero;

    /// <summary>Converts a decimal (every decimal fits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WideDecimal From(decimal value)
    {
        var flags = DecimalParts.Read(value, out var low, out var high);
        return new WideDecimal(high, low, flags);
    }

    /// <summary>Converts a decimal: every decimal fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFrom(decimal value, out WideDecimal result)
    {
        result = From(value);
        return true;
    }

    /// <summary>Converts a <see cref="SmallDecimal"/>, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WideDecimal From(in SmallDecimal value) => new(0, value.Magnitude, value.Flags);

    /// <summary>Returns the value of <see cref="decimal"/>'s parts: a coefficient below 2^96 as high and low halves, and the flags word.</summary>
    public static WideDecimal FromParts(ulong high, ulong low, int flags)
    {
        Debug.Assert(high <= uint.MaxValue, "decimal's coefficient has 96 bits.");
        return new(high, low, flags);
    }

    /// <summary>Returns whether the set's values fit and its divisors are prepared (<see cref="TaxSet.FitsWide"/>).</summary>
    public static bool Takes(TaxSet taxes) => taxes.FitsWide;

    /// <inheritdoc />
    public static bool TryDivideByBatch(in WideDecimal dividend, in TaxSlot slot, out WideDecimal result)
    {
        if (slot.BatchDivisorIsZero)
        {
            // TaxEngine's guard: a batch of −100 % gives a plain 0.
            result = default;
            return true;
        }

        return TryDivide(dividend, slot.BatchDivisor, out result);
    }

    /// <inheritdoc />
    public static WideDecimal AmountOf(in TaxSlot slot) => From(slot.SmallAmount);

    /// <inheritdoc />
    public static WideDecimal RateOf(in TaxSlot slot) => From(slot.SmallRate);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(ref TaxSum sum, in WideDecimal value) => sum.Add(value._high, value._low, value._flags);

    /// <inheritdoc />
    public static Span<WideDecimal> ScratchOf(in TaxWorkspace workspace) => workspace.Wides;

    /// <summary>Returns the same value as a <see cref="decimal"/>, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public decimal ToDecimal() => DecimalParts.Create(_low, _high, _flags);

    /// <summary>Flips the sign bit, as unary minus on <see cref="decimal"/> does (zeros included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WideDecimal Negate() => new(_high, _low, _flags ^ SignMask);

    /// <summary>Clears the sign bit, as <see cref="Math.Abs(decimal)"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WideDecimal Abs() => new(_high, _low, _flags & ~SignMask);

    /// <summary>Adds as <see cref="decimal"/> does, rounding a result past 96 bits as it does (<see cref="DecimalAddition"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(in WideDecimal a, in WideDecimal b, out WideDecimal result)
    {
        if (a._flags == b._flags)
        {
            var low = unchecked(a._low + b._low);
            var high = (ulong)a._high + b._high + (low < a._low ? 1UL : 0UL);
            if (high <= uint.MaxValue)
            {
                result = new WideDecimal(high, low, a._flags);
                return true;
            }
        }
        else if ((b._high | b._low) == 0 && b.Scale <= a.Scale)
        {
            // Adding a zero with no more decimals (the engine's shifts start as 0m) gives a itself, as in decimal.
            result = a;
            return true;
        }
        else if ((a._high | a._low) == 0 && a.Scale < b.Scale)
        {
            // A zero with fewer decimals gives the other operand unchanged.
            result = b;
            return true;
        }
        else if ((a._high | b._high) == 0
                 && DecimalAddition.TryAddScaled64(a._low, a._flags, b._low, b._flags, out var scaledHigh, out var scaledLow, out var scaledFlags)
                 && scaledHigh <= uint.MaxValue)
        {
            // Short values with different scales (a fixed tax entering a rate's base): exact, no rounding, inline.
            result = new WideDecimal(scaledHigh, scaledLow, scaledFlags);
            return true;
        }

        return TryAddSlow(a, b, out result);
    }

    /// <summary>
    /// Multiplies as <see cref="decimal"/> does when both coefficients fit 64 bits and the product needs no rounding
    /// (below 2^96, scale at most 28): scales add up, signs combine, trailing zeros stay.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMultiply(in WideDecimal a, in WideDecimal b, out WideDecimal result)
    {
        var scale = a.Scale + b.Scale;
        var high = Multiplication.BigMul(a._low, b._low, out var low);
        if ((a._high | b._high) != 0 || high > uint.MaxValue || scale > MaxScale)
        {
            result = default;
            return false;
        }

        if ((high | low) == 0 && (a._low > uint.MaxValue || b._low > uint.MaxValue))
        {
            // decimal's wide multiplication returns a plain zero; only its 32-bit path keeps sign and scale.
            result = default;
            return true;
        }

        result = new WideDecimal(high, low, ((a._flags ^ b._flags) & SignMask) | (scale << ScaleShift));
        return true;
    }

    /// <summary>
    /// Divides as <see cref="decimal"/> does: an exact quotient keeps the natural scale; otherwise as many digits as
    /// fit 96 bits (scale at most 28), rounded half to even, trailing zeros dropped.
    /// </summary>
    /// <remarks>
    /// decimal's long division by a 32-bit divisor produces floor(n × 10^p / d) for the largest p whose quotient
    /// fits 96 bits (p at least what brings a negative scale to 0), rounds with the remainder, and strips trailing
    /// zeros when the division was not exact. Here that p is found directly and the one division is a multiplication
    /// by <paramref name="divisor"/>'s reciprocal. False where decimal would overflow or the rounding reaches 2^96.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryDivide(in WideDecimal dividend, in WideDivisor divisor, out WideDecimal result)
    {
        var sign = (dividend._flags ^ divisor.Flags) & SignMask;
        var exponent = dividend.Scale - divisor.Scale;
        if (dividend.IsZero)
        {
            result = new WideDecimal(0, 0, sign | (Math.Max(exponent, 0) << ScaleShift));
            return true;
        }

        // The largest p (at least minPower, at most maxPower) with n × 10^p < d × 2^96, that is n below the
        // divisor's threshold for p; usually maxPower itself or one or two below. No n ≥ 1 fits past 10^38.
        var minPower = Math.Max(0, -exponent);
        var power = Math.Min(MaxScale - exponent, MaxPower);
        while (!divisor.Below(dividend._high, dividend._low, power))
        {
            if (power == minPower)
            {
                result = default;
                return false;
            }

            power--;
        }

        var (numeratorHigh, numeratorLow) = ScaleUp(dividend._high, dividend._low, power);
        var quotientHigh = divisor.Divisor.DivRem(numeratorHigh, numeratorLow, out var quotientLow, out _, out var remainder);
        if (remainder == 0)
        {
            // Exact at this scale: decimal keeps the natural scale when n / d is exact, else drops trailing zeros.
            return TryDivideExactly(dividend, divisor, exponent, sign, quotientHigh, quotientLow, power, out result);
        }

        // The divisor is below 2^32, so the remainder is and twice it fits.
        var twice = remainder << 1;
        var d = divisor.Divisor.Low;
        if (twice > d || (twice == d && (quotientLow & 1) != 0))
        {
            quotientLow = unchecked(quotientLow + 1);
            quotientHigh += quotientLow == 0 ? 1UL : 0UL;
            if (quotientHigh > uint.MaxValue)
            {
                result = default;
                return false;
            }
        }

        result = WithoutTrailingZeros(quotientHigh, quotientLow, sign, exponent + power);
        return true;
    }

    /// <summary>
    /// Rounds half away from zero to <paramref name="digits"/> decimals, as
    /// <c>decimal.Round(value, digits, MidpointRounding.AwayFromZero)</c> does: unchanged when the scale is already
    /// that small, else exactly that scale, keeping the sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WideDecimal Round(int digits) => Scale <= digits ? this : RoundDropping(digits);

    /// <summary><see cref="Round"/> for a value with more than <paramref name="digits"/> decimals.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WideDecimal RoundDropping(int digits)
    {
        var drop = Scale - digits;
        ref readonly var power = ref UInt128Divisor.PowerOfTen(drop);
        ulong quotientHigh;
        ulong quotientLow;
        ulong remainderHigh;
        ulong remainderLow;
        var estimate = (((double)_high * TwoToThe64) + _low) * InversePowersOfTen[drop];
        if (estimate < TwoToThe50)
        {
            // A rounded result below 2^50 (any amount a line reports): the quotient from floating point is within
            // one of the true one (relative error under 2^-51), and the exact remainder corrects it.
            quotientHigh = 0;
            quotientLow = unchecked((ulong)estimate);
            (remainderHigh, remainderLow) = Remainder(_high, _low, ref quotientLow, power);
        }
        else
        {
            quotientHigh = power.DivRem(_high, _low, out quotientLow, out remainderHigh, out remainderLow);
        }

        // Round up when remainder >= power − remainder.
        var restLow = unchecked(power.Low - remainderLow);
        var restHigh = unchecked(power.High - remainderHigh - (power.Low < remainderLow ? 1UL : 0UL));
        if (remainderHigh > restHigh || (remainderHigh == restHigh && remainderLow >= restLow))
        {
            quotientLow = unchecked(quotientLow + 1);
            quotientHigh += quotientLow == 0 ? 1UL : 0UL;
        }

        return new WideDecimal(quotientHigh, quotientLow, (_flags & SignMask) | (digits << ScaleShift));
    }

    /// <inheritdoc />
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The remainder of value / power for a quotient estimate at most one away from floor(value / power), which is
    /// corrected in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong High, ulong Low) Remainder(ulong high, ulong low, ref ulong quotient, in UInt128Divisor power)
    {
        unchecked
        {
            // product = quotient × power (below 2^128: the estimate is small).
            var productHigh = Multiplication.BigMul(quotient, power.Low, out var productLow) + (quotient * power.High);
            if (productHigh > high || (productHigh == high && productLow > low))
            {
                quotient--;
                productHigh -= power.High + (productLow < power.Low ? 1UL : 0UL);
                productLow -= power.Low;
            }

            var remainderLow = low - productLow;
            var remainderHigh = high - productHigh - (low < productLow ? 1UL : 0UL);
            if (remainderHigh > power.High || (remainderHigh == power.High && remainderLow >= power.Low))
            {
                quotient++;
                remainderHigh -= power.High + (remainderLow < power.Low ? 1UL : 0UL);
                remainderLow -= power.Low;
            }

            return (remainderHigh, remainderLow);
        }
    }

    /// <summary>n × 10^<paramref name="power"/> (n given as halves), known to stay below 2^128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong High, ulong Low) ScaleUp(ulong high, ulong low, int power)
    {
        unchecked
        {
            ref readonly var factor = ref UInt128Divisor.PowerOfTen(power);
            var productHigh = Multiplication.BigMul(low, factor.Low, out var productLow) + (high * factor.Low) + (low * factor.High);
            return (productHigh, productLow);
        }
    }

    /// <summary>The division when n × 10^power / d left no remainder: decimal's result from the natural scale.</summary>
    private static bool TryDivideExactly(in WideDecimal dividend, in WideDivisor divisor, int exponent, int sign, ulong scaledHigh, ulong scaledLow, int power, out WideDecimal result)
    {
        var quotientHigh = divisor.Divisor.DivRem(dividend._high, dividend._low, out var quotientLow, out _, out var remainder);
        if (remainder != 0)
        {
            // Not exact at the natural scale: decimal went on dividing, then dropped the trailing zeros.
            result = WithoutTrailingZeros(scaledHigh, scaledLow, sign, exponent + power);
            return true;
        }

        if (exponent >= 0)
        {
            result = new WideDecimal(quotientHigh, quotientLow, sign | (exponent << ScaleShift));
            return true;
        }

        // A negative natural scale is brought to 0 by appending zeros, when that stays below 2^96.
        var overflow = UInt128.BigMul(new UInt128(quotientHigh, quotientLow), UInt128Divisor.PowerOfTen(-exponent).Value, out var scaled);
        if (overflow != UInt128.Zero || scaled >= UInt128.One << 96)
        {
            result = default;
            return false;
        }

        result = new WideDecimal(unchecked((ulong)(scaled >> 64)), unchecked((ulong)scaled), sign);
        return true;
    }

    /// <summary>Drops trailing zeros while the scale allows, as decimal does after a division that was not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static WideDecimal WithoutTrailingZeros(ulong high, ulong low, int sign, int scale)
    {
        // 10 divides the value when it is even and 5 divides it; 2^64 ≡ 1 modulo 5, so high + low decides.
        while (scale > 0 && (low & 1) == 0 && ((high % 5) + (low % 5)) % 5 == 0)
        {
            high = UInt128Divisor.PowerOfTen(1).DivRem(high, low, out low, out _, out _);
            scale--;
        }

        return new WideDecimal(high, low, sign | (scale << ScaleShift));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryAddSlow(in WideDecimal a, in WideDecimal b, out WideDecimal result)
    {
        var ok = DecimalAddition.TryAdd(a._high, a._low, a._flags, b._high, b._low, b._flags, out var high, out var low, out var flags);
        result = ok ? new WideDecimal(high, low, flags) : default;
        return ok;
    }
}

/// <summary>
/// A <see cref="decimal"/> divisor prepared for <see cref="WideDecimal.TryDivide"/>: its coefficient (1 to 2^32 − 1,
/// the divisors <see cref="decimal"/> divides by in 32 bits), flags and reciprocal.
/// </summary>
internal readonly struct WideDivisor
{
    private readonly ulong[] _thresholds;

    private WideDivisor(ulong coefficient, int flags)
    {
        Divisor = new UInt128Divisor(coefficient);
        Flags = flags;

        // For each p: ceil(d × 2^96 / 10^p), as high and low halves; n × 10^p < d × 2^96 exactly when n is below it.
        var limit = (UInt128)coefficient << 96;
        _thresholds = new ulong[2 * 39];
        for (var p = 0; p < 39; p++)
        {
            var power = UInt128Divisor.PowerOfTen(p).Value;
            var threshold = (limit / power) + (limit % power == UInt128.Zero ? UInt128.Zero : UInt128.One);
            _thresholds[2 * p] = unchecked((ulong)(threshold >> 64));
            _thresholds[(2 * p) + 1] = unchecked((ulong)threshold);
        }
    }

    /// <summary>Gets the coefficient as a divisor.</summary>
    public UInt128Divisor Divisor { get; }

    /// <summary>Gets <see cref="decimal"/>'s flags word of the divisor.</summary>
    public int Flags { get; }

    /// <summary>Gets the divisor's number of decimals.</summary>
    public int Scale => (Flags >> 16) & 0xFF;

    /// <summary>Prepares <paramref name="value"/>; false when its coefficient is zero or needs more than 32 bits.</summary>
    public static bool TryCreate(decimal value, out WideDivisor divisor)
    {
        var flags = DecimalParts.Read(value, out var low, out var high);
        if (high != 0 || low > uint.MaxValue || low == 0)
        {
            divisor = default;
            return false;
        }

        divisor = new WideDivisor((uint)low, flags);
        return true;
    }

    /// <summary>Returns whether n (as halves) × 10^<paramref name="power"/> stays below coefficient × 2^96, so that the quotient fits 96 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Below(ulong high, ulong low, int power)
    {
        Debug.Assert(_thresholds is not null, "default(WideDivisor) is not a divisor: build it with TryCreate.");
        var thresholdHigh = _thresholds[2 * power];
        return high < thresholdHigh || (high == thresholdHigh && low < _thresholds[(2 * power) + 1]);
    }
}
