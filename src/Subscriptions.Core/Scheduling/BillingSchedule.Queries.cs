using System.Runtime.CompilerServices;
using NodaTime;

namespace Subscriptions.Scheduling;

public sealed partial class BillingSchedule
{
    /// <summary>Returns the period that covers <paramref name="date"/>: the trial, the leading partial period, a full period or the trailing partial period.</summary>
    /// <param name="date">A date the schedule covers: on or after <see cref="Start"/>, before <see cref="End"/>.</param>
    /// <returns>The period, cut at the schedule's end.</returns>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.DateOutsideScheduleCode"/> when the schedule does not cover <paramref name="date"/>.</exception>
    public BillingPeriod PeriodContaining(LocalDate date)
    {
        if (!TryGetPeriodContaining(date, out var period))
        {
            throw SchedulingException.DateOutside(date, this);
        }

        return period;
    }

    /// <summary>Gets the period that covers <paramref name="date"/>, if the schedule covers it; see <see cref="PeriodContaining(LocalDate)"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="period">The period, or <c>default</c> when the schedule does not cover <paramref name="date"/>.</param>
    /// <returns><see langword="true"/> when the schedule covers <paramref name="date"/>.</returns>
    public bool TryGetPeriodContaining(LocalDate date, out BillingPeriod period)
    {
        int year = date.Year, month = date.Month, day = date.Day;
        var key = CalendarMath.Key(year, month, day);
        if (key < _startKey || key >= _endKey)
        {
            period = default;
            return false;
        }

        if (key >= _firstKey)
        {
            int startKey, nextKey;
            if (_monthBased)
            {
                LocateMonthKey(year, month, day, out startKey, out nextKey);
            }
            else
            {
                LocateDayKey(year, month, day, out startKey, out nextKey);
            }

            period = BillingPeriod.Trusted(CalendarMath.FromKey(startKey), nextKey < _endKey ? CalendarMath.FromKey(nextKey) : _end);
            return true;
        }

        period = PeriodAt(key < _billingStartKey ? TrialIndex : LeadingIndex);
        return true;
    }

    /// <summary>Returns the period that covers the billing date of <paramref name="instant"/> in <paramref name="zone"/>; see <see cref="BillingDay.Of"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.DateOutsideScheduleCode"/> when the schedule does not cover that date.</exception>
    public BillingPeriod PeriodContaining(Instant instant, DateTimeZone zone) => PeriodContaining(BillingDay.Of(instant, zone));

    /// <summary>Returns full period <paramref name="n"/>: <c>[anchor date n, anchor date n + 1)</c>, cut at the schedule's end.</summary>
    /// <param name="n">The index, from 0 (the period starting on the first billing date).</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="n"/> is negative.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.DateOutsideScheduleCode"/> when the schedule has ended before period <paramref name="n"/>.</exception>
    public BillingPeriod Period(int n)
    {
        var start = AnchorDate(n);
        if (start >= _end)
        {
            throw SchedulingException.DateOutside(start, this);
        }

        var next = AnchorDateUnchecked(n + 1);
        return BillingPeriod.Trusted(start, next < _end ? next : _end);
    }

    /// <summary>Returns the first billing date after <paramref name="after"/>: a period's start in advance, its end in arrears; trials and free leading periods are not billed.</summary>
    /// <param name="after">The date; the result is strictly later.</param>
    /// <returns>The date, or <see langword="null"/> when the schedule bills nothing after <paramref name="after"/>.</returns>
    public LocalDate? NextBillingDate(LocalDate after)
    {
        int year = after.Year, month = after.Month, day = after.Day;
        var key = CalendarMath.Key(year, month, day);
        if (key >= _endKey)
        {
            return null;
        }

        if (key >= _firstKey)
        {
            var nextKey = _monthBased ? NextMonthAnchorKey(year, month, key) : NextDayAnchorKey(year, month, day);
            if (nextKey < _endKey)
            {
                return CalendarMath.FromKey(nextKey);
            }

            return Timing == BillingTiming.InAdvance ? null : _end;
        }

        return NextBillingDateBeforeFirst(after);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private LocalDate? NextBillingDateBeforeFirst(LocalDate after)
    {
        var index = after < Start ? (BillingStart > Start ? TrialIndex : FirstBillableIndexAfterTrial()) : IndexOf(after);
        while (true)
        {
            var period = PeriodAt(index);
            if (IsBillable(index))
            {
                var date = Timing == BillingTiming.InAdvance ? period.Start : period.End;
                if (date > after)
                {
                    return date;
                }
            }

            index = NextIndex(index);
            if (AnchorStartOf(index) >= _end)
            {
                return null;
            }
        }
    }

    /// <summary>Returns the first billing date after the billing date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns>The date, or <see langword="null"/> when the schedule bills nothing later.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    public LocalDate? NextBillingDate(Instant instant, DateTimeZone zone) => NextBillingDate(BillingDay.Of(instant, zone));

    /// <summary>Returns the periods that share at least one day with <paramref name="from"/> to <paramref name="to"/> (exclusive), lazily, in order.</summary>
    /// <param name="from">The first day of the range.</param>
    /// <param name="to">The first day after the range; not before <paramref name="from"/>.</param>
    /// <returns>A range to enumerate with <c>foreach</c>, without allocating.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public PeriodRange PeriodsOverlapping(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range must not end ({BillingPeriod.Format(to)}) before it starts ({BillingPeriod.Format(from)}).", nameof(to));
        }

