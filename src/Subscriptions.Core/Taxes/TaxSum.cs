using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A running <see cref="decimal"/> sum with the bits of adding every value in order with <see cref="decimal"/>, kept
/// as <see cref="decimal"/> keeps it (a 96-bit coefficient and the flags word) but added on 128-bit integers.
/// <c>default</c> is <c>0m</c>.
/// </summary>
/// <remarks>
/// <see cref="decimal"/> adds exactly and, when the exact result needs more than 96 bits, drops the fewest decimals
/// that make it fit, rounding half to even. The same is done here on <see cref="UInt128"/> (<see cref="DecimalAddition"/>),
/// which is several times faster for the 28-digit values a price-included tax produces; the rare cases it leaves (a
/// rounding that carries to 2^96, an overflow, and the like) are handed to <see cref="decimal"/> itself.
/// </remarks>
internal struct TaxSum
{
    private static readonly UInt128 Max96 = UInt128.One << 96;

    private UInt128 _magnitude;
    private int _flags;

    /// <summary>Gets the sum.</summary>
    public readonly decimal Value =>
        new(unchecked((int)(uint)_magnitude), unchecked((int)(uint)(_magnitude >> 32)), unchecked((int)(uint)(_magnitude >> 64)), _flags < 0, (byte)DecimalAddition.Scale(_flags));

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

    /// <summary>The general addition (<see cref="DecimalAddition"/>), or <see cref="decimal"/> for the cases it leaves.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSlow(UInt128 magnitude, int flags)
    {
        if (DecimalAddition.TryAdd(_magnitude, _flags, magnitude, flags, out var sum, out var sumFlags))
        {
            _magnitude = sum;
            _flags = sumFlags;
            return;
        }

        AddInDecimal(magnitude, flags);
    }

    /// <summary>Adds with <see cref="decimal"/> itself (and lets it throw on overflow, as it always did).</summary>
    private void AddInDecimal(UInt128 magnitude, int flags)
    {
        var value = new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), unchecked((int)(uint)(magnitude >> 64)), flags < 0, (byte)DecimalAddition.Scale(flags));
        var sum = Value + value;
        var bits = default(DecimalBits);
        decimal.GetBits(sum, bits);
        _magnitude = new UInt128(unchecked((uint)bits[2]), unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        _flags = bits[3];
    }
}
