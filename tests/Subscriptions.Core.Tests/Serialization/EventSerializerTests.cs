using System.Text;
using System.Text.Json;
using NodaTime;
using Subscriptions.Engine;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Scheduling;
using Subscriptions.Storage;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Serialization;

public sealed class EventSerializerTests
{
    /// <summary>One event of every type, as the decider makes them.</summary>
    public static TheoryData<string> EveryEventType()
    {
        var data = new TheoryData<string>();
        foreach (var e in EveryEvent())
        {
            data.Add(e.GetType().Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void Encode_ThenDecode_EveryEventType_RoundTripsToTheSameJson(string typeName)
    {
        var e = EveryEvent().Single(x => x.GetType().Name == typeName);

        var data = EventSerializer.Encode("e-1", "s@1", e);
        var back = EventSerializer.Decode(new RecordedEvent("s", e.Version, 1, data.EventId, data.Type, data.Payload, data.Metadata));

        Assert.IsType(e.GetType(), back);
        Assert.Equal(Encoding.UTF8.GetString(data.Payload.Span), Encoding.UTF8.GetString(EventSerializer.Encode("e-1", "s@1", back).Payload.Span));
        Assert.EndsWith(".v1", data.Type, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeNames_AreStableAndCoverEveryEventClass()
    {
        var eventClasses = typeof(SubscriptionEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SubscriptionEvent)) && !t.IsAbstract).ToArray();

        Assert.Equal(eventClasses.Length, EventSerializer.TypeNames.Count(n => n.StartsWith("subscription.", StringComparison.Ordinal)));
        Assert.All(eventClasses, t => Assert.Contains(EveryEvent(), e => e.GetType() == t));
        Assert.Contains("subscription.started.v1", EventSerializer.TypeNames);
        Assert.Contains("subscription.lines_changed.v1", EventSerializer.TypeNames);
    }

    [Fact]
    public void Payload_IsReadableJsonWithStringAmountsIsoDatesAndEnumNames()
    {
        var started = EveryEvent().OfType<SubscriptionStarted>().Single();

        var json = Encoding.UTF8.GetString(EventSerializer.Encode("e-1", "s@1", started).Payload.Span);

        Assert.Contains("\"EffectiveDate\":\"2012-05-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"UnitPrice\":{\"amount\":\"249.95\",\"currency\":\"EUR\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"Recurrence\":\"P1M\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"Recurring\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Timing\":\"InAdvance\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduledChange_KeepsItsConcreteChangeType()
    {
        var scheduled = EveryEvent().OfType<SubscriptionChangeScheduled>().Single();

        var data = EventSerializer.Encode("e-1", "s@1", scheduled);
        var back = (SubscriptionChangeScheduled)EventSerializer.Decode(new RecordedEvent("s", 2, 1, "e-1", data.Type, data.Payload, default));

        Assert.Equal(scheduled.Change, back.Change);
        Assert.Contains("\"$change\":\"quantity\"", Encoding.UTF8.GetString(data.Payload.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownTypeOrBrokenPayload_IsRefused()
    {
        Assert.Throws<UnknownEventTypeException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.moved_to_mars.v1", Encoding.UTF8.GetBytes("{}"), default)));
        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.resumed.v1", Encoding.UTF8.GetBytes("{\"Version\":"), default)));
        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.resumed.v1", Encoding.UTF8.GetBytes("null"), default)));
    }

    [Theory]
    [InlineData("{\"Kind\":\"Robot\",\"Id\":\"r2\"}")]
    [InlineData("{\"Kind\":\"Staff\"}")]
    [InlineData("{\"Kind\":\"Staff\",\"Id\":7}")]
    [InlineData("{\"Kind\":\"Staff\",\"Id\":\"bob\",\"Role\":\"admin\"}")]
    [InlineData("\"Staff:bob\"")]
    public void Decode_MalformedActorOrIds_IsRefused(string actor)
    {
        var json = $"{{\"SubscriptionId\":\"S\",\"Version\":1,\"EffectiveDate\":\"2024-01-01\",\"RecordedAt\":\"2024-01-01T00:00:00Z\",\"By\":{actor},\"MrrBefore\":{{\"amount\":\"1\",\"currency\":\"EUR\"}},\"MrrAfter\":{{\"amount\":\"1\",\"currency\":\"EUR\"}}}}";

        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.resumed.v1", Encoding.UTF8.GetBytes(json), default)));
        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.resumed.v1", Encoding.UTF8.GetBytes(json.Replace("\"S\"", "5", StringComparison.Ordinal)), default)));
    }

