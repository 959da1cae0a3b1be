using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Subscriptions.Taxes;

/// <summary>The full 128-bit product of two 64-bit integers, kept in registers: every product of the fast numbers that needs its high half goes through it.</summary>
/// <remarks>
/// On x64, <see cref="Math.BigMul(ulong, ulong, out ulong)"/> is <c>mulx</c> with the low half written through a
/// pointer. In the engine's large inlined methods that pointer pins the low half to the stack: a store and a reload on
/// the critical path of every 96-bit addition and division, and spills around it. Here the high half is <c>mulx</c>
/// alone and the low half a plain multiplication, both in registers; the benchmark documents got 4 % to 20 % faster
/// (benchmarks/RESULTS.md, session 6). Elsewhere <see cref="Math.BigMul(ulong, ulong, out ulong)"/> is used as is (on
/// Arm64 it already computes both halves in registers).
/// </remarks>
internal static class Multiplication
{
    /// <summary>Returns the high 64 bits of <paramref name="a"/> × <paramref name="b"/>, and gives the low 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong BigMul(ulong a, ulong b, out ulong low)
    {
        if (Bmi2.X64.IsSupported)
        {
            low = unchecked(a * b);
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return Math.BigMul(a, b, out low);
    }
}
