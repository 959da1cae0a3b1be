using System.Diagnostics;

namespace Subscriptions.Scheduling;

/// <summary>
/// Exact, allocation-free proration arithmetic in whole minor units: <c>units × numerator / denominator</c> rounded
/// half-up on the magnitude (away from zero), with a decimal fallback for amounts that are not whole minor units.
/// </summary>
internal static class ProrationMath
{
    private const long SmallUnits = 1L << 40;
    private const long SmallNumerator = 1L << 23;

    private static ReadOnlySpan<long> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Gets the amount as a whole number of minor units, when it is one and fits comfortably.</summary>
    public static bool TryGetUnits(Money amount, out long units)
    {
        var value = amount.Amount;
        var minor = amount.Currency.MinorUnits;
        var scale = value.Scale;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[1] < 0 || scale > minor || minor - scale >= PowersOfTen.Length)
        {
            units = 0;
            return false;
        }

        var mantissa = ((long)bits[1] << 32) | unchecked((uint)bits[0]);
        var factor = PowersOfTen[minor - scale];
        if (mantissa > long.MaxValue / factor)
        {
            units = 0;
            return false;
        }

        units = mantissa * factor;
        if (value < 0m)
        {
            units = -units;
        }

        return true;
    }

    /// <summary>Returns <c>units × numerator / denominator</c>, rounded half away from zero.</summary>
    public static long Share(long units, long numerator, long denominator)
    {
        Debug.Assert(numerator >= 0 && denominator > 0 && numerator <= denominator, "a fraction in [0, 1]");
        var negative = units < 0;
        var magnitude = negative ? -units : units;
        long result;
        if (magnitude < SmallUnits && numerator < SmallNumerator)
        {
            var product = magnitude * numerator;
            result = product / denominator;
            if ((product % denominator) * 2 >= denominator)
            {
                result++;
            }
        }
        else
        {
            var product = (Int128)magnitude * numerator;
            var quotient = Int128.DivRem(product, denominator);
            result = (long)(quotient.Quotient + (quotient.Remainder * 2 >= denominator ? 1 : 0));
        }

        return negative ? -result : result;
    }

    /// <summary>Returns the amount of <paramref name="units"/> minor units of <paramref name="currency"/>.</summary>
    public static Money ToMoney(long units, Currency currency)
    {
        var negative = units < 0;
        var magnitude = (ulong)(negative ? -units : units);
        var amount = new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative, (byte)currency.MinorUnits);
        return new Money(amount, currency);
    }

    /// <summary>Returns <paramref name="amount"/> × fraction, negated when asked, rounded once half away from zero to the minor unit.</summary>
    public static Money RoundedShare(Money amount, ProrationFraction fraction, bool negate)
    {
        if (TryGetUnits(amount, out var units))
        {
            return ToMoney(Share(negate ? -units : units, fraction.Numerator, fraction.Denominator), amount.Currency);
        }

        var exact = fraction.Apply(amount);
        return (negate ? -exact : exact).Round(MidpointRounding.AwayFromZero);
    }
}
