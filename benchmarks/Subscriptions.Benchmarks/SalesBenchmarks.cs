using BenchmarkDotNet.Attributes;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Sales;
using Subscriptions.Scheduling;
using Subscriptions.Storage;
using Subscriptions.Taxes;

namespace Subscriptions.Benchmarks;

/// <summary>
/// What does a quote cost: its content hash (what a signature binds to), a draft with taxes decided in memory, and an
/// confirmation end to end on the in-memory store (load, decide, start the subscription, commit both streams)?
/// </summary>
[MemoryDiagnoser]
public class SalesBenchmarks
{
    private const int Quotes = 2_000;
    private static readonly Instant Now = Instant.FromUtc(2024, 1, 1, 10, 0);
    private readonly TaxConfiguration _taxes = new("acme", "FR", [new Tax(1, "acme", "VAT 20%", TaxAmountType.Percent, 20m)]);
    private DraftQuote _draft = null!;
    private Quote _quote = null!;
    private SubscriptionsEngine _engine = null!;
    private QuoteId[] _ids = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var eur = Currency.Eur;
        _draft = new DraftQuote(
            new CustomerId("C-1"),
            new SubscriptionTerms("pro", "Pro", Recurrence.Monthly, CustomerAccessLevel.UpgradeAndDowngrade, true, InvoicingMode.SendInvoice, null),
            OnlineConfirmation.Signature,
            new ScheduleTerms(new LocalDate(2024, 2, 1), 1, BillingTiming.InAdvance, null, false),
            eur,
            [
                new QuoteLine("pro-1", "pro", "Pro", SubscriptionLineKind.Recurring, 3m, new Money(249.95m, eur)) { TaxIds = [1] },
                new QuoteLine("pro-2", "backup", "Backup", SubscriptionLineKind.Recurring, 1m, new Money(31m, eur), 10m) { TaxIds = [1] },
                new QuoteLine("pro-3", "setup", "Setup", SubscriptionLineKind.SetupFee, 1m, new Money(100m, eur)) { TaxIds = [1] },
            ],
            [new QuoteOption("training", "Training", SubscriptionLineKind.OneTime, new Money(80m, eur)) { TaxIds = [1] }],
            new ContactDetails("Ada", "ada@example.com", null, new PostalAddress("1 Rue", null, "Paris", "75001", null, "FR")),
            "Europe/Paris")
        {
            ValidUntil = new LocalDate(2024, 1, 31),
        };
        _quote = Quote.Replay(DraftEvents());
        _ids = [.. Enumerable.Range(0, Quotes).Select(i => new QuoteId($"Q-{i}"))];
    }

    /// <summary>A fresh store of drafted quotes per iteration, so that each acceptance meets a one-event quote stream.</summary>
    [IterationSetup(Target = nameof(ConfirmEndToEndInMemory))]
    public void DraftQuotes()
    {
        _engine = new SubscriptionsEngine(new InMemoryStore(), new BenchClock(Now), new SubscriptionsOptions());
        foreach (var id in _ids)
        {
            _engine.ExecuteQuoteAsync(id, _draft, Actor.Staff("bob")).GetAwaiter().GetResult();
        }

        _next = 0;
    }

    [Benchmark(Baseline = true)]
    public string ContentHash() => _quote.ContentHash;

    [Benchmark]
    public IReadOnlyList<QuoteEvent> DraftWithTaxes() => DraftEvents();

    /// <summary>A staff confirmation end to end: load the quote, decide, start the subscription, commit both streams together.</summary>
    [Benchmark]
    [InvocationCount(Quotes)]
    public Task<QuoteCommandResult> ConfirmEndToEndInMemory() =>
        _engine.ExecuteQuoteAsync(_ids[_next++], new ConfirmQuote(), Actor.Staff("bob"));

    private IReadOnlyList<QuoteEvent> DraftEvents() =>
        QuoteDecider.Decide(Quote.Empty, new QuoteId("Q-1"), _draft, new QuoteContext(Actor.Staff("bob"), Now) { Taxes = _taxes });

    private sealed class BenchClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
