using NodaTime;

namespace Subscriptions.Scheduling;

public sealed class BillingDayTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Theory]
    // Paris springs forward on Sunday 2026-03-29 at 02:00 (billing day 29): UTC+1 before, UTC+2 after.
    [InlineData("Europe/Paris", 2026, 3, 28, 22, 59, "2026-03-28")]
    [InlineData("Europe/Paris", 2026, 3, 28, 23, 0, "2026-03-29")]
    [InlineData("Europe/Paris", 2026, 3, 29, 21, 59, "2026-03-29")]
    [InlineData("Europe/Paris", 2026, 3, 29, 22, 0, "2026-03-30")]
    // New York falls back on 2026-11-01 at 02:00: the day lasts 25 hours, UTC-4 before, UTC-5 after.
    [InlineData("America/New_York", 2026, 11, 1, 3, 59, "2026-10-31")]
    [InlineData("America/New_York", 2026, 11, 1, 4, 0, "2026-11-01")]
    [InlineData("America/New_York", 2026, 11, 2, 4, 59, "2026-11-01")]
    [InlineData("America/New_York", 2026, 11, 2, 5, 0, "2026-11-02")]
    // Sao Paulo skipped midnight on 2018-11-04 (00:00 -> 01:00): the day started at 03:00 UTC.
    [InlineData("America/Sao_Paulo", 2018, 11, 4, 2, 59, "2018-11-03")]
    [InlineData("America/Sao_Paulo", 2018, 11, 4, 3, 0, "2018-11-04")]
    public void Of_InstantAroundADaylightSavingChange_IsTheLocalDate(string zoneId, int year, int month, int day, int hour, int minute, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];

        Assert.Equal(Iso.Date(expected), BillingDay.Of(Instant.FromUtc(year, month, day, hour, minute), zone));
    }

    [Fact]
    public void StartOf_DayWhoseMidnightIsSkipped_IsOneInTheMorning()
    {
        var start = BillingDay.StartOf(Iso.Date("2018-11-04"), SaoPaulo);

        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), start);
        Assert.Equal(new LocalTime(1, 0), start.InZone(SaoPaulo).TimeOfDay);
        Assert.Equal(Iso.Date("2018-11-04"), BillingDay.Of(start, SaoPaulo));
    }

    [Fact]
    public void StartOf_RoundTripsThroughOf_EveryDayOfADaylightSavingYear()
    {
        foreach (var zone in new[] { Paris, SaoPaulo, NewYork })
        {
            for (var date = Iso.Date("2018-01-01"); date < Iso.Date("2019-01-01"); date = date.PlusDays(1))
            {
                var start = BillingDay.StartOf(date, zone);
                Assert.Equal(date, BillingDay.Of(start, zone));
                Assert.Equal(date.PlusDays(-1), BillingDay.Of(start - Duration.FromTicks(1), zone));
            }
        }
    }

    [Fact]
    public void Schedule_BillingDayOnADaylightSavingChange_StaysOnTheLocalDate()
    {
        var schedule = new BillingSchedule(Iso.Date("2026-01-29"), Recurrence.Monthly);

        // 00:30 on March 29 in Paris is still 23:30 on March 28 in UTC.
        Assert.Equal(Iso.Period("2026-03-29", "2026-04-29"), schedule.PeriodContaining(Instant.FromUtc(2026, 3, 28, 23, 30), Paris));
        Assert.Equal(Iso.Period("2026-02-28", "2026-03-29"), schedule.PeriodContaining(Instant.FromUtc(2026, 3, 28, 22, 59), Paris));
        Assert.Equal(Iso.Date("2026-03-29"), schedule.NextBillingDate(Instant.FromUtc(2026, 3, 28, 22, 59), Paris));
    }

    [Fact]
    public void IntervalOf_PeriodSpanningFallBack_HasOneMoreHour()
    {
        var interval = BillingDay.IntervalOf(Iso.Period("2026-11-01", "2026-12-01"), NewYork);

        Assert.Equal(Duration.FromDays(30) + Duration.FromHours(1), interval.Duration);
    }

    [Fact]
    public void Of_NullZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BillingDay.Of(Instant.FromUtc(2026, 1, 1, 0, 0), null!));
        Assert.Throws<ArgumentNullException>(() => BillingDay.StartOf(Iso.Date("2026-01-01"), null!));
    }
}
