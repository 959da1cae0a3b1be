using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>
/// When a subscription is billed: a start, a <see cref="Scheduling.Recurrence"/>, an anchor, an end-of-month policy,
/// a timing, an optional trial, a term, and what happens to a leading partial period (SCHEDULING.md).
/// </summary>
/// <remarks>
/// <para>
/// Billing date <c>k</c> is computed from the first billing date by adding <c>k × interval</c> months (or years, or
/// days) and re-aligning to the billing day, never by chaining from the previous, clamped date: with billing day 31,
/// Jan 31 → Feb 28 (29) → Mar 31 → Apr 30. The first billing date is the start's month on the billing day (clamped),
/// moved forward by whole periods while it is before the (billing) start; when it is after the start,
/// <c>[start, first billing date)</c> is a leading partial period.
/// </para>
/// <para>
/// Periods are half-open <c>[start, end)</c> of <see cref="LocalDate"/> in the customer's time zone (see
/// <see cref="BillingDay"/>); the sequence is: the trial (if any), the leading partial period (if any), then full
/// periods, the last one cut short into a trailing partial period when the term ends between two billing dates.
/// Queries allocate nothing. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class BillingSchedule
{
    private const int TrialIndex = -2;
    private const int LeadingIndex = -1;

    private readonly bool _monthBased;
    private readonly int _stepMonths;
    private readonly int _stepDays;
    private readonly int _billingDay;
    private readonly int _firstMonthIndex;
    private readonly int _firstEpochDay;
    private readonly LocalDate _first;
    private readonly LocalDate _end;
    private readonly bool _hasEnd;
    private readonly int _startKey;
    private readonly int _billingStartKey;
    private readonly int _firstKey;
    private readonly int _endKey;

    /// <summary>Initializes a new instance of the <see cref="BillingSchedule"/> class.</summary>
    /// <param name="start">The first day served (the subscription's start), in the customer's time zone.</param>
    /// <param name="recurrence">How often it renews.</param>
    /// <param name="anchor">What billing dates are aligned to; the anniversary of the billing start by default.</param>
    /// <param name="timing">Whether periods are billed in advance (the default) or in arrears.</param>
    /// <param name="term">How long the schedule runs; open-ended by default.</param>
    /// <param name="trialEnd">The first day after a free trial <c>[start, trialEnd)</c>, or <see langword="null"/> for no trial; billing (and the anniversary) starts there.</param>
    /// <param name="leadingPeriod">What a leading partial period costs; prorated by default.</param>
    /// <param name="endOfMonth">What a billing day beyond a month's length does; clamped, keeping the billing day, by default.</param>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="recurrence"/> is <c>default</c>, the anchor does not suit the recurrence's unit
    /// (a day of month needs months or years, a weekday weeks, a month and day years), the trial or the term ends on or
    /// before <paramref name="start"/>, or a date is not an ISO date.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when an enum argument is not a defined value.</exception>
    public BillingSchedule(
        LocalDate start,
        Recurrence recurrence,
        BillingAnchor anchor = default,
        BillingTiming timing = BillingTiming.InAdvance,
        BillingTerm term = default,
        LocalDate? trialEnd = null,
        LeadingPeriodPolicy leadingPeriod = LeadingPeriodPolicy.Prorate,
        EndOfMonthPolicy endOfMonth = EndOfMonthPolicy.Clamp)
    {
        Validate(start, recurrence, anchor, timing, term, trialEnd, leadingPeriod, endOfMonth);

        Start = start;
        Recurrence = recurrence;
        Anchor = anchor;
        Timing = timing;
        Term = term;
        TrialEnd = trialEnd;
        LeadingPeriodPolicy = leadingPeriod;
        EndOfMonthPolicy = endOfMonth;
        BillingStart = trialEnd ?? start;

        switch (recurrence.Unit)
        {
            case RecurrenceUnit.Month or RecurrenceUnit.Year:
                _monthBased = true;
                _stepMonths = checked(recurrence.Interval * (recurrence.Unit == RecurrenceUnit.Year ? 12 : 1));
                _billingDay = anchor.Kind == BillingAnchorKind.Anniversary ? BillingStart.Day : anchor.Day;
                var baseIndex = anchor.Kind == BillingAnchorKind.MonthAndDay
                    ? (BillingStart.Year * 12) + anchor.Month - 1
                    : CalendarMath.MonthIndex(BillingStart);
                while (CalendarMath.DayInMonth(baseIndex, _billingDay, endOfMonth) < BillingStart)
                {
                    baseIndex += _stepMonths;
                }

                _firstMonthIndex = baseIndex;
                _first = CalendarMath.DayInMonth(baseIndex, _billingDay, endOfMonth);
                break;
            default:
                _stepDays = checked(recurrence.Interval * (recurrence.Unit == RecurrenceUnit.Week ? CalendarMath.DaysPerWeek : 1));
                var first = BillingStart;
                if (anchor.Kind == BillingAnchorKind.DayOfWeek)
                {
                    first = first.PlusDays(((int)anchor.Weekday - (int)first.DayOfWeek + CalendarMath.DaysPerWeek) % CalendarMath.DaysPerWeek);
                }

                _first = first;
                break;
        }

        _firstEpochDay = CalendarMath.EpochDay(_first);

        TermEnd = term.Kind switch
        {
            BillingTermKind.UntilDate => term.EndDate,
            BillingTermKind.Periods => AnchorDate(term.PeriodCount),
            _ => null,
        };
        _hasEnd = TermEnd is not null && !term.AutoRenew;
        _end = _hasEnd ? TermEnd!.Value : LocalDate.MaxIsoValue; // TermEnd is set whenever _hasEnd
        _startKey = CalendarMath.Key(Start);
        _billingStartKey = CalendarMath.Key(BillingStart);
        _firstKey = CalendarMath.Key(_first);
        _endKey = _hasEnd ? CalendarMath.Key(_end) : int.MaxValue;
    }

    /// <summary>Gets the first day served (the subscription's start).</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the first day billed: the trial's end when there is a trial, otherwise <see cref="Start"/>.</summary>
    public LocalDate BillingStart { get; }

    /// <summary>Gets how often the schedule renews.</summary>
    public Recurrence Recurrence { get; }

    /// <summary>Gets what billing dates are aligned to.</summary>
    public BillingAnchor Anchor { get; }

    /// <summary>Gets whether periods are billed in advance or in arrears.</summary>
    public BillingTiming Timing { get; }

    /// <summary>Gets how long the schedule runs.</summary>
    public BillingTerm Term { get; }

    /// <summary>Gets the first day after the free trial, or <see langword="null"/> when there is no trial.</summary>
    public LocalDate? TrialEnd { get; }

    /// <summary>Gets what a leading partial period costs.</summary>
    public LeadingPeriodPolicy LeadingPeriodPolicy { get; }

    /// <summary>Gets what a billing day beyond a month's length does.</summary>
    public EndOfMonthPolicy EndOfMonthPolicy { get; }

    /// <summary>Gets the billing day of month (1-31) of a month- or year-based schedule, or 0 for day- and week-based schedules.</summary>
    public int BillingDayOfMonth => _billingDay;

    /// <summary>Gets the first billing date: the start of the first full period, on or after <see cref="BillingStart"/>.</summary>
    public LocalDate FirstBillingDate => _first;

    /// <summary>Gets the end of the first term (exclusive), or <see langword="null"/> for an open-ended term.</summary>
    public LocalDate? TermEnd { get; }

    /// <summary>Gets the first day not served when the schedule ends (a term without auto-renewal), otherwise <see langword="null"/>.</summary>
    public LocalDate? End => _hasEnd ? _end : null;

    /// <summary>Gets the free trial <c>[Start, TrialEnd)</c>, or <see langword="null"/> when there is none.</summary>
    public BillingPeriod? TrialPeriod => BillingStart > Start ? PeriodAt(TrialIndex) : null;

    /// <summary>Gets the leading partial period <c>[BillingStart, FirstBillingDate)</c> (cut at the end), or <see langword="null"/> when the start is aligned.</summary>
    public BillingPeriod? LeadingPeriod => _first > BillingStart && BillingStart < _end ? PeriodAt(LeadingIndex) : null;

    /// <summary>Returns anchor date <paramref name="n"/>: the first billing date plus <c>n</c> intervals, re-aligned to the billing day.</summary>
    /// <param name="n">The index, from 0 (the first billing date).</param>
    /// <returns>The date, whether or not the schedule has ended by then.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="n"/> is negative or the date is beyond year 9999.</exception>
    public LocalDate AnchorDate(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return AnchorDateUnchecked(n);
    }

    /// <summary>Returns a readable summary, such as <c>P1M from 2012-01-31 (day 31), first billing 2012-01-31, InAdvance, open-ended, Clamp</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var trial = TrialEnd is { } trialEnd ? ", trial until " + BillingPeriod.Format(trialEnd) : string.Empty;
        return $"{Recurrence} from {BillingPeriod.Format(Start)} ({Anchor}){trial}, first billing {BillingPeriod.Format(_first)}, {Timing}, {Term}, {LeadingPeriodPolicy} leading, {EndOfMonthPolicy}";
    }

    internal LocalDate AnchorDateUnchecked(int n) => CalendarMath.FromKey(AnchorKey(n));

    internal int AnchorKey(int n) => _monthBased
        ? CalendarMath.MonthAnchorKey(_firstMonthIndex + (n * _stepMonths), _billingDay, EndOfMonthPolicy)
        : CalendarMath.KeyFromEpochDay(_firstEpochDay + (n * _stepDays));

    private static void Validate(
        LocalDate start,
        Recurrence recurrence,
        BillingAnchor anchor,
        BillingTiming timing,
        BillingTerm term,
        LocalDate? trialEnd,
        LeadingPeriodPolicy leadingPeriod,
        EndOfMonthPolicy endOfMonth)
    {
        if (!recurrence.IsValid)
        {
            throw new ArgumentException("Give a recurrence with a unit and an interval of at least 1, not default(Recurrence).", nameof(recurrence));
        }

        if (start.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Billing schedules use ISO calendar dates.", nameof(start));
        }

        var unit = recurrence.Unit;
        var fits = anchor.Kind switch
        {
            BillingAnchorKind.DayOfMonth => unit is RecurrenceUnit.Month or RecurrenceUnit.Year,
            BillingAnchorKind.DayOfWeek => unit == RecurrenceUnit.Week,
            BillingAnchorKind.MonthAndDay => unit == RecurrenceUnit.Year,
            _ => true,
        };
        if (!fits)
        {
            throw new ArgumentException($"A {anchor.Kind} anchor does not suit a {unit}-based recurrence: use a day of month for months or years, a weekday for weeks, a month and day for years.", nameof(anchor));
        }

        if (timing is not (BillingTiming.InAdvance or BillingTiming.InArrears))
        {
            throw new ArgumentOutOfRangeException(nameof(timing), timing, "Use InAdvance or InArrears.");
        }

        if (leadingPeriod is not (LeadingPeriodPolicy.Prorate or LeadingPeriodPolicy.Free))
        {
            throw new ArgumentOutOfRangeException(nameof(leadingPeriod), leadingPeriod, "Use Prorate or Free.");
        }

        if (endOfMonth is not (EndOfMonthPolicy.Clamp or EndOfMonthPolicy.RollForward))
        {
            throw new ArgumentOutOfRangeException(nameof(endOfMonth), endOfMonth, "Use Clamp or RollForward.");
        }

        if (trialEnd is { } trial && trial <= start)
        {
            throw new ArgumentException($"The trial must end after the start {BillingPeriod.Format(start)}, not on {BillingPeriod.Format(trial)}.", nameof(trialEnd));
        }

        if (term.Kind == BillingTermKind.UntilDate && term.EndDate <= start)
        {
            throw new ArgumentException($"The term must end after the start {BillingPeriod.Format(start)}, not on {BillingPeriod.Format(term.EndDate)}: the end date is the first day not served.", nameof(term));
        }
    }
}
