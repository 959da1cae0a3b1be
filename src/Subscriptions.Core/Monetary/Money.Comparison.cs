using System.Numerics;

namespace Subscriptions;

public readonly partial struct Money : IComparable<Money>, IComparable, IComparisonOperators<Money, Money, bool>
{
    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ, even when an amount is zero.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return _amount.CompareTo(other._amount);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with must be Money.", nameof(obj)),
    };

    /// <summary>Returns whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison's result.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison's result.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison's result.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison's result.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Returns the smaller of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount (<paramref name="left"/> on a tie).</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>Returns the larger of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount (<paramref name="left"/> on a tie).</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public static Money Max(Money left, Money right) => left >= right ? left : right;
}
