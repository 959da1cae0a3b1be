// Subscriptions console sample: a small company's quotes and subscriptions over a few months, on the embedded SQLite store.
// Run it with: dotnet run --project samples/Subscriptions.Sample.Console
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Subscriptions;
using Subscriptions.Analytics;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Portal;
using Subscriptions.Sample.Console;
using Subscriptions.Sales;
using Subscriptions.Scheduling;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var eur = Currency.Eur;

// 1. The store: one SQLite file (WAL), created and migrated on open. Start afresh so every run tells the same story.
var path = Path.Combine(Path.GetTempPath(), "subscriptions-sample.db");
foreach (var file in new[] { path, path + "-wal", path + "-shm" })
{
    File.Delete(file);
}

// 2. The catalog: Pro at 249.95 a month with a Backup option at 31.00, and Team at 499.00.
var units = new UnitOfMeasure("Units", new UnitOfMeasureCategory("Unit"));
var software = new ProductCategory("software", "Software");
Product Monthly(string id, string name, decimal price, string[]? options = null) =>
    new(id, name, ProductKind.Recurring, software, units, [new ProductPrice(new UnitPrice(price, eur), Recurrence.Monthly)], options);
var pro = Monthly("pro", "Pro plan", 249.95m, ["backup"]);
var backup = Monthly("backup", "Backup add-on", 31m);
var team = Monthly("team", "Team plan", 499m);
var proPlan = new Plan("pro", "Pro", Recurrence.Monthly, [new PlanLine(pro), new PlanLine(backup, isOptional: true)], new PlanSettings { CustomerAccess = CustomerAccessLevel.UpgradeAndDowngrade, CustomerMayClose = true });
var teamPlan = new Plan("team", "Team", Recurrence.Monthly, [new PlanLine(team)], new PlanSettings { CustomerAccess = CustomerAccessLevel.UpgradeOnly, CustomerMayClose = true });
var catalog = new SubscriptionCatalog(ProductCatalog.Create([pro, backup, team], new LocalDate(2026, 1, 1)), [proPlan, teamPlan]);

// 3. The host registers the store, the catalog, a clock and the engine, as an application would.
var clock = new SampleClock(Instant.FromUtc(2026, 1, 1, 9, 0));
await using var provider = new ServiceCollection()
    .AddSingleton<IClock>(clock)
    .AddSingleton(catalog)
    .AddSubscriptionsSqlite($"Data Source={path}")
    .AddSubscriptions(o => o.PortalKeys = new AccessTokenKeyRing(new AccessTokenKey("sample", Encoding.ASCII.GetBytes("sample-only-signing-key-32-bytes!!"))))
    .BuildServiceProvider();
var engine = provider.GetRequiredService<SubscriptionsEngine>();
var staff = Actor.Staff("alice");
Console.WriteLine($"Subscriptions sample: store {path}");
Console.WriteLine();

// 4. Ada buys online: a quote from the Pro plan, sent as a secure link, viewed and signed by her, becomes her subscription.
var contact = new ContactDetails("Ada Lovelace", "ada@example.com", null, new PostalAddress("1 Rue de Rivoli", null, "Paris", "75001", null, "FR"));
var quoteId = new QuoteId("Q-ada");
await engine.DraftQuoteAsync(quoteId, new QuoteRequest { CustomerId = new CustomerId("C-ada"), PlanId = "pro", Currency = eur, Contact = contact, TimeZoneId = "Europe/Paris", StartDate = new LocalDate(2026, 1, 1), BillingDay = 1, Salesperson = "alice" }, staff);
var quoteLink = await engine.SendQuoteAsync(quoteId, staff);
var quote = await engine.ViewQuoteAsync(quoteLink, quoteId);
Console.WriteLine($"4. Quote {quote.Id} for plan {quote.PlanName}, valid until {quote.ValidUntil:uuuu-MM-dd}: {quote.Totals.Untaxed} untaxed, options {string.Join(", ", quote.AvailableOptions.Select(o => o.ProductId))}");
var accepted = await engine.AcceptQuoteAsync(quoteLink, quoteId, new AcceptQuote("Ada Lovelace"));
var adaId = accepted.Subscription!.Id; // An accepted quote always carries its subscription.
Console.WriteLine($"   Signed by {accepted.Quote.Signature!.SignerName} (hash {accepted.Quote.Signature.ContentHash[..12]}...): subscription {adaId} started, MRR {Show(accepted.Subscription.Mrr)}");

