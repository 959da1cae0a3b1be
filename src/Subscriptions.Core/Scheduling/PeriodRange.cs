using System.Collections;
using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>The periods of a <see cref="BillingSchedule"/> that overlap a date range, enumerated lazily and without allocation.</summary>
/// <remarks>
/// Enumerate it with <c>foreach</c>, which uses the struct <see cref="Enumerator"/>. The interface implementation is
/// there for LINQ and collections, and allocates like any boxed enumerator. <c>default(PeriodRange)</c> is empty.
/// </remarks>
public readonly struct PeriodRange : IEnumerable<BillingPeriod>
{
    private readonly BillingSchedule? _schedule;
    private readonly LocalDate _from;
    private readonly LocalDate _to;

    internal PeriodRange(BillingSchedule schedule, LocalDate from, LocalDate to)
    {
        _schedule = schedule;
        _from = from;
        _to = to;
    }

    /// <summary>Returns the struct enumerator.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_schedule, _from, _to);

    /// <inheritdoc />
    IEnumerator<BillingPeriod> IEnumerable<BillingPeriod>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the periods of a <see cref="PeriodRange"/>, computing each from the anchor.</summary>
    public struct Enumerator : IEnumerator<BillingPeriod>
    {
        private readonly BillingSchedule? _schedule;
        private readonly LocalDate _from;
        private readonly LocalDate _to;
        private int _index;
        private bool _started;
        private BillingPeriod _current;
        private int _naturalEndKey;
        private int _toKey;
        private bool _anchorTracked;
        private int _anchorYear;
        private int _anchorMonth;

        internal Enumerator(BillingSchedule? schedule, LocalDate from, LocalDate to)
        {
            _schedule = schedule;
            _from = from;
            _to = to;
            _index = 0;
            _started = false;
            _current = default;
            _naturalEndKey = 0;
            _toKey = 0;
            _anchorTracked = false;
            _anchorYear = 0;
            _anchorMonth = 0;
        }

        /// <summary>Gets the current period.</summary>
        public readonly BillingPeriod Current => _current;

        /// <inheritdoc />
        readonly object IEnumerator.Current => _current;

        /// <summary>Moves to the next period that overlaps the range.</summary>
        /// <returns><see langword="false"/> when there is none.</returns>
        public bool MoveNext()
        {
            if (_schedule is null)
            {
                return false;
            }

            var endKey = _schedule.EndKey;
            LocalDate start;
            if (!_started)
            {
                _started = true;
                _toKey = CalendarMath.Key(_to);
                var begin = _from > _schedule.Start ? _from : _schedule.Start;
                var beginKey = CalendarMath.Key(begin);
                if (beginKey >= endKey || beginKey >= _toKey)
                {
                    return false;
                }

                _index = _schedule.IndexOf(begin);
                start = _schedule.AnchorStartOf(_index);
            }
            else
            {
                // Each boundary is computed once, from the anchor: the next period starts at the current natural end.
                if (_naturalEndKey >= endKey || _naturalEndKey >= _toKey)
                {
                    return false;
                }

                start = _current.End;
                _index = _schedule.NextIndex(_index);
            }

            if (_index >= 0 && _schedule.IsMonthBased)
            {
                // Step the anchor's year and month instead of dividing a month index for every period.
                if (!_anchorTracked)
                {
                    _anchorTracked = true;
                    var monthIndex = _schedule.FirstMonthIndex + ((_index + 1) * _schedule.StepMonthCount);
                    _anchorYear = CalendarMath.FloorDiv(monthIndex, 12);
                    _anchorMonth = monthIndex - (_anchorYear * 12) + 1;
                }
                else
                {
                    BillingSchedule.StepMonths(ref _anchorYear, ref _anchorMonth, _schedule.StepMonthCount);
                }

                _naturalEndKey = _schedule.AnchorKeyIn(_anchorYear, _anchorMonth);
            }
            else
            {
                _naturalEndKey = _schedule.NaturalEndKeyOf(_index);
            }

            _current = BillingPeriod.Trusted(start, _naturalEndKey < endKey ? CalendarMath.FromKey(_naturalEndKey) : _schedule.ScheduleEnd);
            return true;
        }

        /// <summary>Starts the enumeration again.</summary>
        public void Reset()
        {
            _started = false;
            _anchorTracked = false;
            _current = default;
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
