using System.Globalization;

namespace Subscriptions.Scheduling;

/// <summary>
/// A mid-period change priced: the credit for the unused time at the amount originally billed, and the charge for the
/// remaining time at the new price, each explained.
/// </summary>
/// <remarks>
/// When the credit and the charge cover the same part of the same period, <see cref="Net"/> is exactly the price
/// difference times the fraction, rounded half-up once; the charge absorbs the one-minor-unit residue, if any.
/// A negative <see cref="Net"/> is owed to the customer (kept as customer credit for the next invoices, not refunded).
/// </remarks>
public readonly struct ProrationChange : IEquatable<ProrationChange>
{
    internal ProrationChange(ProratedAmount credit, ProratedAmount charge, Money net)
    {
        Credit = credit;
        Charge = charge;
        Net = net;
    }

    /// <summary>Gets the credit for the unused part of what was billed (zero or negative).</summary>
    public ProratedAmount Credit { get; }

    /// <summary>Gets the charge for the remaining time at the new price (zero or positive).</summary>
    public ProratedAmount Charge { get; }

    /// <summary>Gets the net amount: credit + charge; negative when the customer is owed money.</summary>
    public Money Net { get; }

    /// <summary>Returns what to invoice now under <paramref name="behavior"/>: the net amount when billing now, otherwise zero.</summary>
    /// <param name="behavior">What happens to the difference.</param>
    /// <returns>The amount to invoice now.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="behavior"/> is not defined.</exception>
    public Money DueNow(ProrationBehavior behavior) => Select(behavior, ProrationBehavior.BillNow);

    /// <summary>Returns what to add to the next invoice under <paramref name="behavior"/>: the net amount when deferred, otherwise zero.</summary>
    /// <param name="behavior">What happens to the difference.</param>
    /// <returns>The amount for the next invoice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="behavior"/> is not defined.</exception>
    public Money DueOnNextInvoice(ProrationBehavior behavior) => Select(behavior, ProrationBehavior.NextInvoice);

    /// <summary>Returns whether two changes are equal.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ProrationChange left, ProrationChange right) => left.Equals(right);

    /// <summary>Returns whether two changes differ.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProrationChange left, ProrationChange right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProrationChange other) => Credit == other.Credit && Charge == other.Charge;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProrationChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Credit, Charge);

    /// <summary>Returns both explanations and the net amount, one per line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"credit {Credit}\ncharge {Charge}\nnet {Net}");

    private Money Select(ProrationBehavior behavior, ProrationBehavior wanted)
    {
        if (behavior is < ProrationBehavior.BillNow or > ProrationBehavior.None)
        {
            throw new ArgumentOutOfRangeException(nameof(behavior), behavior, "Use BillNow, NextInvoice or None.");
        }

        return behavior == wanted ? Net : Money.Zero(Net.Currency);
    }
}
