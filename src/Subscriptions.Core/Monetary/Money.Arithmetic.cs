using System.Numerics;

namespace Subscriptions;

public readonly partial struct Money :
    IAdditionOperators<Money, Money, Money>,
    ISubtractionOperators<Money, Money, Money>,
    IUnaryNegationOperators<Money, Money>,
    IUnaryPlusOperators<Money, Money>,
    IMultiplyOperators<Money, decimal, Money>,
    IDivisionOperators<Money, decimal, Money>
{
    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum, exact.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    /// <exception cref="OverflowException">Thrown when the sum is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator +(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(left._amount + right._amount, left._currency);
    }

    /// <summary>Subtracts an amount from another in the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference, exact.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    /// <exception cref="OverflowException">Thrown when the difference is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator -(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(left._amount - right._amount, left._currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money operator -(Money value) => new(-value._amount, value._currency);

    /// <summary>Returns the amount unchanged.</summary>
    /// <param name="value">The amount.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Money operator +(Money value) => value;

    /// <summary>Multiplies an amount by a factor; the result is not rounded.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The product, exact to decimal's precision.</returns>
    /// <exception cref="OverflowException">Thrown when the product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(Money left, decimal right) => new(left._amount * right, left._currency);

    /// <summary>Multiplies an amount by a factor; the result is not rounded.</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The amount.</param>
    /// <returns>The product, exact to decimal's precision.</returns>
    /// <exception cref="OverflowException">Thrown when the product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(decimal left, Money right) => new(left * right._amount, right._currency);

    /// <summary>Divides an amount by a divisor; the result is not rounded (to split money exactly, use <see cref="Split(int)"/>).</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient, to decimal's precision.</returns>
    /// <exception cref="DivideByZeroException">Thrown when <paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">Thrown when the quotient is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator /(Money left, decimal right) => new(left._amount / right, left._currency);

    /// <summary>Adds an amount in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the currencies differ.</exception>
    public Money Subtract(Money other) => this - other;

    /// <summary>Multiplies by a factor, without rounding.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public Money Multiply(decimal factor) => this * factor;

    /// <summary>Divides by a divisor, without rounding.</summary>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="DivideByZeroException">Thrown when <paramref name="divisor"/> is zero.</exception>
    public Money Divide(decimal divisor) => this / divisor;

    /// <summary>Returns the amount with the opposite sign.</summary>
    /// <returns>The negated amount.</returns>
    public Money Negate() => -this;

    /// <summary>Returns the amount unchanged (the unary plus operator's named alternate).</summary>
    /// <returns>This amount.</returns>
    public Money Plus() => this;

    /// <summary>Returns the absolute value of the amount.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(_amount), _currency);
}
