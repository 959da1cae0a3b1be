using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// Builds a <see cref="decimal"/> from parts already known to be valid (a coefficient below 2^96 as a low 64-bit and a
/// high 32-bit half, and a flags word with a scale of at most 28), and reads a <see cref="decimal"/>'s parts: the tax
/// engine's fast numbers turn into the <see cref="decimal"/>s it reports four times per tax, and come from the line's.
/// </summary>
/// <remarks>
/// <see cref="decimal"/>'s public constructor validates its scale and takes the coefficient in three 32-bit words; in
/// the engine's large methods that cost spills and checks. The runtime keeps a <see cref="decimal"/> as the flags
/// word, the high 32 bits and the low 64 bits, in that order; <see cref="Create"/> writes that layout directly and
/// <see cref="Read"/> reads it (<see cref="decimal.GetBits(decimal, Span{int})"/> goes through memory). Whether
/// the runtime still lays it out so is checked once, against the constructor, and the constructor is used otherwise.
/// </remarks>
internal static class DecimalParts
{
    private const int SignMask = int.MinValue;
    private const int ScaleShift = 16;

    /// <summary>Whether <see cref="Layout"/> is the runtime's layout of <see cref="decimal"/> (a constant once compiled).</summary>
    private static readonly bool LayoutMatches = CheckLayout();

    /// <summary>Gets a value indicating whether <see cref="Create"/> writes the layout (else it calls the constructor).</summary>
    public static bool WritesLayout => LayoutMatches;

    /// <summary>Returns the <see cref="decimal"/> with these parts, bit for bit.</summary>
    /// <param name="low">The coefficient's low 64 bits.</param>
    /// <param name="high">The coefficient's high 32 bits.</param>
    /// <param name="flags">decimal's flags word: the sign bit and the scale (at most 28) in bits 16 to 23, nothing else.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Create(ulong low, uint high, int flags) =>
        LayoutMatches ? ByLayout(low, high, flags) : ByConstructor(low, high, flags);

    /// <summary>Reads a <see cref="decimal"/>'s parts, bit for bit: the inverse of <see cref="Create"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="low">The coefficient's low 64 bits.</param>
    /// <param name="high">The coefficient's high 32 bits.</param>
    /// <returns>decimal's flags word.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(decimal value, out ulong low, out uint high)
    {
        if (LayoutMatches)
        {
            var layout = Unsafe.BitCast<decimal, Layout>(value);
            (low, high) = (layout.Low, layout.High);
            return layout.Flags;
        }

        var bits = default(DecimalBits);
        decimal.GetBits(value, bits);
        low = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        high = unchecked((uint)bits[2]);
        return bits[3];
    }

    private static decimal ByLayout(ulong low, uint high, int flags) => Unsafe.BitCast<Layout, decimal>(new Layout(flags, high, low));

    private static decimal ByConstructor(ulong low, uint high, int flags) =>
        new(unchecked((int)low), unchecked((int)(low >> 32)), unchecked((int)high), flags < 0, (byte)DecimalAddition.Scale(flags));

    private static bool CheckLayout()
    {
        ReadOnlySpan<(ulong Low, uint High, int Flags)> samples =
        [
            (0, 0, 0),
            (1, 0, SignMask),
            (0x0123_4567_89AB_CDEF, 0xFEDC_BA98, 28 << ScaleShift),
            (ulong.MaxValue, uint.MaxValue, SignMask | (7 << ScaleShift)),
        ];
        foreach (var (low, high, flags) in samples)
        {
            var expected = ByConstructor(low, high, flags);
            var actual = decimal.GetBits(ByLayout(low, high, flags));
            var read = Unsafe.BitCast<decimal, Layout>(expected);
            if (!decimal.GetBits(expected).AsSpan().SequenceEqual(actual) || (read.Low, read.High, read.Flags) != (low, high, flags))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The runtime's fields of <see cref="decimal"/>, in order.</summary>
    private readonly struct Layout(int flags, uint high, ulong low)
    {
        public int Flags { get; } = flags;

        public uint High { get; } = high;

        public ulong Low { get; } = low;
    }
}

/// <summary>The four 32-bit words <see cref="decimal.GetBits(decimal, Span{int})"/> writes, on the stack.</summary>
[InlineArray(4)]
internal struct DecimalBits
{
    private int _element;
}