    [Theory]
    [InlineData("{\"LineId\":\"a\",\"ProductId\":\"p\",\"Description\":\"d\",\"Kind\":\"Rental\",\"Quantity\":1,\"UnitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}}")]
    [InlineData("{\"LineId\":\"a\",\"ProductId\":\"p\",\"Kind\":\"Recurring\",\"Quantity\":1,\"UnitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}}")]
    [InlineData("{\"LineId\":7,\"ProductId\":\"p\",\"Description\":\"d\",\"Kind\":\"Recurring\",\"Quantity\":1,\"UnitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}}")]
    [InlineData("[]")]
    public void Decode_MalformedLine_IsRefused(string line)
    {
        var json = "{\"SubscriptionId\":\"S\",\"Version\":2,\"EffectiveDate\":\"2024-01-01\",\"RecordedAt\":\"2024-01-01T00:00:00Z\",\"By\":{\"Kind\":\"Staff\",\"Id\":\"bob\"},"
            + "\"MrrBefore\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"MrrAfter\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"Change\":\"Quantity\",\"LineId\":\"a\",\"Lines\":[" + line + "],\"Prorations\":[],\"ProrationBehavior\":\"NextInvoice\"}";

        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 2, 1, "e", "subscription.lines_changed.v1", Encoding.UTF8.GetBytes(json), default)));
    }

    [Fact]
    public void Decode_ProrationItemMissingAField_IsRefused()
    {
        var changed = EveryEvent().OfType<SubscriptionLinesChanged>().First(e => e.Prorations.Count > 0);
        var json = Encoding.UTF8.GetString(EventSerializer.Encode("e", "s", changed).Payload.Span).Replace("\"Denominator\"", "\"Denominatr\"", StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", changed.Version, 1, "e", "subscription.lines_changed.v1", Encoding.UTF8.GetBytes(json), default)));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024/01/01")]
    public void Decode_ImpossibleDate_IsRefused(string date)
    {
        var json = $"{{\"SubscriptionId\":\"S\",\"Version\":1,\"EffectiveDate\":\"{date}\",\"RecordedAt\":\"2024-01-01T00:00:00Z\",\"By\":{{\"Kind\":\"Staff\",\"Id\":\"bob\"}},\"MrrBefore\":{{\"amount\":\"1\",\"currency\":\"EUR\"}},\"MrrAfter\":{{\"amount\":\"1\",\"currency\":\"EUR\"}}}}";

        Assert.ThrowsAny<JsonException>(() => EventSerializer.Decode(new RecordedEvent("s", 1, 1, "e", "subscription.resumed.v1", Encoding.UTF8.GetBytes(json), default)));
    }

    [Fact]
    public void Encode_WithoutAnId_DerivesItFromThePositionAndTheContent()
    {
        var e = EveryEvent()[1];

        var a = EventSerializer.Encode(null, "s@2", e);
        var b = EventSerializer.Encode(null, "s@2", e);
        var other = EventSerializer.Encode(null, "s@2", e with { RecordedAt = e.RecordedAt + Duration.FromSeconds(1) });

        Assert.Equal(a.EventId, b.EventId);
        Assert.StartsWith("s@2#", a.EventId, StringComparison.Ordinal);
        Assert.NotEqual(a.EventId, other.EventId);
    }

    internal static List<SubscriptionEvent> EveryEvent()
    {
        var staff = Staff(Noon(2012, 5, 12));
        var state = Started(Start(termPeriods: 12) with { PaymentMethod = new PaymentMethodToken("fake", "pm_1", "Visa •••• 4242"), Salesperson = "eve", QuoteId = "Q-1" });
        var events = new List<SubscriptionEvent>();
        events.AddRange(SubscriptionDecider.Decide(Subscription.Empty, Id, Start(termPeriods: 12) with { Salesperson = "eve", QuoteId = "Q-1", PricelistId = "public", FiscalPositionId = "eu" }, Staff(Noon(2012, 5, 1))));

        SubscriptionEvent Step(SubscriptionCommand command, CommandContext? context = null)
        {
            var e = SubscriptionDecider.Decide(state, Id, command, context ?? staff).Single();
            state = state.Apply(e);
            events.Add(e);
            return e;
        }

        Step(new ChangeQuantity("base", 2m));
        Step(new ChangeQuantity("base", 3m) { EffectiveDate = new LocalDate(2012, 6, 15) });
        Step(new CancelScheduledChange(state.PendingChanges[0].ChangeId));
        Step(new ChangePlan(Terms(recurrence: Recurrence.Yearly), [Base with { UnitPrice = new Money(2399.95m, Eur) }]));
        Step(new PauseSubscription(new LocalDate(2012, 9, 1)));
        Step(new ResumeSubscription());
        Step(new RenewSubscription(1));
        Step(new ChangeContactDetails(Contact with { Phone = "+33 1 23 45 67 89" }));
        Step(new ChangePaymentMethod(null));
        Step(new RevokePortalLinks());
        Step(new CloseSubscription("Other", AtPeriodEnd: true));
        Step(new CloseSubscription("Other", AtPeriodEnd: false));
        Step(new ReopenSubscription());
        return events;
    }
}
