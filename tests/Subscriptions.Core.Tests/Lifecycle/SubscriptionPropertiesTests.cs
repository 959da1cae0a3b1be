using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Engine;
using Subscriptions.Serialization;
using Subscriptions.Storage;
using Subscriptions.Testing;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Lifecycle;

public sealed class SubscriptionPropertiesTests
{
    [Fact]
    public void Replay_OfTheStoredEvents_GivesTheSameStateAsApplyingThemOneByOne() =>
        PropertyCheck.Check(
            Prop.ForAll(
                Generators.PlanRights.SelectMany(rights => Generators.LifecycleRun.Select(run => (rights, run))).ToArbitrary(),
                input =>
                {
                    var (rights, run) = input;
                    var state = Started(Start(access: rights.Access, customerMayClose: rights.MayClose, termPeriods: 12));
                    var events = new List<SubscriptionEvent>(SubscriptionDecider.Decide(Subscription.Empty, Id, Start(access: rights.Access, customerMayClose: rights.MayClose, termPeriods: 12), Staff(Noon(2012, 5, 1))));
                    var day = 0;
                    foreach (var (command, byCustomer, later) in run)
                    {
                        day += later;
                        var context = byCustomer ? ByCustomer(Generators.LifecycleDay(day)) : Staff(Generators.LifecycleDay(day));
                        try
                        {
                            foreach (var e in SubscriptionDecider.Decide(state, Id, command, context))
                            {
                                state = state.Apply(e);
                                events.Add(e);
                            }
                        }
                        catch (SubscriptionsException)
                        {
                            // Refused: nothing to apply.
                        }
                        catch (ArgumentException)
                        {
                            // Refused as bad input: nothing to apply.
                        }
                    }

                    // Through JSON, as the store keeps them, and back.
                    var stored = events.Select((e, i) => EventSerializer.Encode($"e-{i}", "s", e)).ToArray();
                    var replayed = Subscription.Replay(stored.Select((d, i) => (SubscriptionEvent)EventSerializer.Decode(new RecordedEvent("s", i + 1, i + 1, d.EventId, d.Type, d.Payload, d.Metadata))));
                    return StateText.Of(replayed) == StateText.Of(state) && replayed.Version == events.Count;
                }),
            maxTest: 300);

    [Fact]
    public void RejectedCommand_InTheEngine_LeavesTheStreamExactlyAsItWas() =>
        PropertyCheck.Check(
            Prop.ForAll(
                Generators.LifecycleRun.ToArbitrary(),
                run =>
                {
                    var store = new InMemoryStore();
                    var clock = new FakeClock(Noon(2012, 5, 1));
                    var engine = new SubscriptionsEngine(store, clock, new SubscriptionsOptions());
                    engine.ExecuteAsync(Id, Start(access: Catalog.CustomerAccessLevel.UpgradeOnly), Actor.Staff("bob")).GetAwaiter().GetResult();
                    var day = 0;
                    foreach (var (command, byCustomer, later) in run)
                    {
                        day += later;
                        clock.Now = Generators.LifecycleDay(day);
                        var before = Snapshot(store);
                        var actor = byCustomer ? Actor.Customer(Customer) : Actor.Staff("bob");
                        try
                        {
                            engine.ExecuteAsync(Id, command, actor).GetAwaiter().GetResult();
                        }
                        catch (Exception e) when (e is SubscriptionsException or ArgumentException)
                        {
                            if (Snapshot(store) != before)
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                }),
            maxTest: 200);

    [Fact]
    public void QuantityUpAndBack_OnAnyDayOfTheMonth_NetsToZeroAndEachChangeIsExactToTheCent() =>
        PropertyCheck.Check(Prop.ForAll(
            (from day in Gen.Choose(0, 30)
             from up in Gen.Choose(2, 9)
             from cents in Gen.Choose(1, 99_999)
             select (day, up, price: cents / 100m)).ToArbitrary(),
            input =>
            {
                var state = Started(Start(lines: [Base with { UnitPrice = new Money(input.price, Eur) }]));
                var at = Noon(2012, 5, 1) + Duration.FromDays(input.day);
                var first = SubscriptionDecider.Decide(state, Id, new ChangeQuantity("base", input.up), Staff(at)).Single();
                var second = SubscriptionDecider.Decide(state.Apply(first), Id, new ChangeQuantity("base", 1m), Staff(at)).Single();
                var all = ((SubscriptionLinesChanged)first).Prorations.Concat(((SubscriptionLinesChanged)second).Prorations).ToArray();
                var net = all.Aggregate(Money.Zero(Eur), (sum, p) => sum + p.Amount);
                return net.IsZero && all.All(p => p.Amount.IsRoundedToMinorUnit);
            }));

    private static string Snapshot(InMemoryStore store)
    {
        var events = new List<string>();
        var enumerator = store.ReadStreamAsync(Id.StreamId, 0, CancellationToken.None).GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                events.Add(enumerator.Current.EventId + "=" + System.Text.Encoding.UTF8.GetString(enumerator.Current.Payload.Span));
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return string.Join("\n", events);
    }
}
