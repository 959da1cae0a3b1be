using System.Globalization;
using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>
/// A prorated amount that explains itself: which part of which period, the fraction (days used over days in the
/// period, or seconds), the base amount, the exact product and the rounding, ready for an invoice line.
/// </summary>
/// <remarks>
/// Credits are negative: <see cref="Amount"/> carries the sign, <see cref="BaseAmount"/> is what was billed or the new
/// price. <see cref="Amount"/> is <see cref="Exact"/> rounded half-up (away from zero) to the currency's minor unit,
/// possibly moved by one minor unit so that pieces computed together sum exactly (<see cref="Rounding"/> shows it).
/// <c>default(ProratedAmount)</c> holds <c>default</c> values throughout.
/// </remarks>
public readonly struct ProratedAmount : IEquatable<ProratedAmount>
{
    private readonly bool _credit;

    private ProratedAmount(ProrationMethod method, BillingPeriod part, BillingPeriod reference, ProrationFraction fraction, Money baseAmount, bool credit, Money amount)
    {
        Method = method;
        Part = part;
        Reference = reference;
        Fraction = fraction;
        BaseAmount = baseAmount;
        _credit = credit;
        Amount = amount;
    }

    /// <summary>Gets how the fraction was measured.</summary>
    public ProrationMethod Method { get; }

    /// <summary>Gets the part charged or credited, <c>[start, end)</c>.</summary>
    public BillingPeriod Part { get; }

    /// <summary>Gets the period the part is a fraction of (the billed item for a credit, the natural period for a charge).</summary>
    public BillingPeriod Reference { get; }

    /// <summary>Gets the fraction: days (or seconds) of <see cref="Part"/> over days (or seconds) of <see cref="Reference"/>.</summary>
    public ProrationFraction Fraction { get; }

    /// <summary>Gets the amount the fraction applies to: what was billed for a credit, the new price for a charge.</summary>
    public Money BaseAmount { get; }

    /// <summary>Gets the exact, unrounded amount: <c>± BaseAmount × Fraction</c> (computed on demand, to decimal's precision).</summary>
    public Money Exact => _credit ? -Fraction.Apply(BaseAmount) : Fraction.Apply(BaseAmount);

    /// <summary>Gets a value indicating whether this is a credit (a negative amount for unused time).</summary>
    public bool IsCredit => _credit;

    /// <summary>Gets the amount, rounded to the currency's minor unit; negative for a credit.</summary>
    public Money Amount { get; }

    /// <summary>Gets what rounding added: <c>Amount − Exact</c>, less than one minor unit.</summary>
    public Money Rounding => Amount - Exact;

    /// <summary>Returns whether two explanations are equal in every field.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ProratedAmount left, ProratedAmount right) => left.Equals(right);

    /// <summary>Returns whether two explanations differ in a field.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProratedAmount left, ProratedAmount right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProratedAmount other) =>
        Method == other.Method && Part == other.Part && Reference == other.Reference && Fraction.Numerator == other.Fraction.Numerator
        && Fraction.Denominator == other.Fraction.Denominator && BaseAmount == other.BaseAmount && _credit == other._credit && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProratedAmount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Method, Part, Reference, Fraction, BaseAmount, Amount);

    /// <summary>
    /// Returns the explanation, such as
    /// <c>[2012-05-12, 2012-06-01) = 20/31 days of [2012-05-01, 2012-06-01) × EUR 249.95 = -161.2580645… → EUR -161.26 (rounded half-up)</c>.
    /// </summary>
    /// <returns>The text, invariant.</returns>
    public override string ToString()
    {
        var units = Method == ProrationMethod.BySecond ? "seconds" : "days";
        var sign = Exact.IsNegative ? "-" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Part} = {Fraction} {units} of {Reference} ({Method}) × {BaseAmount} = {sign}{Exact.Abs().Amount} → {Amount} (rounded half-up, {Rounding.Amount:+0.############################;-0.############################;0})");
    }

    internal static ProratedAmount Create(ProrationMethod method, BillingPeriod part, BillingPeriod reference, ProrationFraction fraction, Money baseAmount, int sign) =>
        new(method, part, reference, fraction, baseAmount, sign < 0, ProrationMath.RoundedShare(baseAmount, fraction, sign < 0));

    internal static ProratedAmount WithAmount(ProrationMethod method, BillingPeriod part, BillingPeriod reference, ProrationFraction fraction, Money baseAmount, int sign, Money amount) =>
        new(method, part, reference, fraction, baseAmount, sign < 0, amount);

    internal ProratedAmount WithAmount(Money amount) => new(Method, Part, Reference, Fraction, BaseAmount, _credit, amount);

    internal static BillingPeriod PartOf(LocalDate start, LocalDate end) => BillingPeriod.Trusted(start, end);
}
