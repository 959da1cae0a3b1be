using System.Text;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Portal;
using Subscriptions.Scheduling;
using Subscriptions.Taxes;

namespace Subscriptions.Sales;

/// <summary>
/// The catalog behind the quote scenarios: Pro (249.95/month) with a setup fee (100 once), a Backup option (31/month) and a
/// Training option (80 once), all under a 20% VAT; one plan per online confirmation; an "export" fiscal position that
/// removes the VAT; a "partners" pricelist at 10% off.
/// </summary>
internal static class SalesFixtures
{
    public static readonly QuoteId Q1 = new("Q-1");
    public static readonly CustomerId Customer = new("C-1");
    public static readonly Currency Eur = Currency.Eur;
    public static readonly AccessTokenKeyRing Keys = new(new AccessTokenKey("k1", Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef")));
    public static readonly ContactDetails Contact = new("Ada Lovelace", "ada@example.com", null, new PostalAddress("1 Rue de Rivoli", null, "Paris", "75001", null, "FR"));

    private static readonly UnitOfMeasure Units = new("Units", new UnitOfMeasureCategory("Unit"));
    private static readonly ProductCategory Software = new("software", "Software");

    public static Tax Vat { get; } = new(1, "acme", "VAT 20%", TaxAmountType.Percent, 20m);

    public static TaxConfiguration VatConfig { get; } = new("acme", "FR", [Vat], fiscalPositions: [new FiscalPosition("export", "Export", mappings: [(Vat, null)])]);

    public static Product Pro { get; } = Monthly("pro", "Pro plan", 249.95m);

    public static Product Backup { get; } = Monthly("backup", "Backup add-on", 31m);

    public static Product Setup { get; } = new("setup", "Setup", ProductKind.SetupFee, Software, Units, [new ProductPrice(new UnitPrice(100m, Eur))], taxIds: [1]);

    public static Product Training { get; } = new("training", "Training day", ProductKind.OneTime, Software, Units, [new ProductPrice(new UnitPrice(80m, Eur))], taxIds: [1]);

    public static PricelistSet Pricelists { get; } = new([new Pricelist("partners", "Partners", Eur, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Discount(10m))])]);

    public static SubscriptionCatalog SalesCatalog(bool taxes = true) => new(
        ProductCatalog.Create([Pro, Backup, Setup, Training], new LocalDate(2012, 1, 1)),
        [
            Plan("pro", OnlineConfirmation.Signature),
            Plan("pro-pay", OnlineConfirmation.Payment),
            Plan("pro-both", OnlineConfirmation.SignatureAndPayment),
            Plan("pro-staff", OnlineConfirmation.None),
        ])
    {
        Taxes = taxes ? VatConfig : null,
        Pricelists = Pricelists,
    };

    public static QuoteRequest Request(string plan = "pro") => new()
    {
        CustomerId = Customer,
        PlanId = plan,
        Currency = Eur,
        Contact = Contact,
        TimeZoneId = "Europe/Paris",
        StartDate = new LocalDate(2012, 5, 1),
        BillingDay = 1,
        Salesperson = "bob",
        Notes = "Thank you for your trust.",
    };

    public static Instant Noon(int year, int month, int day) => Instant.FromUtc(year, month, day, 10, 0);

    public static QuoteContext Staff(Instant now, TaxConfiguration? taxes = null) => new(Actor.Staff("bob"), now) { Taxes = taxes };

    public static QuoteContext ByCustomer(Instant now, TaxConfiguration? taxes = null) => new(Actor.Customer(Customer), now) { Taxes = taxes };

    public static QuoteLine Line(string id, decimal price, SubscriptionLineKind kind = SubscriptionLineKind.Recurring, decimal quantity = 1m, decimal discount = 0m) =>
        new(id, id, id, kind, quantity, new Money(price, Eur), discount) { TaxIds = [1] };

    public static DraftQuote Draft(
        OnlineConfirmation confirmation = OnlineConfirmation.Signature,
        LocalDate? validUntil = null,
        string timeZone = "Europe/Paris",
        IReadOnlyList<QuoteLine>? lines = null,
        IReadOnlyList<QuoteOption>? options = null) =>
        new(
            Customer,
            new SubscriptionTerms("pro", "Pro", Recurrence.Monthly, CustomerAccessLevel.UpgradeAndDowngrade, true, InvoicingMode.SendInvoice, null),
            confirmation,
            new ScheduleTerms(new LocalDate(2012, 5, 1), 1, BillingTiming.InAdvance, null, false),
            Eur,
            lines ?? [Line("pro-1", 249.95m), Line("pro-2", 100m, SubscriptionLineKind.SetupFee)],
            options ?? [new QuoteOption("backup", "Backup add-on", SubscriptionLineKind.Option, new Money(31m, Eur)) { TaxIds = [1] }],
            Contact,
            timeZone)
        {
            ValidUntil = validUntil ?? new LocalDate(2012, 5, 28),
        };

    public static Quote Drafted(DraftQuote? draft = null, TaxConfiguration? taxes = null) =>
        Quote.Replay(QuoteDecider.Decide(Quote.Empty, Q1, draft ?? Draft(), Staff(Noon(2012, 4, 28), taxes)));

    public static QuoteRuleException Refused(Quote state, QuoteCommand command, QuoteContext context, string code)
    {
        var error = Assert.Throws<QuoteRuleException>(() => QuoteDecider.Decide(state, Q1, command, context));
        Assert.Equal(code, error.ErrorCode);
        return error;
    }

    private static Plan Plan(string id, OnlineConfirmation confirmation) => new(
        id,
        "Pro",
        Recurrence.Monthly,
        [new PlanLine(Pro), new PlanLine(Setup), new PlanLine(Backup, isOptional: true), new PlanLine(Training, isOptional: true)],
        new PlanSettings { CustomerAccess = CustomerAccessLevel.UpgradeAndDowngrade, CustomerMayClose = true, OnlineConfirmation = confirmation, QuoteValidityDays = 30 });

    private static Product Monthly(string id, string name, decimal price) =>
        new(id, name, ProductKind.Recurring, Software, Units, [new ProductPrice(new UnitPrice(price, Eur), Recurrence.Monthly)], taxIds: [1]);
}
