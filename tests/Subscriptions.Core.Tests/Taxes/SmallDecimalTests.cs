using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;
using Subscriptions.Testing;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>
/// The tax fast path's <see cref="SmallDecimal"/> and <see cref="TaxSum"/> against <see cref="decimal"/> itself: every
/// operation that succeeds returns the same bits (value, scale and the sign of zero), and the ones that give up do so
/// only where the result would not fit.
/// </summary>
public class SmallDecimalTests
{
    private const ulong Limit = 1UL << 63;

    /// <summary>Decimals of every shape: zeros with signs and scales, small and 40-bit coefficients, coefficients around 2^63, 96-bit ones.</summary>
    private static Gen<decimal> AnyDecimal { get; } =
        from magnitude in Gen.Frequency(
            (3, Gen.Choose(0, 1_000_000).Select(i => (ulong)i)),
            (2, Gen.Elements(0UL, 1UL, 5UL, 10UL, 50UL, 100UL, 105UL, 995UL, 1_000UL)),
            (2, from high in Gen.Choose(0, 255) from low in Gen.Choose(int.MinValue, int.MaxValue) select ((ulong)high << 32) | (uint)low),
            (1, Gen.Choose(-1_000, 1_000).Select(k => k < 0 ? Limit - (ulong)(-k) : Limit + (ulong)k)),
            (1, from high in Gen.Choose(int.MinValue, int.MaxValue) from low in Gen.Choose(int.MinValue, int.MaxValue) select ((ulong)(uint)high << 32) | (uint)low))
        from hi in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 1_000)))
        from negative in Gen.Elements(false, false, true)
        from scale in Gen.Frequency((4, Gen.Choose(0, 6)), (2, Gen.Choose(0, 14)), (1, Gen.Choose(15, 28)))
        select new decimal(unchecked((int)magnitude), unchecked((int)(magnitude >> 32)), hi, negative, (byte)scale);

    [Fact]
    public void TryFrom_FitsExactlyWhenTheCoefficientIsBelowTwoToThe63_AndConvertsBackBitForBit()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), value =>
        {
            var bits = decimal.GetBits(value);
            var fits = bits[2] == 0 && (((ulong)(uint)bits[1] << 32) | (uint)bits[0]) < Limit;
            Assert.Equal(fits, SmallDecimal.TryFrom(value, out var small));
            if (fits)
            {
                DecimalAssert.SameBits(value, small.ToDecimal());
                DecimalAssert.SameBits(-value, small.Negate().ToDecimal());
                DecimalAssert.SameBits(Math.Abs(value), small.Abs().ToDecimal());
            }
        }));
    }

    [Fact]
    public void TryAddAndTrySubtract_GiveDecimalsBits_AndGiveUpOnlyWhenTheResultNeeds63Bits()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), Arb.From(AnyDecimal), (a, b) =>
        {
            if (!SmallDecimal.TryFrom(a, out var x) || !SmallDecimal.TryFrom(b, out var y))
            {
                return;
            }

            CheckAddition(a + b, SmallDecimal.TryAdd(x, y, out var sum), sum, $"{a} + {b}");
            CheckAddition(a - b, SmallDecimal.TrySubtract(x, y, out var difference), difference, $"{a} - {b}");
        }), 5_000);
    }

    [Fact]
    public void TryMultiply_GivesDecimalsBits_AndFailsOnlyWhenTheProductOutgrows63BitsOrScale28()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), Arb.From(AnyDecimal), (a, b) =>
        {
            if (!SmallDecimal.TryFrom(a, out var x) || !SmallDecimal.TryFrom(b, out var y))
            {
                return;
            }

            var ok = SmallDecimal.TryMultiply(x, y, out var product);
            var fits = (UInt128)x.Magnitude * y.Magnitude < Limit && a.Scale + b.Scale <= 28;
            Assert.Equal(fits, ok);
            if (ok)
            {
                DecimalAssert.SameBits(a * b, product.ToDecimal(), $"{a} × {b}");
            }
        }), 5_000);
    }

    [Fact]
    public void Round_IsDecimalRoundHalfAwayFromZero_KeepingTheScaleWhenAlreadyShortEnough()
    {
        var cases =
            from value in AnyDecimal
            from digits in Gen.Choose(0, 12)
            select (value, digits);
        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            if (!SmallDecimal.TryFrom(c.value, out var small))
            {
                return;
            }

            var expected = c.value.Scale <= c.digits ? c.value : decimal.Round(c.value, c.digits, MidpointRounding.AwayFromZero);
            DecimalAssert.SameBits(expected, small.Round(c.digits).ToDecimal(), $"round({c.value}, {c.digits})");
        }), 5_000);
    }

    [Fact]
    public void TaxSum_OfAnySequence_HasTheBitsOfAddingInOrderWithDecimal()
    {
        var cases =
            from values in Gen.ArrayOf(AnyDecimal)
            from asSmall in Gen.ArrayOf(Gen.Elements(false, true), values.Length)
            select (values, asSmall);
        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var sum = default(TaxSum);
            var expected = 0m;
            for (var i = 0; i < c.values.Length; i++)
            {
                try
                {
                    expected += c.values[i];
                }
                catch (OverflowException)
                {
                    return;
                }

                if (c.asSmall[i] && SmallDecimal.TryFrom(c.values[i], out var small))
                {
                    sum.Add(small);
                }
                else
                {
                    sum.Add(c.values[i]);
                }

                DecimalAssert.SameBits(expected, sum.Value, $"after {i + 1} of [{string.Join(", ", c.values)}]");
            }
        }));
    }

    [Fact]
    public void TaxSum_OfTwentyEightDigitQuotients_HasTheBitsOfAddingInOrderWithDecimal()
    {
        // What price-included taxes produce: b × rate / (1 + rate), 28 significant digits, mixed with short values.
        var quotient =
            from cents in Gen.Choose(-1_000_000, 10_000_000)
            from divisor in Gen.Elements(1.06m, 1.21m, 1.055m, 1.077m, 3m, 7m, 0.97m)
            from shortOne in Gen.Elements(false, false, false, true)
            select shortOne ? cents / 100m : cents / 100m * 0.21m / divisor;
        PropertyCheck.Check(Prop.ForAll(Arb.From(Gen.ArrayOf(quotient)), values =>
        {
            var sum = default(TaxSum);
            var expected = 0m;
            foreach (var value in values)
            {
                expected += value;
                sum.Add(value);
                DecimalAssert.SameBits(expected, sum.Value, $"[{string.Join(", ", values)}]");
            }
        }));
    }

    [Theory]
    [InlineData("-1.5", "1.5", true, 1)]
    [InlineData("1.5", "-1.5", false, 1)]
    [InlineData("0", "-0.00", true, 2)]
    [InlineData("-0.00", "0", true, 2)]
    public void TryAdd_ZeroResults_CarryTheSignAndScaleDecimalGivesThem(string left, string right, bool negative, int scale)
    {
        var a = decimal.Parse(left, System.Globalization.CultureInfo.InvariantCulture);
        var b = decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SmallDecimal.TryFrom(a, out var x));
        Assert.True(SmallDecimal.TryFrom(b, out var y));
        Assert.True(SmallDecimal.TryAdd(x, y, out var sum));
        Assert.True(sum.IsZero);
        Assert.Equal(negative, sum.IsNegative);
        Assert.Equal(scale, sum.Scale);
        DecimalAssert.SameBits(a + b, sum.ToDecimal());
    }

    [Fact]
    public void TryMultiply_ZeroTimesAWideCoefficient_IsAPlainZeroAsInDecimal()
    {
        var wide = -12_345_678_901_234.5m;
        var zero = 0.00m;
        Assert.True(SmallDecimal.TryFrom(wide, out var x));
        Assert.True(SmallDecimal.TryFrom(zero, out var y));
        Assert.True(SmallDecimal.TryMultiply(x, y, out var product));
        DecimalAssert.SameBits(wide * zero, product.ToDecimal());
        Assert.True(SmallDecimal.TryFrom(-3m, out var narrow));
        Assert.True(SmallDecimal.TryMultiply(narrow, y, out var narrowProduct));
        DecimalAssert.SameBits(-3m * zero, narrowProduct.ToDecimal());
        Assert.True(narrowProduct.IsNegative);
    }

    [Theory]
    [InlineData("93", "-92.23372036854775807")]
    [InlineData("-93", "92.23372036854775807")]
    [InlineData("-92.23372036854775807", "93")]
    public void TryAdd_ScaledOperandPastTwoToThe63_StillGivesAResultThatFits(string left, string right)
    {
        // 93 on scale 17 needs 64 bits, the difference does not: decimal's result, exactly.
        var a = decimal.Parse(left, System.Globalization.CultureInfo.InvariantCulture);
        var b = decimal.Parse(right, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SmallDecimal.TryFrom(a, out var x));
        Assert.True(SmallDecimal.TryFrom(b, out var y));
        Assert.True(SmallDecimal.TryAdd(x, y, out var sum));
        DecimalAssert.SameBits(a + b, sum.ToDecimal());
        Assert.False(SmallDecimal.TryAdd(x, y.Negate(), out _));
    }

    [Fact]
    public void TaxSum_PastDecimalsRange_ThrowsAsDecimalDoes()
    {
        var sum = default(TaxSum);
        sum.Add(decimal.MaxValue);
        Assert.Throws<OverflowException>(() =>
        {
            var again = sum;
            again.Add(1m);
        });
        var max = decimal.MaxValue;
        Assert.Throws<OverflowException>(() => max + 1m);
    }

    [Fact]
    public void TryAdd_PastTwoToThe63_GivesUp()
    {
        Assert.True(SmallDecimal.TryFrom(9_000_000_000_000_000_000m, out var big));
        Assert.False(SmallDecimal.TryAdd(big, big, out _));
        Assert.False(SmallDecimal.TryFrom(9_300_000_000_000_000_000m, out _));
        var sum = default(TaxSum);
        sum.Add(big);
        sum.Add(big);
        Assert.Equal(18_000_000_000_000_000_000m, sum.Value);
    }

    private static void CheckAddition(decimal expected, bool ok, SmallDecimal actual, string what)
    {
        var bits = decimal.GetBits(expected);
        var fits = bits[2] == 0 && (((ulong)(uint)bits[1] << 32) | (uint)bits[0]) < Limit;
        if (ok)
        {
            DecimalAssert.SameBits(expected, actual.ToDecimal(), what);
        }
        else
        {
            // Giving up is allowed only where the result needs 63 bits or more.
            Assert.False(fits, $"{what} gave up although {expected} fits");
        }
    }
}
