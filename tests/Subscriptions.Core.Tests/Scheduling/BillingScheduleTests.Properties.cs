using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Testing;

namespace Subscriptions.Scheduling;

public sealed partial class BillingScheduleTests
{
    private const int ScheduleTests = 1_000;

    private static readonly Gen<(BillingSchedule Schedule, LocalDate From, LocalDate To)> ScheduleAndRange =
        from schedule in Generators.AnySchedule
        from offset in Gen.Choose(-40, 800)
        from length in Gen.Choose(0, 1_200)
        let rangeStart = schedule.Start.PlusDays(offset)
        select (schedule, rangeStart, rangeStart.PlusDays(length));

    private static readonly Gen<(BillingSchedule Schedule, LocalDate Date)> ScheduleAndDate =
        from schedule in Generators.AnySchedule
        from offset in Gen.Choose(-40, 3_000)
        select (schedule, schedule.Start.PlusDays(offset));

    [Fact]
    public void PeriodsOverlapping_AreContiguousNonEmptyAndCoverTheRange()
    {
        PropertyCheck.Check(
            Prop.ForAll(ScheduleAndRange.ToArbitrary(), input =>
            {
                var (schedule, from, to) = input;
                var end = schedule.End ?? LocalDate.MaxIsoValue;
                var periods = schedule.PeriodsOverlapping(from, to).ToList();
                var first = from > schedule.Start ? from : schedule.Start;
                var last = to < end ? to : end;
                if (first >= last)
                {
                    Assert.Empty(periods);
                    return;
                }

                Assert.NotEmpty(periods);
                Assert.True(periods[0].Contains(first), $"{periods[0]} should hold {first}");
                Assert.True(periods[^1].Start < last && periods[^1].End >= last, $"{periods[^1]} should reach {last}");
                for (var i = 0; i < periods.Count; i++)
                {
                    Assert.True(periods[i].Days >= 1);
                    Assert.True(periods[i].End <= end);
                    if (i > 0)
                    {
                        Assert.Equal(periods[i - 1].End, periods[i].Start);
                    }
                }
            }),
            ScheduleTests);
    }

    [Fact]
    public void PeriodContaining_HoldsTheDate_AndMatchesTheEnumeration()
    {
        PropertyCheck.Check(
            Prop.ForAll(ScheduleAndDate.ToArbitrary(), input =>
            {
                var (schedule, date) = input;
                if (!schedule.TryGetPeriodContaining(date, out var period))
                {
                    Assert.True(date < schedule.Start || date >= schedule.End);
                    return;
                }

                Assert.True(period.Contains(date));
                Assert.Equal(period, Assert.Single(schedule.PeriodsOverlapping(date, date.PlusDays(1))));
                Assert.Equal(period, schedule.PeriodContaining(period.Start));
                Assert.Equal(period, schedule.PeriodContaining(period.End.PlusDays(-1)));
                var kind = schedule.KindOf(period);
                var reference = schedule.ReferencePeriodOf(period);
                Assert.True(reference.Contains(period), $"{reference} should contain {period} ({kind})");
                Assert.Equal(kind is BillingPeriodKind.Regular or BillingPeriodKind.Trial, reference == period);
            }),
            ScheduleTests);
    }

    [Fact]
    public void AnchorDate_RecoversTheBillingDayFromTheAnchorEveryTime()
    {
        PropertyCheck.Check(
            Prop.ForAll(Generators.OpenSchedule.ToArbitrary(), Gen.Choose(0, 240).ToArbitrary(), (schedule, n) =>
            {
                var date = schedule.AnchorDate(n);
                Assert.Equal(date, schedule.Period(n).Start);
                Assert.Equal(schedule.AnchorDate(n + 1), schedule.Period(n).End);
                switch (schedule.Recurrence.Unit)
                {
                    case RecurrenceUnit.Month or RecurrenceUnit.Year:
                        // Oracle: the first billing date's month, plus n intervals with NodaTime, then the sticky day.
                        var months = schedule.Recurrence.Interval * (schedule.Recurrence.Unit == RecurrenceUnit.Year ? 12 : 1) * n;
                        var firstMonth = schedule.FirstBillingDate;
                        if (schedule.EndOfMonthPolicy == EndOfMonthPolicy.RollForward && firstMonth.Day < schedule.BillingDayOfMonth)
                        {
                            firstMonth = firstMonth.PlusMonths(-1);
                        }

                        var month = new LocalDate(firstMonth.Year, firstMonth.Month, 1).PlusMonths(months);
                        var length = CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month);
                        var day = schedule.BillingDayOfMonth;
                        var expected = day <= length
                            ? new LocalDate(month.Year, month.Month, day)
                            : schedule.EndOfMonthPolicy == EndOfMonthPolicy.Clamp ? new LocalDate(month.Year, month.Month, length) : month.PlusMonths(1);
                        Assert.Equal(expected, date);
                        break;
                    default:
                        Assert.Equal(schedule.FirstBillingDate.PlusDays(schedule.Recurrence.Interval * n * (schedule.Recurrence.Unit == RecurrenceUnit.Week ? 7 : 1)), date);
                        if (schedule.Anchor.Kind == BillingAnchorKind.DayOfWeek)
                        {
                            Assert.Equal(schedule.Anchor.Weekday, date.DayOfWeek);
                        }

                        break;
                }
            }),
            ScheduleTests);
    }

    [Fact]
    public void FirstBillingDate_IsTheFirstAnchorOnOrAfterTheBillingStart_WithinOnePeriod()
    {
        PropertyCheck.Check(
            Prop.ForAll(Generators.AnySchedule.ToArbitrary(), schedule =>
            {
                Assert.True(schedule.FirstBillingDate >= schedule.BillingStart);
                var reference = schedule.LeadingPeriod is { } leading ? schedule.ReferencePeriodOf(leading) : default;
                if (schedule.LeadingPeriod is not null)
                {
                    Assert.True(reference.Start <= schedule.BillingStart, $"{reference} should start by {schedule.BillingStart} ({schedule})");
                }
                else if (schedule.End is null || schedule.BillingStart < schedule.End)
                {
                    Assert.Equal(schedule.BillingStart, schedule.FirstBillingDate);
                }
            }),
            ScheduleTests);
    }

    [Fact]
    public void NextBillingDate_IsTheEarliestLaterBillingDateOfABillablePeriod()
    {
        PropertyCheck.Check(
            Prop.ForAll(ScheduleAndDate.ToArbitrary(), input =>
            {
                var (schedule, after) = input;
                var next = schedule.NextBillingDate(after);
                var billingDates = schedule.PeriodsOverlapping(schedule.Start, after.PlusDays(2_200))
                    .Where(schedule.IsBillable)
                    .Select(schedule.BillingDateOf)
                    .Where(date => date > after)
                    .ToList();
                if (next is null)
                {
                    Assert.Empty(billingDates);
                }
                else
                {
                    Assert.Equal(billingDates.Min(), next.Value);
                }
            }),
            ScheduleTests);
    }
}