// Staff start two more contracts directly on January 1st.
var customers = new[] { ("S-bob", "C-bob", proPlan, 3m), ("S-cyd", "C-cyd", teamPlan, 1m) };
foreach (var (subscription, customer, plan, seats) in customers)
{
    var lines = plan.DefaultLines.Select(l => catalog.PriceLine(l.Product.Id, l.Product.Id, SubscriptionLineKind.Recurring, seats, plan.Recurrence, eur, new LocalDate(2026, 1, 1))).ToArray();
    var start = new StartSubscription(new CustomerId(customer), SubscriptionTerms.From(plan), new ScheduleTerms(new LocalDate(2026, 1, 1), 1, BillingTiming.InAdvance, null, false), eur, lines, contact with { Name = customer }, "Europe/Paris");
    var started = await engine.ExecuteAsync(new SubscriptionId(subscription), start, staff);
    Console.WriteLine($"   {subscription} started on plan {plan.Name}: {seats} x {lines[0].UnitPrice} a month, MRR {Show(started.Subscription.Mrr)}");
}

// 5. On January 12th Bob's company grows from 3 to 5 seats: 20 unused days are credited, 20 days charged at the new amount.
clock.Set(2026, 1, 12);
var upsell = await engine.ExecuteAsync(new SubscriptionId("S-bob"), new ChangeQuantity("pro", 5m), staff, commandId: "bob-upsell-2026-01");
Explain("5. Bob 3 -> 5 seats on 2026-01-12", upsell);
var again = await engine.ExecuteAsync(new SubscriptionId("S-bob"), new ChangeQuantity("pro", 5m), staff, commandId: "bob-upsell-2026-01");
Console.WriteLine($"   The same request sent again (a retry after a timeout) is recognised: repeat = {again.WasRepeat}, version still {again.Subscription.Version}");

// 6. Ada opens her portal link (no account needed), adds the Backup option, then decides to leave at the end of the month.
var link = await engine.IssuePortalTokenAsync(adaId, PortalPurpose.Manage);
var overview = await engine.ViewFromPortalAsync(link, adaId);
Console.WriteLine($"6. Ada's portal: plan {overview.PlanName}, next invoice {overview.NextInvoiceDate:uuuu-MM-dd}, options {string.Join(", ", overview.AvailableOptions.Select(o => $"{o.Name} {o.UnitPrice}"))}");
Explain("   Ada adds Backup", await engine.ExecuteFromPortalAsync(link, adaId, new AddOptionRequest("backup")));
var close = await engine.ExecuteFromPortalAsync(link, adaId, new CloseRequest("Too expensive"));
Console.WriteLine($"   Ada closes with the reason 'Too expensive': effective {((SubscriptionCloseScheduled)close.Events[0]).CloseOn:uuuu-MM-dd}");
try
{
    await engine.ExecuteFromPortalAsync(link[..^2] + "xx", adaId, new CloseRequest("Other"));
}
catch (AccessTokenRejectedException e)
{
    Console.WriteLine($"   A tampered link is refused ({e.ErrorCode})");
}

// 7. Cyd's plan lets customers upgrade only: a downgrade from the portal is refused, typed, and changes nothing.
var cydLink = await engine.IssuePortalTokenAsync(new SubscriptionId("S-cyd"), PortalPurpose.Manage);
try
{
    await engine.ExecuteFromPortalAsync(cydLink, new SubscriptionId("S-cyd"), new ChangePlanRequest("pro"));
}
catch (SubscriptionRuleException e)
{
    Console.WriteLine($"7. Cyd's downgrade is refused ({e.ErrorCode}): {e.Message}");
}

