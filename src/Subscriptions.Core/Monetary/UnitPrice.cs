using System.Globalization;
using System.Numerics;

namespace Subscriptions;

/// <summary>
/// A price per unit: a <see cref="decimal"/> amount with up to 12 decimals in a <see cref="Subscriptions.Currency"/>
/// (STYLE rule 7), such as EUR 0.004166666667 per API call.
/// </summary>
/// <remarks>
/// The constructor rounds the amount half away from zero to <see cref="MaxDecimals"/> decimals, so every
/// value (including one built from a computation such as a discount) keeps the invariant. Multiply by a
/// quantity with <see cref="Times(decimal)"/> to get an unrounded <see cref="Money"/>, then round it explicitly.
/// Equality is by currency and amount. <c>default(UnitPrice)</c> is zero in <see cref="Currency.None"/>.
/// </remarks>
public readonly struct UnitPrice : IEquatable<UnitPrice>, IEqualityOperators<UnitPrice, UnitPrice, bool>
{
    /// <summary>The number of decimals a unit price keeps.</summary>
    public const int MaxDecimals = 12;

    /// <summary>Initializes a new instance of the <see cref="UnitPrice"/> struct.</summary>
    /// <param name="amount">The price per unit; rounded half away from zero to 12 decimals.</param>
    /// <param name="currency">The currency; must not be <see cref="Currency.None"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public UnitPrice(decimal amount, Currency currency)
    {
        if (currency.IsNone)
        {
            throw new ArgumentException("A unit price needs a real currency, not Currency.None (XXX).", nameof(currency));
        }

        Amount = amount.Scale <= MaxDecimals ? amount : decimal.Round(amount, MaxDecimals, MidpointRounding.AwayFromZero);
        Currency = currency;
    }

    /// <summary>Gets the price per unit, with at most 12 decimals.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Returns whether two unit prices are equal (same currency and amount).</summary>
    /// <param name="left">The first price.</param>
    /// <param name="right">The second price.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(UnitPrice left, UnitPrice right) => left.Equals(right);

    /// <summary>Returns whether two unit prices differ.</summary>
    /// <param name="left">The first price.</param>
    /// <param name="right">The second price.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(UnitPrice left, UnitPrice right) => !left.Equals(right);

    /// <summary>Returns the price of a quantity, unrounded.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns><c>Amount × quantity</c> as money.</returns>
    /// <exception cref="ArgumentException">Thrown when this is <c>default(UnitPrice)</c>.</exception>
    public Money Times(decimal quantity) => new(Amount * quantity, Currency);

    /// <inheritdoc />
    public bool Equals(UnitPrice other) => Currency == other.Currency && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnitPrice other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Returns the invariant text, such as <c>12.5 EUR</c>.</summary>
    /// <returns>The amount (without trailing zeros) and the currency code.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.############} {Currency.Code}");
}