        return new PeriodRange(this, from, to);
    }

    /// <summary>Returns the date <paramref name="period"/> is billed on: its start in advance, its (exclusive) end in arrears.</summary>
    /// <param name="period">A period of this schedule.</param>
    /// <returns>The billing date.</returns>
    public LocalDate BillingDateOf(BillingPeriod period) => BillingDateOf(period, Timing);

    /// <summary>Returns the date a period is billed on with the given timing: its start in advance, its (exclusive) end in arrears.</summary>
    /// <param name="period">The period.</param>
    /// <param name="timing">The timing.</param>
    /// <returns>The billing date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="timing"/> is not defined.</exception>
    public static LocalDate BillingDateOf(BillingPeriod period, BillingTiming timing) => timing switch
    {
        BillingTiming.InAdvance => period.Start,
        BillingTiming.InArrears => period.End,
        _ => throw new ArgumentOutOfRangeException(nameof(timing), timing, "Use InAdvance or InArrears."),
    };

    /// <summary>Returns the role of <paramref name="period"/> in this schedule.</summary>
    /// <param name="period">A period of this schedule, as returned by its queries.</param>
    /// <returns>Trial, leading, regular or trailing.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="period"/> is not a period of this schedule.</exception>
    public BillingPeriodKind KindOf(BillingPeriod period)
    {
        EnsureOwnPeriod(period);
        if (period.Start < BillingStart)
        {
            return BillingPeriodKind.Trial;
        }

        if (period.Start < _first)
        {
            return BillingPeriodKind.Leading;
        }

        Locate(period.Start, out _, out var next);
        return period.End < next ? BillingPeriodKind.Trailing : BillingPeriodKind.Regular;
    }

    /// <summary>
    /// Returns the natural period <paramref name="period"/> is prorated against (SCHEDULING.md): itself when full; for
    /// the leading partial period <c>[first billing date − 1 period, first billing date)</c> by plain subtraction; for
    /// the trailing partial period <c>[last billing date, last billing date + 1 period)</c> by plain addition.
    /// </summary>
    /// <param name="period">A period of this schedule.</param>
    /// <returns>The reference period; the trial is its own reference.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="period"/> is not a period of this schedule.</exception>
    /// <remarks>
    /// With <see cref="EndOfMonthPolicy.RollForward"/>, plain month arithmetic can miss a rolled date, so the references are
    /// the natural periods instead: <c>[the anchor date before the first billing date, first billing date)</c> and
    /// <c>[last billing date, next anchor date)</c>.
    /// </remarks>
    public BillingPeriod ReferencePeriodOf(BillingPeriod period)
    {
        var rolled = _monthBased && EndOfMonthPolicy == EndOfMonthPolicy.RollForward;
        return KindOf(period) switch
        {
            BillingPeriodKind.Leading => BillingPeriod.Trusted(
                rolled ? CalendarMath.DayInMonth(_firstMonthIndex - _stepMonths, _billingDay, EndOfMonthPolicy) : PlusOnePeriod(_first, -1),
                _first),
            BillingPeriodKind.Trailing => BillingPeriod.Trusted(
                period.Start,
                rolled ? NaturalNext(period.Start) : PlusOnePeriod(period.Start, 1)),
            _ => period,
        };
    }

    private LocalDate NaturalNext(LocalDate start)
    {
        Locate(start, out _, out var next);
        return next;
    }

    /// <summary>Returns whether <paramref name="period"/> is charged: not the trial, and not a free leading period.</summary>
    /// <param name="period">A period of this schedule.</param>
    /// <returns><see langword="true"/> when the period is billed.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="period"/> is not a period of this schedule.</exception>
    public bool IsBillable(BillingPeriod period) => KindOf(period) switch
    {
        BillingPeriodKind.Trial => false,
        BillingPeriodKind.Leading => LeadingPeriodPolicy == LeadingPeriodPolicy.Prorate,
        _ => true,
    };

    /// <summary>Returns what <paramref name="period"/> costs at <paramref name="fullPrice"/> per full period, with its explanation.</summary>
    /// <param name="period">A period of this schedule.</param>
    /// <param name="fullPrice">The price of one full period.</param>
    /// <param name="method">How a partial period is prorated.</param>
    /// <returns>The full price for a full period; a prorated amount for a leading or trailing partial period; zero for the trial and a free leading period.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="period"/> is not a period of this schedule.</exception>
    public ProratedAmount AmountFor(BillingPeriod period, Money fullPrice, ProrationMethod method = ProrationMethod.ByDay)
    {
        var reference = ReferencePeriodOf(period);
        if (!IsBillable(period))
        {
            return ProratedAmount.Create(method, period, reference, new ProrationFraction(0, Math.Max(1, reference.Days)), fullPrice, 1);
        }

        return Proration.Prorate(fullPrice, period, reference, method);
    }

    internal BillingPeriod PeriodAt(int index)
    {
        LocalDate start, next;
        switch (index)
        {
            case TrialIndex:
                start = Start;
                next = BillingStart;
                break;
            case LeadingIndex:
                start = BillingStart;
                next = _first;
                break;
            default:
                start = AnchorDateUnchecked(index);
                next = AnchorDateUnchecked(index + 1);
                break;
        }

        return BillingPeriod.Trusted(start, next < _end ? next : _end);
    }

    internal LocalDate AnchorStartOf(int index) => index switch
    {
        TrialIndex => Start,
        LeadingIndex => BillingStart,
        _ => AnchorDateUnchecked(index),
    };

    internal int NextIndex(int index) => index switch
    {
        TrialIndex => FirstBillableIndexAfterTrial(),
        _ => index + 1,
    };

    internal int IndexOf(LocalDate date)
    {
        if (date < BillingStart)
        {
            return TrialIndex;
        }

        return date < _first ? LeadingIndex : Locate(date, out _, out _);
    }

    internal LocalDate ScheduleEnd => _end;

    /// <summary>Finds the full period holding <paramref name="date"/> (on or after the first billing date) from the anchor, in O(1).</summary>
    internal int Locate(LocalDate date, out LocalDate start, out LocalDate next)
    {
        var index = LocateKey(date.Year, date.Month, date.Day, out var startKey, out var nextKey);
        start = CalendarMath.FromKey(startKey);
        next = CalendarMath.FromKey(nextKey);
        return index;
    }

    /// <summary>
    /// Finds the full period holding the date (on or after the first billing date) from the anchor, in O(1), with integer
    /// arithmetic only: the anchor's month is the date's month or a few months before, so year and month are stepped, not divided.
    /// </summary>
    internal int LocateKey(int year, int month, int day, out int startKey, out int nextKey) => _monthBased
        ? LocateMonthKey(year, month, day, out startKey, out nextKey)
        : LocateDayKey(year, month, day, out startKey, out nextKey);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LocateMonthKey(int year, int month, int day, out int startKey, out int nextKey)
    {
        var key = CalendarMath.Key(year, month, day);
        int index;
        var diff = (year * 12) + month - 1 - _firstMonthIndex;
        var step = _stepMonths;
        var back = 0;
        if (step == 1)
        {
            index = diff;
        }
        else
        {
            index = diff / step;
            back = diff - (index * step);
        }

        // The anchor month of period `index` is `back` months before the date's month.
        var anchorYear = year;
        var anchorMonth = month - back;
        while (anchorMonth < 1)
        {
            anchorMonth += 12;
            anchorYear--;
        }

        startKey = AnchorKeyIn(anchorYear, anchorMonth);
        if (startKey > key)
        {
            nextKey = startKey;
            index--;
            StepMonths(ref anchorYear, ref anchorMonth, -step);
            startKey = AnchorKeyIn(anchorYear, anchorMonth);
            return index;
        }

        StepMonths(ref anchorYear, ref anchorMonth, step);
        nextKey = AnchorKeyIn(anchorYear, anchorMonth);
        if (nextKey <= key)
        {
            // Only with RollForward: the next anchor rolled back into the date's month window.
            index++;
            startKey = nextKey;
            StepMonths(ref anchorYear, ref anchorMonth, step);
            nextKey = AnchorKeyIn(anchorYear, anchorMonth);
        }

        return index;
    }

    private int LocateDayKey(int year, int month, int day, out int startKey, out int nextKey)
    {
        var epoch = CalendarMath.EpochDay(year, month, day);
        var index = (epoch - _firstEpochDay) / _stepDays;
        var startEpoch = _firstEpochDay + (index * _stepDays);
        startKey = CalendarMath.KeyFromEpochDay(startEpoch);
        nextKey = CalendarMath.KeyFromEpochDay(startEpoch + _stepDays);
        return index;
    }

    /// <summary>The first anchor after the date with <paramref name="key"/>, on or after the first billing date; usually one anchor computation.</summary>
    private int NextMonthAnchorKey(int year, int month, int key)
    {
        unchecked
        {
            var diff = (year * 12) + month - 1 - _firstMonthIndex;
            var step = _stepMonths;
            var back = step == 1 ? 0 : diff % step;
            var anchorMonth = month - back;
            var anchorYear = year;
            while (anchorMonth < 1)
            {
                anchorMonth += 12;
                anchorYear--;
            }

            var anchorKey = AnchorKeyIn(anchorYear, anchorMonth);
            while (anchorKey <= key)
            {
                StepMonths(ref anchorYear, ref anchorMonth, step);
                anchorKey = AnchorKeyIn(anchorYear, anchorMonth);
            }

            return anchorKey;
        }
    }

    private int NextDayAnchorKey(int year, int month, int day)
    {
        LocateKey(year, month, day, out _, out var nextKey);
        return nextKey;
    }

    /// <summary>The key of the billing date in the given month: the billing day, clamped or rolled forward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int AnchorKeyIn(int year, int month)
    {
        var day = _billingDay;
        if (day > 28)
        {
            var length = CalendarMath.DaysInMonth(year, month);
            if (day > length)
            {
                if (EndOfMonthPolicy == EndOfMonthPolicy.Clamp)
                {
                    day = length;
                }
                else
                {
                    return month == 12 ? CalendarMath.Key(year + 1, 1, 1) : CalendarMath.Key(year, month + 1, 1);
                }
            }
        }

        return CalendarMath.Key(year, month, day);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StepMonths(ref int year, ref int month, int months)
    {
        month += months;
        if (month > 12 || month < 1)
        {
            var zeroBased = month - 1;
            var years = CalendarMath.FloorDiv(zeroBased, 12);
            year += years;
            month = zeroBased - (years * 12) + 1;
        }
    }

    internal bool IsMonthBased => _monthBased;

    internal int StepMonthCount => _stepMonths;

    internal int FirstMonthIndex => _firstMonthIndex;

    internal int EndKey => _endKey;

    /// <summary>The key of the natural (uncut) end of the period at <paramref name="index"/>.</summary>
    internal int NaturalEndKeyOf(int index) => index switch
    {
        TrialIndex => _billingStartKey,
        LeadingIndex => _firstKey,
        _ => AnchorKey(index + 1),
    };

    private int FirstBillableIndexAfterTrial() => _first > BillingStart ? LeadingIndex : 0;

    private bool IsBillable(int index) => index switch
    {
        TrialIndex => false,
        LeadingIndex => LeadingPeriodPolicy == LeadingPeriodPolicy.Prorate,
        _ => true,
    };

    private LocalDate PlusOnePeriod(LocalDate date, int sign) => _monthBased
        ? date.PlusMonths(sign * _stepMonths)
        : date.PlusDays(sign * _stepDays);

    private void EnsureOwnPeriod(BillingPeriod period)
    {
        if (period.IsEmpty || !TryGetPeriodContaining(period.Start, out var own) || own != period)
        {
            throw new ArgumentException($"{period} is not a period of this schedule: use one its queries returned.", nameof(period));
        }
    }
}
