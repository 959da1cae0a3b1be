using System.Globalization;
using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A <see cref="decimal"/> whose coefficient fits in 63 bits, kept as <see cref="decimal"/> keeps it: a magnitude and
/// the same flags word (sign bit and scale; trailing zeros and the sign of a zero included). Every operation returns
/// exactly the bits <see cref="decimal"/>'s own operation returns, or <c>false</c> where <see cref="decimal"/> would
/// need a wider coefficient or would round (scale above 28); the caller then redoes that work in <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// The tax engine's fast path: invoice arithmetic (prices with a few decimals, rates, quantities) stays far below 63
/// bits, where these operations are a few inlined integer instructions instead of calls into <see cref="decimal"/>'s
/// general 96-bit routines. <c>default</c> is positive zero with scale 0, the same as <c>0m</c>.
/// </remarks>
internal readonly struct SmallDecimal : IExactDecimal<SmallDecimal>
{
    /// <summary>The exclusive bound on magnitudes: the sum of two stays below 2^64.</summary>
    private const ulong Limit = 1UL << 63;

    private const int MaxScale = 28;
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    // Division by 10^k as a multiplication: for x < 2^63, x / 10^k = high64(x × Reciprocals[k]) >> ReciprocalShifts[k]
    // with Reciprocals[k] = floor(2^(64 + s) / 10^k) + 1 and s = floor(log2 10^k). The rounding error is below
    // x / 2^(64 + s) < 2^-(s + 1) < 10^-k, too small to reach the next integer.
    private static readonly (ulong Multiplier, int Shift)[] Reciprocals = BuildReciprocals();

    private static readonly SmallDecimal OneValue = new(1, 0);
    private static readonly SmallDecimal OneHundredthValue = new(1, 2 << ScaleShift);

    private readonly ulong _magnitude;
    private readonly int _flags;

    private SmallDecimal(ulong magnitude, int flags)
    {
        _magnitude = magnitude;
        _flags = flags;
    }

    /// <inheritdoc />
    public static SmallDecimal One => OneValue;

    /// <inheritdoc />
    public static SmallDecimal OneHundredth => OneHundredthValue;

    /// <summary>Gets the coefficient's magnitude (below 2^63).</summary>
    public ulong Magnitude => _magnitude;

    /// <summary>Gets <see cref="decimal"/>'s flags word: the sign bit (bit 31) and the scale (bits 16 to 23).</summary>
    public int Flags => _flags;

    /// <summary>Gets the number of decimals, 0 to 28.</summary>
    public int Scale => (_flags >> ScaleShift) & 0xFF;

    /// <summary>Gets a value indicating whether the sign bit is set (a zero can carry it, as in <see cref="decimal"/>).</summary>
    public bool IsNegative => _flags < 0;

    /// <summary>Gets a value indicating whether the value is zero, whatever its sign and scale.</summary>
    public bool IsZero => _magnitude == 0;

    /// <summary>Gets a value indicating whether the value is below zero (a negative zero is not).</summary>
    public bool IsBelowZero => _flags < 0 && _magnitude != 0;

    /// <summary>Converts a decimal whose coefficient fits in 63 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFrom(decimal value, out SmallDecimal result)
    {
        var flags = DecimalParts.Read(value, out var magnitude, out var high);
        if (high != 0 || magnitude >= Limit)
        {
            result = default;
            return false;
        }

        result = new SmallDecimal(magnitude, flags);
        return true;
    }

    /// <summary>Returns whether the set's taxes never divide and their values fit (<see cref="TaxSet.FitsSmall"/>).</summary>
    public static bool Takes(TaxSet taxes) => taxes.FitsSmall;

    /// <summary>Never divides: the sets this type takes have no tax that divides.</summary>
    public static bool TryDivideByBatch(in SmallDecimal dividend, in TaxSlot slot, out SmallDecimal result)
    {
        result = default;
        return false;
    }

    /// <inheritdoc />
    public static SmallDecimal AmountOf(in TaxSlot slot) => slot.SmallAmount;

    /// <inheritdoc />
    public static SmallDecimal RateOf(in TaxSlot slot) => slot.SmallRate;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(ref TaxSum sum, in SmallDecimal value) => sum.Add(value);

    /// <inheritdoc />
    public static Span<SmallDecimal> ScratchOf(in TaxWorkspace workspace) => workspace.Smalls;

    /// <summary>Returns the same value as a <see cref="decimal"/>, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public decimal ToDecimal() => DecimalParts.Create(_magnitude, 0, _flags);

    /// <summary>Flips the sign bit, as unary minus on <see cref="decimal"/> does (zeros included).</summary>
    public SmallDecimal Negate() => new(_magnitude, _flags ^ SignMask);

    /// <summary>Adds as <see cref="decimal"/> does: the larger scale, and on a zero result the sign of the operand kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(in SmallDecimal a, in SmallDecimal b, out SmallDecimal result)
    {
        if (a._flags == b._flags)
        {
            // Same scale and sign: the common case of sums.
            var sum = a._magnitude + b._magnitude;
            result = new SmallDecimal(sum, a._flags);
            return sum < Limit;
        }

        // The result may be the same variable as an operand: written only once an attempt succeeds.
        if (TryAddScaled(a, b, out var scaled))
        {
            result = scaled;
            return true;
        }

        return TryAddSlow(a, b, out result);
    }

    /// <summary>Subtracts as <see cref="decimal"/> does (the same as adding the negated operand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySubtract(in SmallDecimal a, in SmallDecimal b, out SmallDecimal result) => TryAdd(a, b.Negate(), out result);

    /// <summary>Multiplies as <see cref="decimal"/> does: scales add up, signs combine, trailing zeros stay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMultiply(in SmallDecimal a, in SmallDecimal b, out SmallDecimal result)
    {
        var scale = a.Scale + b.Scale;
        var high = Multiplication.BigMul(a._magnitude, b._magnitude, out var low);
        if ((high | (low >> 63)) != 0 || scale > MaxScale)
        {
            result = default;
            return false;
        }

        if (low == 0 && (a._magnitude > uint.MaxValue || b._magnitude > uint.MaxValue))
        {
            // decimal's wide multiplication returns a plain zero; only its 32-bit path keeps sign and scale.
            result = default;
            return true;
        }

        result = new SmallDecimal(low, ((a._flags ^ b._flags) & SignMask) | (scale << ScaleShift));
        return true;
    }

    /// <summary>
    /// Rounds half away from zero to <paramref name="digits"/> decimals, as
    /// <c>decimal.Round(value, digits, MidpointRounding.AwayFromZero)</c> does: unchanged when the scale is already
    /// that small, else exactly that scale, keeping the sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SmallDecimal Round(int digits)
    {
        var drop = Scale - digits;
        if (drop <= 0)
        {
            return this;
        }

        var flags = (_flags & SignMask) | (digits << ScaleShift);
        if (drop >= PowersOfTen.Length)
        {
            // The magnitude is below 2^63 < 0.5 × 10^19: it rounds to zero.
            return new SmallDecimal(0, flags);
        }

        var divisor = PowersOfTen[drop];
        var (multiplier, shift) = Reciprocals[drop];
        var quotient = Multiplication.BigMul(_magnitude, multiplier, out _) >> shift;
        var remainder = _magnitude - (quotient * divisor);
        return new SmallDecimal(remainder >= divisor - remainder ? quotient + 1 : quotient, flags);
    }

    /// <summary>Clears the sign bit, as <see cref="Math.Abs(decimal)"/> does.</summary>
    public SmallDecimal Abs() => new(_magnitude, _flags & ~SignMask);

    /// <inheritdoc />
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);

    private static (ulong Multiplier, int Shift)[] BuildReciprocals()
    {
        var reciprocals = new (ulong Multiplier, int Shift)[PowersOfTen.Length];
        for (var k = 1; k < PowersOfTen.Length; k++)
        {
            var shift = 63 - (int)ulong.LeadingZeroCount(PowersOfTen[k]);
            reciprocals[k] = ((ulong)(((UInt128)1 << (64 + shift)) / PowersOfTen[k]) + 1, shift);
        }

        return reciprocals;
    }

    /// <summary>
    /// Different scales with an exact result below 2^63 (a fixed tax entering a rate's base, a discounted price, the
    /// engine's 0m shifts): <see cref="DecimalAddition.TryAddScaled64"/>, inline. False leaves it to the general
    /// addition.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAddScaled(in SmallDecimal a, in SmallDecimal b, out SmallDecimal result)
    {
        var ok = DecimalAddition.TryAddScaled64(a._magnitude, a._flags, b._magnitude, b._flags, out var high, out var low, out var flags)
            && high == 0 && low < Limit;
        result = ok ? new SmallDecimal(low, flags) : default;
        return ok;
    }

    /// <summary>The general addition (<see cref="DecimalAddition"/>): exact, so it fits here only below 2^63.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryAddSlow(in SmallDecimal a, in SmallDecimal b, out SmallDecimal result)
    {
        // A result the addition had to round needs at least 2^96 / 10 > 2^63: only exact results pass.
        var ok = DecimalAddition.TryAdd(0, a._magnitude, a._flags, 0, b._magnitude, b._flags, out var high, out var low, out var flags) && high == 0 && low < Limit;
        result = ok ? new SmallDecimal(low, flags) : default;
        return ok;
    }
}
