using System.Globalization;
using System.Numerics;
using NodaTime;
using NodaTime.Text;

namespace Subscriptions.Scheduling;

/// <summary>A half-open interval of dates <c>[Start, End)</c>: <see cref="End"/> is the first day not covered.</summary>
/// <remarks>
/// <para>
/// Consecutive periods share a boundary date: <c>[2026-01-31, 2026-02-28)</c> is followed by
/// <c>[2026-02-28, 2026-03-31)</c>. <see cref="Days"/> is <c>End - Start</c>.
/// </para>
/// <para>
/// Equality is memberwise; ordering is by start, then end. <c>default(BillingPeriod)</c> is the empty interval at
/// <c>default(LocalDate)</c>: <see cref="IsEmpty"/> tells it apart, since a constructed period holds at least one day.
/// </para>
/// </remarks>
public readonly struct BillingPeriod :
    IEquatable<BillingPeriod>, IComparable<BillingPeriod>, IComparable, IComparisonOperators<BillingPeriod, BillingPeriod, bool>
{
    /// <summary>Initializes a new instance of the <see cref="BillingPeriod"/> struct.</summary>
    /// <param name="start">The first day covered.</param>
    /// <param name="end">The first day not covered; after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="end"/> is not after <paramref name="start"/>, or the dates are not ISO dates.</exception>
    public BillingPeriod(LocalDate start, LocalDate end)
    {
        if (start.Calendar != CalendarSystem.Iso || end.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Billing periods use ISO calendar dates.", nameof(start));
        }

        if (end <= start)
        {
            throw new ArgumentException($"The end {Format(end)} must be after the start {Format(start)}: a period is [start, end) and holds at least one day.", nameof(end));
        }

        Start = start;
        End = end;
    }

    private BillingPeriod(LocalDate start, LocalDate end, bool trusted)
    {
        _ = trusted;
        Start = start;
        End = end;
    }

    /// <summary>Gets the first day covered.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the first day not covered (the end is exclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the number of days covered: <c>End - Start</c>.</summary>
    public int Days => CalendarMath.DaysBetween(Start, End);

    /// <summary>Gets a value indicating whether this is the empty <c>default</c> value.</summary>
    public bool IsEmpty => Start == End;

    /// <summary>Returns whether this period covers <paramref name="date"/>: <c>Start &lt;= date &lt; End</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Contains(LocalDate date) => Start <= date && date < End;

    /// <summary>Returns whether this period covers every day of <paramref name="other"/>.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> lies within this period.</returns>
    public bool Contains(BillingPeriod other) => Start <= other.Start && other.End <= End;

    /// <summary>Returns whether the two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(BillingPeriod other) => Start < other.End && other.Start < End;

    /// <summary>Returns whether two periods are equal.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when start and end are equal.</returns>
    public static bool operator ==(BillingPeriod left, BillingPeriod right) => left.Equals(right);

    /// <summary>Returns whether two periods differ.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when start or end differ.</returns>
    public static bool operator !=(BillingPeriod left, BillingPeriod right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> orders before <paramref name="right"/> (by start, then end).</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(BillingPeriod left, BillingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> orders before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(BillingPeriod left, BillingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(BillingPeriod left, BillingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> orders after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(BillingPeriod left, BillingPeriod right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(BillingPeriod other) => Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BillingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>Compares by start, then by end.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(BillingPeriod other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        BillingPeriod other => CompareTo(other),
        _ => throw new ArgumentException("Compare a BillingPeriod only with another BillingPeriod.", nameof(obj)),
    };

    /// <summary>Returns the ISO text <c>[2026-01-31, 2026-02-28)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Format(Start)}, {Format(End)})");

    internal static BillingPeriod Trusted(LocalDate start, LocalDate end) => new(start, end, trusted: true);

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