// 8. Staff schedule a price change for Bob on March 1st; time passes and the engine carries out what comes due.
await engine.ExecuteAsync(new SubscriptionId("S-bob"), new OverridePrice("pro", new Money(229.95m, eur), 0m) { EffectiveDate = new LocalDate(2026, 3, 1) }, staff);
foreach (var day in new[] { new LocalDate(2026, 2, 1), new LocalDate(2026, 3, 1) })
{
    clock.Set(day.Year, day.Month, day.Day);
    Console.WriteLine($"8. {day:uuuu-MM-dd}: the engine carried out {await engine.ProcessDueAsync()} due item(s)");
}

// 9. In April Ada comes back: staff reopen her contract (a reactivation), billed from the day it reopens.
clock.Set(2026, 4, 10);
Explain("9. Ada reactivated on 2026-04-10", await engine.ExecuteAsync(adaId, new ReopenSubscription(), staff));

// 10. Every step is an event, stored and never lost; the subscription is rebuilt from them.
Console.WriteLine();
foreach (var id in new[] { adaId, new SubscriptionId("S-bob"), new SubscriptionId("S-cyd") })
{
    var state = await engine.GetSubscriptionAsync(id);
    Console.WriteLine($"10. {id}: {state.Status}, MRR {Show(state.Mrr)}, {state.Version} events: {string.Join(" > ", (await engine.GetEventsAsync(id)).Select(e => e.GetType().Name.Replace("Subscription", string.Empty, StringComparison.Ordinal)))}");
}

// 11. The analytics read the same events from the store: MRR movements per month, per customer, and KPIs.
var projection = await engine.ProjectMrrAsync();
var history = MrrHistory.Create(projection.Changes, new Subscriptions.Analytics.ExchangeRates(eur, []));
Console.WriteLine();
Console.WriteLine("11. MRR movements, per customer, by month:");
Console.WriteLine($"    {"month",-8} {"start",10} {"new",9} {"expand",9} {"contract",9} {"churn",9} {"react",9} {"end",10}");
foreach (var row in history.Movements(PeriodGranularity.Month, new LocalDate(2026, 1, 1), new LocalDate(2026, 5, 1)).CustomerNet)
{
    var m = row.Movements;
    Console.WriteLine($"    {row.Period.Start:uuuu-MM}  {Amount(row.StartMrr),10} {Amount(m.New),9} {Amount(m.Expansion),9} {Amount(m.Contraction),9} {Amount(m.Churn),9} {Amount(m.Reactivation),9} {Amount(row.EndMrr),10}");
}

var kpis = history.KpisAsOf(new LocalDate(2026, 4, 30));
Console.WriteLine($"    On 2026-04-30: MRR {Show(kpis.Mrr)}, {kpis.Contracts} contracts, {kpis.ActiveCustomers} active customers");

static string Amount(Money money) => money.Round(MidpointRounding.AwayFromZero).Amount.ToString("N2", CultureInfo.InvariantCulture);

static string Show(Money money) => money.Round(MidpointRounding.AwayFromZero).ToString();

static void Explain(string title, SubscriptionCommandResult result)
{
    Console.WriteLine($"{title}:");
    foreach (var e in result.Events)
    {
        var prorations = e switch
        {
            SubscriptionLinesChanged c => c.Prorations,
            SubscriptionPlanChanged p => p.Prorations,
            SubscriptionReopened r => r.Prorations,
            SubscriptionClosed c => c.Prorations,
            _ => [],
        };
        foreach (var p in prorations)
        {
            Console.WriteLine($"   {p.Kind,-6} {p.Description}: {p.Numerator}/{p.Denominator} of {p.BaseAmount} for [{p.From:uuuu-MM-dd}, {p.To:uuuu-MM-dd}) = {p.Amount}");
        }

        Console.WriteLine($"   MRR {Show(e.MrrBefore)} -> {Show(e.MrrAfter)}");
    }
}
