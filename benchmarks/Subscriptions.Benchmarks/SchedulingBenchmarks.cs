using BenchmarkDotNet.Attributes;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions.Benchmarks;

/// <summary>
/// Questions: do the anchor, clamping and sticky-day rules cost almost nothing next to a bare NodaTime
/// <c>PlusMonths</c> (next billing date and period containing a date, per date, 0 B)? Is pricing a change under
/// 100 ns? How much faster than Ical.Net is expanding 1,000 monthly schedules over 10 years, with the same dates?
/// </summary>
[MemoryDiagnoser]
public class SchedulingBenchmarks
{
    private const int Dates = 1_000;
    private const int Schedules = 1_000;
    private const int Years = 10;

    private readonly LocalDate[] _dates = new LocalDate[Dates];
    private readonly BillingSchedule _schedule = new(new LocalDate(2024, 1, 31), Recurrence.Monthly);
    private readonly BillingPeriod _may = new(new LocalDate(2012, 5, 1), new LocalDate(2012, 6, 1));
    private readonly Money _oldPrice = new(249.95m, Currency.Eur);
    private readonly Money _newPrice = new(399.95m, Currency.Eur);
    private readonly LocalDate _changeDate = new(2012, 5, 12);
    private readonly BillingSchedule[] _schedules = new BillingSchedule[Schedules];
    private readonly CalendarEvent[] _events = new CalendarEvent[Schedules];
    private readonly LocalDate _start = new(2024, 1, 31);

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Dates; i++)
        {
            _dates[i] = new LocalDate(2024, 1, 31).PlusDays((i * 7919) % 3650);
        }

        // Anchors on every day of a leap year (Feb 29 and every 29th-31st included), wrapping after 366.
        for (var i = 0; i < Schedules; i++)
        {
            var start = new LocalDate(2024, 1, 1).PlusDays(i % 366);
            _schedules[i] = new BillingSchedule(start, Recurrence.Monthly);
            _events[i] = IcalEvent(start);
        }

        // The same dates, or no benchmark: RRULE BYMONTHDAY skips months without the day, so the 29th-31st use
        // BYMONTHDAY=28,...,d;BYSETPOS=-1, the last of those days that exists, which is our clamp.
        for (var i = 0; i < Schedules; i++)
        {
            var ours = new List<LocalDate>();
            foreach (var period in _schedules[i].PeriodsOverlapping(_schedules[i].Start, _schedules[i].Start.PlusYears(Years)))
            {
                ours.Add(period.Start);
            }

            var theirs = IcalDates(_events[i], _schedules[i].Start.PlusYears(Years)).ToList();
            if (!ours.SequenceEqual(theirs))
            {
                throw new InvalidOperationException($"Schedule {i} from {_schedules[i].Start}: ours and Ical.Net's dates differ.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Dates, Description = "NodaTime start.PlusMonths(k), per date")]
    public int PlusMonthsBaseline()
    {
        var sum = 0;
        for (var k = 0; k < Dates; k++)
        {
            sum += _start.PlusMonths(k % 120).Day;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Dates, Description = "NextBillingDate, per date")]
    public int NextBillingDate()
    {
        var sum = 0;
        foreach (var date in _dates)
        {
            sum += _schedule.NextBillingDate(date).GetValueOrDefault().Day;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Dates, Description = "PeriodContaining, per date")]
    public int PeriodContaining()
    {
        var sum = 0;
        foreach (var date in _dates)
        {
            sum += _schedule.PeriodContaining(date).End.Day;
        }

        return sum;
    }

    [Benchmark(Description = "Proration.Change (credit + charge), per change")]
    public Money ProrateChange() => Proration.Change(_may, _oldPrice, _changeDate, _newPrice).Net;

    [Benchmark(Description = "Expand 1,000 monthly schedules x 10 years: ours")]
    public long ExpandOurs()
    {
        long sum = 0;
        foreach (var schedule in _schedules)
        {
            foreach (var period in schedule.PeriodsOverlapping(schedule.Start, schedule.Start.PlusYears(Years)))
            {
                sum += period.Start.Day;
            }
        }

        return sum;
    }

    [Benchmark(Description = "Expand 1,000 monthly schedules x 10 years: Ical.Net 5.2.4")]
    public long ExpandIcalNet()
    {
        long sum = 0;
        for (var i = 0; i < Schedules; i++)
        {
            foreach (var date in IcalDates(_events[i], _schedules[i].Start.PlusYears(Years)))
            {
                sum += date.Day;
            }
        }

        return sum;
    }

    private static CalendarEvent IcalEvent(LocalDate start)
    {
        var day = start.Day;
        var byMonthDay = day <= 28 ? $"BYMONTHDAY={day}" : $"BYMONTHDAY={string.Join(',', Enumerable.Range(28, day - 27))};BYSETPOS=-1";
        return new CalendarEvent
        {
            DtStart = new CalDateTime(start.Year, start.Month, start.Day),
            RecurrenceRule = new RecurrencePattern($"FREQ=MONTHLY;{byMonthDay}"),
        };
    }

    private static IEnumerable<LocalDate> IcalDates(CalendarEvent calendarEvent, LocalDate end)
    {
        var endTime = new CalDateTime(end.Year, end.Month, end.Day);
        foreach (var occurrence in calendarEvent.GetOccurrences())
        {
            var start = occurrence.Period.StartTime;
            if (start >= endTime)
            {
                yield break;
            }

            yield return new LocalDate(start.Year, start.Month, start.Day);
        }
    }
}
