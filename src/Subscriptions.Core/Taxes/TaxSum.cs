using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A running <see cref="decimal"/> sum with the bits of adding every value in order with <see cref="decimal"/>, kept
/// as <see cref="decimal"/> keeps it (a 96-bit coefficient and the flags word) but added on 64-bit halves of 128-bit integers.
/// <c>default</c> is <c>0m</c>.
/// </summary>
/// <remarks>
/// <see cref="decimal"/> adds exactly and, when the exact result needs more than 96 bits, drops the fewest decimals
/// that make it fit, rounding half to even. The same is done here on integers (<see cref="DecimalAddition"/>),
/// which is several times faster for the 28-digit values a price-included tax produces; the rare cases it leaves (a
/// rounding that carries to 2^96, an overflow, and the like) are handed to <see cref="decimal"/> itself.
/// </remarks>
internal struct TaxSum
{
    // decimal's own layout: the low 64 bits, the high 32 bits (kept in 64 for the additions), the flags word.
    private ulong _low;
    private ulong _high;
    private int _flags;

    /// <summary>Gets the sum.</summary>
    public readonly decimal Value => DecimalParts.Create(_low, unchecked((uint)_high), _flags);

    /// <summary>
    /// Returns the sum rounded as <see cref="TaxRounding.Round"/> rounds it: on the coefficient
    /// (<see cref="WideDecimal.Round"/>) when the step is a power of ten, else in <see cref="decimal"/>, as is every
    /// value of the <see cref="TaxRounding.DecimalOnly"/> reference.
    /// </summary>
    public readonly decimal Round(TaxRounding rounding) =>
        rounding.Digits >= 0 && !rounding.DecimalOnly ? WideDecimal.FromParts(_high, _low, _flags).Round(rounding.Digits).ToDecimal() : rounding.Round(Value);

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in SmallDecimal value) => Add(0, value.Magnitude, value.Flags);

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(decimal value)
    {
        var flags = DecimalParts.Read(value, out var low, out var high);
        Add(high, low, flags);
    }

    /// <summary>Adds a value given as decimal's parts: the coefficient's high 32 and low 64 bits, the flags word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong high, ulong low, int flags)
    {
        if (_flags == flags)
        {
            // Same scale and sign, no carry past 96 bits: the common case of sums.
            var sumLow = unchecked(_low + low);
            var sumHigh = _high + high + (sumLow < low ? 1UL : 0UL);
            if (sumHigh <= uint.MaxValue)
            {
                (_high, _low) = (sumHigh, sumLow);
                return;
            }
        }
        else if ((_high | _low) == 0 && DecimalAddition.Scale(_flags) < DecimalAddition.Scale(flags))
        {
            // A zero sum with fewer decimals (the start of every sum) gives the value unchanged, as in decimal.
            (_high, _low, _flags) = (high, low, flags);
            return;
        }
        else if ((_high | high) == 0 && TryAddScaled(low, flags))
        {
            return;
        }

        AddSlow(high, low, flags);
    }

    /// <summary>
    /// Different scales, both below 2^64 (the raw values of lines with different decimals):
    /// <see cref="DecimalAddition.TryAddScaled64"/> inline, when the exact sum needs no rounding. False leaves it to
    /// the general addition.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAddScaled(ulong low, int flags)
    {
        if (!DecimalAddition.TryAddScaled64(_low, _flags, low, flags, out var sumHigh, out var sumLow, out var sumFlags) || sumHigh > uint.MaxValue)
        {
            return false;
        }

        (_high, _low, _flags) = (sumHigh, sumLow, sumFlags);
        return true;
    }

    /// <summary>The general addition (<see cref="DecimalAddition"/>), or <see cref="decimal"/> for the cases it leaves.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSlow(ulong high, ulong low, int flags)
    {
        if (DecimalAddition.TryAdd(_high, _low, _flags, high, low, flags, out var sumHigh, out var sumLow, out var sumFlags))
        {
            (_high, _low, _flags) = (sumHigh, sumLow, sumFlags);
            return;
        }

        AddInDecimal(high, low, flags);
    }

    /// <summary>Adds with <see cref="decimal"/> itself (and lets it throw on overflow, as it always did).</summary>
    private void AddInDecimal(ulong high, ulong low, int flags)
    {
        var value = new decimal(unchecked((int)low), unchecked((int)(low >> 32)), unchecked((int)high), flags < 0, (byte)DecimalAddition.Scale(flags));
        _flags = DecimalParts.Read(Value + value, out _low, out var sumHigh);
        _high = sumHigh;
    }
}
