using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;
using Subscriptions.Testing;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>
/// The tax fast path's <see cref="WideDecimal"/> (and the <see cref="UInt128Divisor"/> under it) against
/// <see cref="decimal"/> itself: every operation that succeeds returns the same bits (value, scale and the sign of
/// zero), and the ones that give up do so only outside what the type promises to handle.
/// </summary>
public class WideDecimalTests
{
    private static readonly UInt128 Max96 = UInt128.One << 96;

    /// <summary>Coefficients of every size up to 96 bits, with the edges: zero, powers of two and ten, near 2^63, 2^64 and 2^96.</summary>
    private static Gen<UInt128> AnyMagnitude { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 1_000_000).Select(i => (UInt128)(uint)i)),
        (2, Gen.Elements<UInt128>(0, 1, 5, 10, 50, 100, 105, 995, 1_000, ulong.MaxValue, (UInt128)1 << 63, (UInt128)1 << 64, Max96 - 1, Max96 / 10, (Max96 / 10) + 1)),
        (2, from high in Gen.Choose(0, 255) from low in Gen.Choose(int.MinValue, int.MaxValue) select ((UInt128)(uint)high << 32) | (uint)low),
        (2, from a in Gen.Choose(int.MinValue, int.MaxValue) from b in Gen.Choose(int.MinValue, int.MaxValue) select ((UInt128)(uint)a << 32) | (uint)b),
        (3, from a in Gen.Choose(int.MinValue, int.MaxValue) from b in Gen.Choose(int.MinValue, int.MaxValue) from c in Gen.Choose(int.MinValue, int.MaxValue) select ((UInt128)(uint)a << 64) | ((UInt128)(uint)b << 32) | (uint)c),
        (1, Gen.Choose(1, 1_000).Select(k => Max96 - (uint)k)));

    /// <summary>Decimals of every shape: any coefficient above, either sign, scales 0 to 28.</summary>
    private static Gen<decimal> AnyDecimal { get; } =
        from magnitude in AnyMagnitude
        from negative in Gen.Elements(false, false, true)
        from scale in Gen.Frequency((4, Gen.Choose(0, 6)), (2, Gen.Choose(0, 14)), (2, Gen.Choose(15, 28)))
        select Decimal(magnitude, negative, scale);

    /// <summary>The 28-digit values price-included taxes produce (b × rate / (1 + rate)) and the short values around them.</summary>
    private static Gen<decimal> TaxValue { get; } =
        from cents in Gen.Choose(-1_000_000, 100_000_000)
        from divisor in Gen.Elements(1.06m, 1.21m, 1.055m, 1.077m, 1.2m, 0.79m, 3m, 7m, 1.0000001m)
        from kind in Gen.Choose(0, 3)
        select kind switch
        {
            0 => cents / 100m,
            1 => cents / 100m * 0.21m,
            _ => cents / 100m * 0.21m / divisor,
        };

    /// <summary>Divisors decimal divides by in 32 bits: a tax batch's 1 + Σrate or 1 − Σrate, and others of any scale and sign.</summary>
    private static Gen<decimal> AnyDivisor { get; } = Gen.Frequency(
        (3, Gen.Elements(1.21m, 1.06m, 1.12m, 1.055m, 1.3265m, 0.79m, 0.9m, 0.0001m, 1.0000001m, 2m, 1m, 0.5m, 3m, 7m, 100m, 0.01m, -1.21m, 1.210m, 4294967295m)),
        (2, from coefficient in Gen.Choose(1, int.MaxValue) from scale in Gen.Choose(0, 28) from negative in Gen.Elements(false, false, true) select new decimal(coefficient, 0, 0, negative, (byte)scale)),
        (1, from coefficient in Gen.Choose(1, 1_000) from scale in Gen.Choose(0, 4) select new decimal(coefficient, 0, 0, false, (byte)scale)));

    [Fact]
    public void DivRem_IsIntegerDivision_ForAnyDividendAndDivisor()
    {
        var dividends = Gen.Frequency(
            (2, AnyMagnitude),
            (2, from a in Gen.Choose(int.MinValue, int.MaxValue) from b in Gen.Choose(int.MinValue, int.MaxValue) from c in Gen.Choose(int.MinValue, int.MaxValue) from d in Gen.Choose(int.MinValue, int.MaxValue)
                select ((UInt128)(uint)a << 96) | ((UInt128)(uint)b << 64) | ((UInt128)(uint)c << 32) | (uint)d),
            (1, Gen.Elements(UInt128.MaxValue, UInt128.MaxValue - 1, UInt128.One << 127, (UInt128)ulong.MaxValue << 64)));
        var divisors = Gen.Frequency(
            (2, Gen.Choose(1, int.MaxValue).Select(i => (UInt128)(uint)i)),
            (1, Gen.Choose(0, 38).Select(k => UInt128Divisor.PowerOfTen(k).Value)),
            (1, AnyMagnitude.Where(m => m != UInt128.Zero)),
            (1, Gen.Elements(UInt128.One, (UInt128)2, (UInt128)ulong.MaxValue, UInt128.MaxValue, UInt128.One << 127, (UInt128.One << 64) + 1)));
        PropertyCheck.Check(Prop.ForAll(Arb.From(dividends), Arb.From(divisors), (x, d) =>
        {
            var divisor = new UInt128Divisor(d);
            var quotient = divisor.DivRem(x, out var remainder);
            Assert.Equal(x / d, quotient);
            Assert.Equal(x % d, remainder);
        }), 5_000);
    }

    [Fact]
    public void DecimalParts_WritesAndReadsTheRuntimesLayout_BitForBit_ForAnyParts()
    {
        // On this runtime the layout check passes, so the engine converts through the layout, not the fallback.
        Assert.True(DecimalParts.WritesLayout);
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), value =>
        {
            var bits = decimal.GetBits(value);
            var low = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            DecimalAssert.SameBits(value, DecimalParts.Create(low, (uint)bits[2], bits[3]), "parts of " + value.ToString(CultureInfo.InvariantCulture));
            var flags = DecimalParts.Read(value, out var readLow, out var readHigh);
            Assert.Equal((low, (uint)bits[2], bits[3]), (readLow, readHigh, flags));
        }));
    }

    [Fact]
    public void FromAndToDecimal_RoundTripBitForBit_WithNegateAndAbs()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), value =>
        {
            var wide = WideDecimal.From(value);
            DecimalAssert.SameBits(value, wide.ToDecimal());
            DecimalAssert.SameBits(-value, wide.Negate().ToDecimal());
            DecimalAssert.SameBits(Math.Abs(value), wide.Abs().ToDecimal());
            Assert.Equal(value == 0m, wide.IsZero);
            Assert.Equal(value < 0m, wide.IsBelowZero);
            if (SmallDecimal.TryFrom(value, out var small))
            {
                DecimalAssert.SameBits(value, WideDecimal.From(small).ToDecimal());
            }
        }));
    }

    [Fact]
    public void TryAdd_GivesDecimalsBits_AndHandlesEveryResultBelowTwoToThe90()
    {
        var operands = Gen.Frequency((2, AnyDecimal), (2, TaxValue));
        PropertyCheck.Check(Prop.ForAll(Arb.From(operands), Arb.From(operands), (a, b) =>
        {
            CheckAddition(a, b);
            CheckAddition(a, -b);
        }), 10_000);

        static void CheckAddition(decimal a, decimal b)
        {
            decimal expected;
            try
            {
                expected = a + b;
            }
            catch (OverflowException)
            {
                Assert.False(WideDecimal.TryAdd(WideDecimal.From(a), WideDecimal.From(b), out _), $"{a} + {b} overflows decimal");
                return;
            }

            var ok = WideDecimal.TryAdd(WideDecimal.From(a), WideDecimal.From(b), out var sum);
            if (ok)
            {
                DecimalAssert.SameBits(expected, sum.ToDecimal(), $"{a} + {b}");
            }
            else
            {
                // Giving up is allowed where the operand scaled up would need 127 bits, or the rounding reaches 2^96.
                Assert.True(Magnitude(a) >= UInt128.One << 90 || Magnitude(b) >= UInt128.One << 90 || Math.Abs(a.Scale - b.Scale) > 9, $"{a} + {b} gave up");
            }
        }
    }

    [Fact]
    public void TryMultiply_GivesDecimalsBits_WhenTheProductNeedsNoRounding()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(AnyDecimal), Arb.From(AnyDecimal), (a, b) =>
        {
            var ok = WideDecimal.TryMultiply(WideDecimal.From(a), WideDecimal.From(b), out var product);
            var x = Magnitude(a);
            var y = Magnitude(b);
            var exact = x <= ulong.MaxValue && y <= ulong.MaxValue && x * y < Max96 && a.Scale + b.Scale <= 28;
            Assert.Equal(exact, ok);
            if (ok)
            {
                DecimalAssert.SameBits(a * b, product.ToDecimal(), $"{a} × {b}");
            }
        }), 5_000);
    }

    [Fact]
    public void TryDivide_GivesDecimalsBits_ForAnyDividendAndA32BitDivisor()
    {
        var dividends = Gen.Frequency((3, AnyDecimal), (2, TaxValue));
        PropertyCheck.Check(Prop.ForAll(Arb.From(dividends), Arb.From(AnyDivisor), (n, d) =>
        {
            Assert.True(WideDivisor.TryCreate(d, out var divisor));
            var ok = WideDecimal.TryDivide(WideDecimal.From(n), divisor, out var quotient);
            decimal expected;
            try
            {
                expected = n / d;
            }
            catch (OverflowException)
            {
                Assert.False(ok, $"{n} / {d} overflows decimal");
                return;
            }

            // Giving up is allowed only where decimal's rounding carries the quotient to 2^96 (it then drops a decimal).
            Assert.True(ok || Magnitude(expected) == (Max96 + 9) / 10, $"{n} / {d} gave up");
            if (ok)
            {
                DecimalAssert.SameBits(expected, quotient.ToDecimal(), $"{n} / {d}");
            }
        }), 10_000);
    }

    [Theory]
    [InlineData("1", "4")] // inexact at first: trailing zeros dropped (0.25)
    [InlineData("2.42", "1.21")] // exact: the natural scale (2)
    [InlineData("4.20", "2")] // exact: the natural scale keeps its zero (2.10)
    [InlineData("100", "0.01")] // negative natural scale: zeros appended (10000)
    [InlineData("1", "0.0000003")] // inexact with a negative natural scale
    [InlineData("-0", "1.21")]
    [InlineData("0.00", "-1.21")]
    [InlineData("0", "0.01")]
    [InlineData("20.00", "1.21")]
    [InlineData("-4.4100", "1.21")]
    [InlineData("79228162514264337593543950335", "1.21")]
    [InlineData("79228162514264337593543950335", "3")]
    [InlineData("7922816251426433759354395033.5", "7")]
    [InlineData("0.0000000000000000000000000001", "3")]
    [InlineData("1", "3")]
    [InlineData("2", "3")]
    [InlineData("5", "2")]
    [InlineData("0.5", "4294967295")]
    public void TryDivide_Examples_HaveDecimalsBits(string dividend, string divisor)
    {
        var n = decimal.Parse(dividend, CultureInfo.InvariantCulture);
        var d = decimal.Parse(divisor, CultureInfo.InvariantCulture);
        Assert.True(WideDivisor.TryCreate(d, out var prepared));
        Assert.True(WideDecimal.TryDivide(WideDecimal.From(n), prepared, out var quotient));
        DecimalAssert.SameBits(n / d, quotient.ToDecimal(), $"{n} / {d}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.000")]
    [InlineData("4294967296")]
    [InlineData("1.21000000000")]
    [InlineData("79228162514264337593543950335")]
    public void WideDivisor_RefusesZeroAndCoefficientsPast32Bits(string value)
    {
        Assert.False(WideDivisor.TryCreate(decimal.Parse(value, CultureInfo.InvariantCulture), out _));
    }

    [Fact]
    public void Round_IsDecimalRoundHalfAwayFromZero_KeepingTheScaleWhenAlreadyShortEnough()
    {
        var values = Gen.Frequency((3, AnyDecimal), (2, TaxValue), (1, from k in Gen.Choose(0, 12) from cents in Gen.Choose(-100_000, 100_000) select (cents + 0.5m) / Pow10(k)));
        var cases =
            from value in values
            from digits in Gen.Frequency((3, Gen.Constant(2)), (2, Gen.Choose(0, 12)), (1, Gen.Choose(13, 28)))
            select (value, digits);
        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var expected = c.value.Scale <= c.digits ? c.value : decimal.Round(c.value, c.digits, MidpointRounding.AwayFromZero);
            DecimalAssert.SameBits(expected, WideDecimal.From(c.value).Round(c.digits).ToDecimal(), $"round({c.value}, {c.digits})");
        }), 10_000);
    }

    [Theory]
    [InlineData("0.005", 2)]
    [InlineData("-0.005", 2)]
    [InlineData("0.0049999999999999999999999999", 2)]
    [InlineData("1125899906842623.5", 0)] // quotient just below 2^50: the floating-point estimate
    [InlineData("1125899906842624.5", 0)] // quotient 2^50: the exact division
    [InlineData("79228162514264337593543950335", 0)]
    [InlineData("7.9228162514264337593543950335", 27)]
    [InlineData("7922816251426433759354395033.5", 0)]
    public void Round_Examples_HaveDecimalsBits(string value, int digits)
    {
        var x = decimal.Parse(value, CultureInfo.InvariantCulture);
        DecimalAssert.SameBits(decimal.Round(x, digits, MidpointRounding.AwayFromZero), WideDecimal.From(x).Round(digits).ToDecimal(), $"round({x}, {digits})");
    }

    [Fact]
    public void TaxSum_OfWideValues_HasTheBitsOfAddingInOrderWithDecimal()
    {
        var values = Gen.Frequency((3, TaxValue), (1, AnyDecimal));
        PropertyCheck.Check(Prop.ForAll(Arb.From(Gen.ArrayOf(values)), xs =>
        {
            var sum = default(TaxSum);
            var expected = 0m;
            foreach (var x in xs)
            {
                try
                {
                    expected += x;
                }
                catch (OverflowException)
                {
                    return;
                }

                WideDecimal.AddTo(ref sum, WideDecimal.From(x));
                DecimalAssert.SameBits(expected, sum.Value, $"[{string.Join(", ", xs)}]");
            }
        }), 2_000);
    }

    [Theory]
    [InlineData("7922816251426433759354395033", "0.5")] // one decimal apart, the exact sum needs 97 bits: rounds to even
    [InlineData("7922816251426433759354395034", "0.5")]
    [InlineData("7922816251426433759354395033", "0.6")]
    [InlineData("7922816251426433759354395033", "0.4")]
    [InlineData("7922816251426433759354395035.4", "7922816251426433759354395035")]
    [InlineData("792281625142643375935439503.3", "79228162514264337593543950.35")]
    [InlineData("-7922816251426433759354395033", "-0.5")]
    [InlineData("1.2", "0.05")]
    public void TryAdd_OneDecimalApart_RoundsAsDecimal(string left, string right)
    {
        var a = decimal.Parse(left, CultureInfo.InvariantCulture);
        var b = decimal.Parse(right, CultureInfo.InvariantCulture);
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            var expected = x + y;
            if (WideDecimal.TryAdd(WideDecimal.From(x), WideDecimal.From(y), out var sum))
            {
                DecimalAssert.SameBits(expected, sum.ToDecimal(), $"{x} + {y}");
            }

            var total = default(TaxSum);
            total.Add(x);
            total.Add(y);
            DecimalAssert.SameBits(expected, total.Value, $"sum {x} + {y}");
        }
    }

    private static decimal Decimal(UInt128 magnitude, bool negative, int scale) =>
        new(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), unchecked((int)(uint)(magnitude >> 64)), negative, (byte)scale);

    private static UInt128 Magnitude(decimal value)
    {
        var bits = decimal.GetBits(value);
        return ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
    }

    private static decimal Pow10(int k)
    {
        var result = 1m;
        for (var i = 0; i < k; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
