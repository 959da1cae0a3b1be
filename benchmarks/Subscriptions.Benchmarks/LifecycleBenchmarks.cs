using BenchmarkDotNet.Attributes;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Scheduling;
using Subscriptions.Serialization;
using Subscriptions.Storage;

namespace Subscriptions.Benchmarks;

/// <summary>
/// How fast is a subscription rebuilt from its events (target: 50 events &lt;= 20 us), and a command run end to end on
/// the in-memory store: load, decide, serialize, commit (target &lt;= 50 us)?
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private static readonly SubscriptionId Id = new("S-1");
    private readonly List<SubscriptionEvent> _events = [];
    private RecordedEvent[] _stored = [];
    private const int Subscriptions = 2_000;
    private SubscriptionsEngine _engine = null!;
    private StartSubscription _start = null!;
    private SubscriptionId[] _ids = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var start = new StartSubscription(
            new CustomerId("C-1"),
            new SubscriptionTerms("pro", "Pro", Recurrence.Monthly, CustomerAccessLevel.UpgradeAndDowngrade, true, InvoicingMode.SendInvoice, null),
            new ScheduleTerms(new LocalDate(2024, 1, 1), 1, BillingTiming.InAdvance, null, false),
            Currency.Eur,
            [new SubscriptionLine("base", "pro", "Pro", SubscriptionLineKind.Recurring, 1m, new Money(249.95m, Currency.Eur))],
            new ContactDetails("Ada", "ada@example.com", null, new PostalAddress("1 Rue", null, "Paris", "75001", null, "FR")),
            "Europe/Paris");
        var state = Subscription.Empty;
        var now = Instant.FromUtc(2024, 1, 1, 10, 0);
        foreach (var e in SubscriptionDecider.Decide(state, Id, start, new CommandContext(Actor.Staff("bob"), now, ["Other"])))
        {
            state = state.Apply(e);
            _events.Add(e);
        }

        for (var i = 1; _events.Count < 50; i++)
        {
            var at = now + Duration.FromDays(i * 3);
            var e = SubscriptionDecider.Decide(state, Id, new ChangeQuantity("base", 1 + (i % 5)), new CommandContext(Actor.Staff("bob"), at, ["Other"])).Single();
            state = state.Apply(e);
            _events.Add(e);
        }

        _stored = [.. _events.Select((e, i) =>
        {
            var data = EventSerializer.Encode($"e-{i}", "s", e);
            return new RecordedEvent("subscription-S-1", i + 1, i + 1, data.EventId, data.Type, data.Payload, data.Metadata);
        })];

        _start = start;
        _ids = [.. Enumerable.Range(0, Subscriptions).Select(i => new SubscriptionId($"S-{i}"))];
    }

    /// <summary>A fresh store of started subscriptions per iteration, so that each command meets a two-event stream.</summary>
    [IterationSetup(Target = nameof(CommandEndToEndInMemory))]
    public void StartSubscriptions()
    {
        var clock = new BenchClock(Instant.FromUtc(2024, 1, 1, 10, 0));
        _engine = new SubscriptionsEngine(new InMemoryStore(), clock, new SubscriptionsOptions());
        foreach (var id in _ids)
        {
            _engine.ExecuteAsync(id, _start, Actor.Staff("bob")).GetAwaiter().GetResult();
            _engine.ExecuteAsync(id, new ChangePaymentMethod(null), Actor.Staff("bob")).GetAwaiter().GetResult();
        }

        clock.Now = Instant.FromUtc(2024, 1, 12, 10, 0);
        _next = 0;
    }

    [Benchmark(Baseline = true)]
    public Subscription Rebuild50Events() => Subscription.Replay(_events);

    [Benchmark]
    public Subscription Rebuild50EventsFromJson()
    {
        var state = Subscription.Empty;
        foreach (var stored in _stored)
        {
            state = state.Apply((SubscriptionEvent)EventSerializer.Decode(stored));
        }

        return state;
    }

    /// <summary>One mid-period quantity change end to end: load two events, decide with proration, serialize, commit.</summary>
    [Benchmark]
    [InvocationCount(Subscriptions)]
    public Task<SubscriptionCommandResult> CommandEndToEndInMemory() =>
        _engine.ExecuteAsync(_ids[_next++], new ChangeQuantity("base", 2m), Actor.Staff("bob"));

    private sealed class BenchClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }
}
