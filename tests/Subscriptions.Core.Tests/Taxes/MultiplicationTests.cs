using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;
using Subscriptions.Testing;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary><see cref="Multiplication.BigMul"/> gives the exact 128-bit product, on the path this machine takes (mulx and a plain multiplication on x64).</summary>
public class MultiplicationTests
{
    /// <summary>64-bit integers of every size: small ones, powers of ten, values near 2^32 and 2^64, and any.</summary>
    private static Gen<ulong> AnyUInt64 { get; } = Gen.Frequency(
        (2, Gen.Choose(0, 1_000_000).Select(i => (ulong)i)),
        (1, Gen.Elements(Enumerable.Range(0, 20).Select(k => Enumerable.Repeat(10UL, k).Aggregate(1UL, (p, ten) => p * ten)).ToArray())),
        (1, Gen.Choose(-1_000, 1_000).Select(k => unchecked((ulong)k))),
        (1, Gen.Choose(-1_000, 1_000).Select(k => unchecked((1UL << 32) + (ulong)k))),
        (4, from high in Gen.Choose(int.MinValue, int.MaxValue) from low in Gen.Choose(int.MinValue, int.MaxValue) select ((ulong)(uint)high << 32) | (uint)low));

    [Fact]
    public void BigMul_GivesTheExactProduct()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyUInt64), Arb.From(AnyUInt64), (a, b) =>
        {
            var high = Multiplication.BigMul(a, b, out var low);
            var expected = (UInt128)a * b;
            Assert.Equal(expected, new UInt128(high, low));
        }), 10_000);
    }

    [Theory]
    [InlineData(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue - 1, 1UL)]
    [InlineData(ulong.MaxValue, 10UL, 9UL, ulong.MaxValue - 9)]
    [InlineData(0UL, ulong.MaxValue, 0UL, 0UL)]
    [InlineData(1UL << 63, 2UL, 1UL, 0UL)]
    public void BigMul_Edges(ulong a, ulong b, ulong high, ulong low)
    {
        Assert.Equal(high, Multiplication.BigMul(a, b, out var actualLow));
        Assert.Equal(low, actualLow);
        Assert.Equal(high, Multiplication.BigMul(b, a, out actualLow));
        Assert.Equal(low, actualLow);
    }
}
