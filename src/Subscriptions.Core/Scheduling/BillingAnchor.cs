using System.Globalization;
using System.Numerics;
using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>What billing dates are aligned to: the anniversary of the start, a day of the month, a weekday, or a month and day.</summary>
/// <remarks>
/// Equality is memberwise. <c>default(BillingAnchor)</c> is <see cref="Anniversary"/>, the default anchor.
/// A billing day larger than a month's length is handled by the schedule's <see cref="EndOfMonthPolicy"/>.
/// </remarks>
public readonly struct BillingAnchor : IEquatable<BillingAnchor>, IEqualityOperators<BillingAnchor, BillingAnchor, bool>
{
    private readonly byte _month;
    private readonly byte _day;

    private BillingAnchor(BillingAnchorKind kind, int month, int day)
    {
        Kind = kind;
        _month = (byte)month;
        _day = (byte)day;
    }

    /// <summary>Gets the anniversary anchor (the default): billing dates follow the start date.</summary>
    public static BillingAnchor Anniversary => default;

    /// <summary>Gets what this anchor fixes.</summary>
    public BillingAnchorKind Kind { get; }

    /// <summary>Gets the billing day of month 1-31, or 0 for the anniversary and weekday anchors.</summary>
    public int Day => _day;

    /// <summary>Gets the month 1-12 of a <see cref="BillingAnchorKind.MonthAndDay"/> anchor, otherwise 0.</summary>
    public int Month => _month;

    /// <summary>Gets the weekday of a <see cref="BillingAnchorKind.DayOfWeek"/> anchor, otherwise <see cref="IsoDayOfWeek.None"/>.</summary>
    public IsoDayOfWeek Weekday => Kind == BillingAnchorKind.DayOfWeek ? (IsoDayOfWeek)_day : IsoDayOfWeek.None;

    /// <summary>Returns an anchor on a fixed day of the month, for month- and year-based plans.</summary>
    /// <param name="day">The billing day, 1-31; in shorter months the schedule's <see cref="EndOfMonthPolicy"/> applies.</param>
    /// <returns>The anchor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="day"/> is not in 1-31.</exception>
    public static BillingAnchor DayOfMonth(int day)
    {
        if (day is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "A billing day of month must be between 1 and 31.");
        }

        return new BillingAnchor(BillingAnchorKind.DayOfMonth, 0, day);
    }

    /// <summary>Returns an anchor on a fixed weekday, for week-based plans.</summary>
    /// <param name="weekday">The weekday, Monday to Sunday.</param>
    /// <returns>The anchor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="weekday"/> is not Monday to Sunday.</exception>
    public static BillingAnchor DayOfWeek(IsoDayOfWeek weekday)
    {
        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "A billing weekday must be Monday to Sunday.");
        }

        return new BillingAnchor(BillingAnchorKind.DayOfWeek, 0, (int)weekday);
    }

    /// <summary>Returns an anchor on a fixed month and day, for year-based plans (Feb 29 falls on Feb 28 in other years by default).</summary>
    /// <param name="month">The month, 1-12.</param>
    /// <param name="day">The day, 1 to the month's length in a leap year (Feb 29 is allowed).</param>
    /// <returns>The anchor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="month"/> is not in 1-12 or <paramref name="day"/> does not exist in that month.</exception>
    public static BillingAnchor MonthAndDay(int month, int day)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A billing month must be between 1 and 12.");
        }

        var length = CalendarMath.DaysInMonth(2000, month);
        if (day < 1 || day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Month {month} has days 1 to {length}.");
        }

        return new BillingAnchor(BillingAnchorKind.MonthAndDay, month, day);
    }

    /// <summary>Returns whether two anchors are equal.</summary>
    /// <param name="left">The first anchor.</param>
    /// <param name="right">The second anchor.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(BillingAnchor left, BillingAnchor right) => left.Equals(right);

    /// <summary>Returns whether two anchors differ.</summary>
    /// <param name="left">The first anchor.</param>
    /// <param name="right">The second anchor.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BillingAnchor left, BillingAnchor right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BillingAnchor other) => Kind == other.Kind && _month == other._month && _day == other._day;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BillingAnchor other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _month, _day);

    /// <summary>Returns a readable form: <c>anniversary</c>, <c>day 31</c>, <c>Monday</c>, <c>02-29</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        BillingAnchorKind.DayOfMonth => string.Create(CultureInfo.InvariantCulture, $"day {_day}"),
        BillingAnchorKind.DayOfWeek => Weekday.ToString(),
        BillingAnchorKind.MonthAndDay => string.Create(CultureInfo.InvariantCulture, $"{_month:00}-{_day:00}"),
        _ => "anniversary",
    };
}
