using System.Globalization;
using System.Numerics;

namespace Subscriptions.Scheduling;

/// <summary>An exact fraction of a period, between 0 and 1: units used (days, or seconds) over units in the reference period.</summary>
/// <remarks>
/// The fraction is kept as two integers, unreduced, so that an invoice line can show "20/31"; amounts are computed as
/// <c>amount × numerator / denominator</c> and rounded once. Equality compares values (20/40 equals 1/2).
/// <c>default(ProrationFraction)</c> is 0/1.
/// </remarks>
public readonly struct ProrationFraction :
    IEquatable<ProrationFraction>, IComparable<ProrationFraction>, IComparable, IComparisonOperators<ProrationFraction, ProrationFraction, bool>
{
    private readonly long _denominatorMinusOne;

    /// <summary>Initializes a new instance of the <see cref="ProrationFraction"/> struct.</summary>
    /// <param name="numerator">The units used, from 0 to <paramref name="denominator"/>.</param>
    /// <param name="denominator">The units in the reference period, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="denominator"/> is below 1, or the fraction is below 0 or above 1.</exception>
    public ProrationFraction(long numerator, long denominator)
    {
        if (denominator < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A proration fraction's denominator (the units in the period) must be at least 1.");
        }

        if (numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"A proration fraction must be between 0 and 1: the numerator must be between 0 and {denominator}.");
        }

        Numerator = numerator;
        _denominatorMinusOne = denominator - 1;
    }

    /// <summary>Gets the fraction 0/1.</summary>
    public static ProrationFraction Zero => default;

    /// <summary>Gets the fraction 1/1.</summary>
    public static ProrationFraction One => new(1, 1);

    /// <summary>Gets the units used (days or seconds).</summary>
    public long Numerator { get; }

    /// <summary>Gets the units in the reference period (days or seconds), at least 1.</summary>
    public long Denominator => _denominatorMinusOne + 1;

    /// <summary>Gets the value as a decimal, to decimal's 28 digits; use <see cref="Apply"/> for amounts.</summary>
    public decimal Value => (decimal)Numerator / Denominator;

    /// <summary>Gets a value indicating whether the fraction is 0.</summary>
    public bool IsZero => Numerator == 0;

    /// <summary>Gets a value indicating whether the fraction is 1.</summary>
    public bool IsOne => Numerator == Denominator;

    /// <summary>Gets the complement, <c>1 − this</c>, over the same denominator.</summary>
    public ProrationFraction Complement => new(Denominator - Numerator, Denominator);

    /// <summary>Returns <c>amount × numerator / denominator</c>, not rounded (the multiplication comes first, so it is exact to decimal's precision).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The exact share.</returns>
    public Money Apply(Money amount) => IsOne ? amount : new Money(amount.Amount * Numerator / Denominator, amount.Currency);

    /// <summary>Returns whether two fractions have the same value.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns><see langword="true"/> when equal in value.</returns>
    public static bool operator ==(ProrationFraction left, ProrationFraction right) => left.Equals(right);

    /// <summary>Returns whether two fractions differ in value.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProrationFraction left, ProrationFraction right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> is smaller.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ProrationFraction left, ProrationFraction right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> is smaller or equal.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ProrationFraction left, ProrationFraction right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> is larger.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ProrationFraction left, ProrationFraction right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> is larger or equal.</summary>
    /// <param name="left">The first fraction.</param>
    /// <param name="right">The second fraction.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ProrationFraction left, ProrationFraction right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(ProrationFraction other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProrationFraction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var divisor = (long)BigInteger.GreatestCommonDivisor(Numerator, Denominator);
        return HashCode.Combine(Numerator / divisor, Denominator / divisor);
    }

    /// <summary>Compares the values exactly (by cross-multiplication).</summary>
    /// <param name="other">The other fraction.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ProrationFraction other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ProrationFraction other => CompareTo(other),
        _ => throw new ArgumentException("Compare a ProrationFraction only with another ProrationFraction.", nameof(obj)),
    };

    /// <summary>Returns <c>numerator/denominator</c>, such as <c>20/31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
