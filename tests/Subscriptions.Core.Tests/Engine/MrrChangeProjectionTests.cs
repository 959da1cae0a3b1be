using NodaTime;
using Subscriptions.Analytics;
using Subscriptions.Lifecycle;
using Subscriptions.Storage;
using Subscriptions.Testing;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Engine;

public sealed class MrrChangeProjectionTests
{
    [Fact]
    public async Task ProjectMrr_FromTheStore_FeedsTheAnalyticsWithEveryMovement()
    {
        // Two customers: Ada starts in May, upsells, closes at the end of June (requested in June), comes back in August;
        // Bob starts in June and pauses in July.
        var clock = new FakeClock(Noon(2012, 5, 1));
        var engine = new SubscriptionsEngine(new InMemoryStore(), clock, new SubscriptionsOptions());
        var ada = new SubscriptionId("S-ada");
        var bob = new SubscriptionId("S-bob");
        await engine.ExecuteAsync(ada, Start() with { Salesperson = "eve" }, Actor.Staff("eve"));
        clock.Now = Noon(2012, 5, 12);
        await engine.ExecuteAsync(ada, new ChangeQuantity("base", 2m), Actor.Staff("eve"));
        clock.Now = Noon(2012, 6, 1);
        await engine.ExecuteAsync(bob, Start(start: new LocalDate(2012, 6, 1)) with { CustomerId = new CustomerId("C-bob") }, Actor.Staff("eve"));
        clock.Now = Noon(2012, 6, 10);
        await engine.ExecuteAsync(ada, new CloseSubscription("Too expensive", AtPeriodEnd: true), Actor.Customer(Customer));
        clock.Now = Noon(2012, 7, 1);
        await engine.ProcessDueAsync();
        clock.Now = Noon(2012, 7, 15);
        await engine.ExecuteAsync(bob, new PauseSubscription(), Actor.Staff("eve"));
        clock.Now = Noon(2012, 8, 1);
        await engine.ExecuteAsync(ada, new ReopenSubscription(), Actor.Staff("eve"));

        var projection = await engine.ProjectMrrAsync();
        var history = MrrHistory.Create(projection.Changes, new ExchangeRates(Currency.Eur, []));
        var months = history.Movements(PeriodGranularity.Month, new LocalDate(2012, 5, 1), new LocalDate(2012, 9, 1)).EventLevel;

        Assert.Equal(["", "S-ada", "S-bob"], projection.Subscriptions);
        Assert.Equal(["", "Too expensive"], projection.CloseReasons);
        Assert.Equal(["", "eve"], projection.Salespeople);
        Assert.Equal(["", "FR"], projection.Countries);
        var closeChange = projection.Changes.Single(c => c.CloseReasonId == 1);
        Assert.Equal(new LocalDate(2012, 7, 1), closeChange.EffectiveDate);
        Assert.Equal(new LocalDate(2012, 6, 10), closeChange.RequestDate);
        Assert.True(projection.Changes.Single(c => c.Paused).MrrAfter == 0m);

        // May: new 249.95 + expansion 249.95. June: new 249.95 (Bob). July: churn 499.90 (Ada). August: reactivation 499.90.
        Assert.Equal(new Money(249.95m, Currency.Eur), months[0].Movements.New);
        Assert.Equal(new Money(249.95m, Currency.Eur), months[0].Movements.Expansion);
        Assert.Equal(new Money(249.95m, Currency.Eur), months[1].Movements.New);
        Assert.Equal(new Money(499.90m, Currency.Eur), months[2].Movements.Churn);
        Assert.Equal(new Money(499.90m, Currency.Eur), months[3].Movements.Reactivation);
        Assert.All(months, m => Assert.Equal(m.EndMrr, m.StartMrr + m.Movements.NetNew + m.Movements.Fx));
        Assert.Equal(new Money(499.90m, Currency.Eur), history.KpisAsOf(new LocalDate(2012, 8, 31)).Mrr);
    }

    [Fact]
    public void Add_EventsOfAnUnstartedSubscription_AreRefused()
    {
        var e = SubscriptionDecider.Decide(Started(), Id, new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12))).Single();

        Assert.Throws<ArgumentException>(() => new MrrChangeProjection().Add(e));
        Assert.Throws<ArgumentNullException>(() => new MrrChangeProjection().Add(null!));
    }
}
