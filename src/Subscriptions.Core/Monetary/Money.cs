using System.Numerics;
using System.Text.Json.Serialization;
using Subscriptions.Serialization;

namespace Subscriptions;

/// <summary>
/// An amount of money: a <see cref="decimal"/> amount in a <see cref="Subscriptions.Currency"/>.
/// </summary>
/// <remarks>
/// <para>
/// The amount is kept exactly as computed: multiplying or dividing may leave more decimals than the
/// currency's minor unit, and nothing is rounded behind the caller's back. Round explicitly, with a
/// named <see cref="MidpointRounding"/> mode, with <see cref="Round(MidpointRounding)"/> or
/// <see cref="RoundToIncrement(decimal, MidpointRounding)"/> (cash rounding, such as CHF 0.05).
/// </para>
/// <para>
/// Addition, subtraction and ordering are defined only within one currency and throw
/// <see cref="CurrencyMismatchException"/> otherwise, even when one side is zero. Equality never throws:
/// amounts in different currencies are unequal; <c>EUR 1.0</c> equals <c>EUR 1.00</c>.
/// </para>
/// <para>
/// <c>default(Money)</c> is zero in <see cref="Currency.None"/> (ISO "XXX"): it equals only itself and
/// cannot be combined with an amount in a real currency.
/// </para>
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly partial struct Money : IEquatable<Money>, IEqualityOperators<Money, Money, bool>
{
    private readonly decimal _amount;
    private readonly Currency _currency;

    /// <summary>Initializes a new instance of the <see cref="Money"/> struct.</summary>
    /// <param name="amount">The amount, kept exactly (not rounded).</param>
    /// <param name="currency">The currency; must not be <see cref="Currency.None"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsNone)
        {
            throw new ArgumentException("Money needs a real currency, not Currency.None (XXX).", nameof(currency));
        }

        _amount = amount;
        _currency = currency;
    }

    /// <summary>Gets the amount, exactly as computed; it may have more decimals than the currency's minor unit.</summary>
    public decimal Amount => _amount;

    /// <summary>Gets the currency.</summary>
    public Currency Currency => _currency;

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => _amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => _amount < 0m;

    /// <summary>Gets a value indicating whether the amount is above zero.</summary>
    public bool IsPositive => _amount > 0m;

    /// <summary>Gets the sign of the amount: -1, 0 or 1.</summary>
    public int Sign => Math.Sign(_amount);

    /// <summary>Gets a value indicating whether the amount is a whole number of the currency's minor units.</summary>
    public bool IsRoundedToMinorUnit => decimal.Round(_amount, _currency.MinorUnits) == _amount;

    /// <summary>Returns zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero in <paramref name="currency"/>.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a whole number of minor units (cents): <c>FromMinorUnits(1250, EUR)</c> is EUR 12.50.</summary>
    /// <param name="minorUnits">The number of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits * currency.MinorUnit, currency);

    /// <summary>Returns the amount as a whole number of minor units (cents).</summary>
    /// <returns>The number of minor units.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the amount is not a whole number of minor units: round it first.</exception>
    /// <exception cref="OverflowException">Thrown when the number does not fit in a <see cref="long"/>.</exception>
    public long ToMinorUnits()
    {
        if (!IsRoundedToMinorUnit)
        {
            throw new InvalidOperationException($"{this} is not a whole number of {_currency.Code} minor units; round it first.");
        }

        return decimal.ToInt64(_amount / _currency.MinorUnit);
    }

    /// <summary>Returns whether this is the same amount in the same currency as <paramref name="other"/>.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns><see langword="true"/> when currencies and amounts are equal (the scale of the decimal does not matter).</returns>
    public bool Equals(Money other) => _currency == other._currency && _amount == other._amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_amount, _currency);

    /// <summary>Returns whether two amounts are equal (same currency, same amount).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Returns whether two amounts differ (in currency or amount).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    private void EnsureSameCurrency(Money other)
    {
        if (_currency != other._currency)
        {
            throw new CurrencyMismatchException(_currency, other._currency);
        }
    }
}
