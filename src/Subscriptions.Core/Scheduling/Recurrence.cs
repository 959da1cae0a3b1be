using System.Globalization;
using System.Numerics;

namespace Subscriptions.Scheduling;

/// <summary>
/// How often a subscription renews: a <see cref="RecurrenceUnit"/> and an interval of at least one
/// (weekly, every 2 weeks, monthly, every 2 months, quarterly, yearly, every 45 days...).
/// </summary>
/// <remarks>
/// Equality is memberwise: "every 3 months" and "every 1 quarter" are the same value, but "every 12 months"
/// and "yearly" are not (they align differently on leap days). <c>default(Recurrence)</c> is invalid
/// (no unit, interval 0); <see cref="IsValid"/> tells it apart and every method that computes with a
/// recurrence rejects it.
/// </remarks>
public readonly struct Recurrence : IEquatable<Recurrence>, IEqualityOperators<Recurrence, Recurrence, bool>
{
    /// <summary>Initializes a new instance of the <see cref="Recurrence"/> struct.</summary>
    /// <param name="unit">The calendar unit.</param>
    /// <param name="interval">How many units make one period, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="unit"/> is not defined or <paramref name="interval"/> is below 1.</exception>
    public Recurrence(RecurrenceUnit unit, int interval)
    {
        if (unit is < RecurrenceUnit.Day or > RecurrenceUnit.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Use Day, Week, Month or Year.");
        }

        if (interval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A recurrence's interval must be at least 1.");
        }

        Unit = unit;
        Interval = interval;
    }

    /// <summary>Gets a recurrence of one week.</summary>
    public static Recurrence Weekly => new(RecurrenceUnit.Week, 1);

    /// <summary>Gets a recurrence of one month.</summary>
    public static Recurrence Monthly => new(RecurrenceUnit.Month, 1);

    /// <summary>Gets a recurrence of three months.</summary>
    public static Recurrence Quarterly => new(RecurrenceUnit.Month, 3);

    /// <summary>Gets a recurrence of one year.</summary>
    public static Recurrence Yearly => new(RecurrenceUnit.Year, 1);

    /// <summary>Gets the calendar unit.</summary>
    public RecurrenceUnit Unit { get; }

    /// <summary>Gets how many units make one period (at least 1 for a valid recurrence).</summary>
    public int Interval { get; }

    /// <summary>Gets a value indicating whether this is a valid recurrence (not <c>default</c>).</summary>
    public bool IsValid => Interval >= 1;

    /// <summary>Returns a recurrence of <paramref name="interval"/> units.</summary>
    /// <param name="interval">How many units make one period, at least 1.</param>
    /// <param name="unit">The calendar unit.</param>
    /// <returns>The recurrence.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="unit"/> is not defined or <paramref name="interval"/> is below 1.</exception>
    public static Recurrence Every(int interval, RecurrenceUnit unit) => new(unit, interval);

    /// <summary>Returns whether two recurrences have the same unit and interval.</summary>
    /// <param name="left">The first recurrence.</param>
    /// <param name="right">The second recurrence.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Recurrence left, Recurrence right) => left.Equals(right);

    /// <summary>Returns whether two recurrences differ.</summary>
    /// <param name="left">The first recurrence.</param>
    /// <param name="right">The second recurrence.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Recurrence left, Recurrence right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Recurrence other) => Unit == other.Unit && Interval == other.Interval;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Recurrence other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, Interval);

    /// <summary>Returns the ISO-8601-like period text, such as <c>P1M</c>, <c>P2W</c> or <c>P45D</c>.</summary>
    /// <returns>The text; <c>P0?</c> for the invalid default value.</returns>
    public override string ToString()
    {
        var letter = Unit switch
        {
            RecurrenceUnit.Day => "D",
            RecurrenceUnit.Week => "W",
            RecurrenceUnit.Month => "M",
            RecurrenceUnit.Year => "Y",
            _ => "?",
        };
        return string.Create(CultureInfo.InvariantCulture, $"P{Interval}{letter}");
    }
}
