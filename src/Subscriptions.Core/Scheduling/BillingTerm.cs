using System.Globalization;
using System.Numerics;
using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>How long a schedule runs: open-ended, until a date, or for a number of periods, with or without auto-renewal.</summary>
/// <remarks>
/// <para>
/// A term that auto-renews does not end the schedule: billing goes on, and <see cref="BillingSchedule.TermEnd"/>
/// tells when the first term is up for renewal. A term that does not renew ends the schedule on its
/// (exclusive) end date, which may leave a trailing partial period.
/// </para>
/// <para>Equality is memberwise. <c>default(BillingTerm)</c> is <see cref="OpenEnded"/>.</para>
/// </remarks>
public readonly struct BillingTerm : IEquatable<BillingTerm>, IEqualityOperators<BillingTerm, BillingTerm, bool>
{
    private BillingTerm(BillingTermKind kind, LocalDate endDate, int periods, bool autoRenew)
    {
        Kind = kind;
        EndDate = endDate;
        PeriodCount = periods;
        AutoRenew = autoRenew;
    }

    /// <summary>Gets the open-ended term (the default).</summary>
    public static BillingTerm OpenEnded => default;

    /// <summary>Gets how the term runs.</summary>
    public BillingTermKind Kind { get; }

    /// <summary>Gets the exclusive end date of an <see cref="BillingTermKind.UntilDate"/> term, otherwise <c>default</c>.</summary>
    public LocalDate EndDate { get; }

    /// <summary>Gets the number of full periods of a <see cref="BillingTermKind.Periods"/> term, otherwise 0.</summary>
    public int PeriodCount { get; }

    /// <summary>Gets a value indicating whether the term renews instead of ending the schedule.</summary>
    public bool AutoRenew { get; }

    /// <summary>Returns a term that ends on <paramref name="endDate"/> (exclusive: the first day not served).</summary>
    /// <param name="endDate">The first day not served or billed.</param>
    /// <param name="autoRenew">Whether the term renews instead of ending the schedule.</param>
    /// <returns>The term.</returns>
    public static BillingTerm Until(LocalDate endDate, bool autoRenew = false) => new(BillingTermKind.UntilDate, endDate, 0, autoRenew);

    /// <summary>Returns a term of <paramref name="count"/> full periods, after any leading partial period.</summary>
    /// <param name="count">The number of periods, at least 1.</param>
    /// <param name="autoRenew">Whether the term renews instead of ending the schedule.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="count"/> is below 1.</exception>
    public static BillingTerm ForPeriods(int count, bool autoRenew = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new BillingTerm(BillingTermKind.Periods, default, count, autoRenew);
    }

    /// <summary>Returns whether two terms are equal.</summary>
    /// <param name="left">The first term.</param>
    /// <param name="right">The second term.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(BillingTerm left, BillingTerm right) => left.Equals(right);

    /// <summary>Returns whether two terms differ.</summary>
    /// <param name="left">The first term.</param>
    /// <param name="right">The second term.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BillingTerm left, BillingTerm right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BillingTerm other) =>
        Kind == other.Kind && EndDate == other.EndDate && PeriodCount == other.PeriodCount && AutoRenew == other.AutoRenew;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BillingTerm other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, EndDate, PeriodCount, AutoRenew);

    /// <summary>Returns a readable form: <c>open-ended</c>, <c>until 2027-01-01</c>, <c>12 periods, auto-renew</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = Kind switch
        {
            BillingTermKind.UntilDate => "until " + BillingPeriod.Format(EndDate),
            BillingTermKind.Periods => string.Create(CultureInfo.InvariantCulture, $"{PeriodCount} periods"),
            _ => "open-ended",
        };
        return AutoRenew ? text + ", auto-renew" : text;
    }
}
