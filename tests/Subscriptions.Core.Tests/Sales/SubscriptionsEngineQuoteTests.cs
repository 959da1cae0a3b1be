using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Payments;
using Subscriptions.Portal;
using Subscriptions.Storage;
using Subscriptions.Storage.Sqlite;
using Subscriptions.Testing;
using static Subscriptions.Sales.SalesFixtures;

namespace Subscriptions.Sales;

/// <summary>Quotes end to end, on every store a host would use: the in-memory reference and a real SQLite file.</summary>
public abstract class SubscriptionsEngineQuoteTests : IAsyncLifetime
{
    private static readonly SubscriptionId Sub1 = new("sub-Q-1");

    protected FakeClock Clock { get; } = new(Noon(2012, 4, 28));

    protected IStore Store { get; private set; } = null!;

    protected SubscriptionsEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Engine = NewEngine();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IStore> CreateStoreAsync();

    protected SubscriptionsEngine NewEngine(bool taxes = true) => new(Store, Clock, new SubscriptionsOptions { PortalKeys = Keys }, SalesCatalog(taxes));

    private async Task<string> DraftAndSendAsync(string plan = "pro", QuoteRequest? request = null)
    {
        await Engine.DraftQuoteAsync(Q1, request ?? Request(plan), Actor.Staff("bob"));
        return await Engine.SendQuoteAsync(Q1, Actor.Staff("bob"));
    }

    [Fact]
    public async Task Scenario_DraftSendViewAddOptionSign_StartsTheSubscriptionWithTheQuotedLinesPricesAndDates()
    {
        var drafted = await Engine.DraftQuoteAsync(Q1, Request(), Actor.Staff("bob"));
        Assert.Equal(QuoteStatus.Draft, drafted.Quote.Status);
        Assert.Equal(new LocalDate(2012, 5, 28), drafted.Quote.ValidUntil); // today (2012-04-28 in Paris) + the plan's 30 days
        var token = await Engine.SendQuoteAsync(Q1, Actor.Staff("bob"));

        // The customer opens the link: two lines, two options, totals with 20% VAT.
        Clock.Now = Noon(2012, 4, 29);
        var view = await Engine.ViewQuoteAsync(token, Q1);
        Assert.Equal(QuoteStatus.Sent, view.Status);
        Assert.False(view.IsExpired);
        Assert.Equal(["pro-1:pro:Recurring:249.95", "pro-2:setup:SetupFee:100"], view.Lines.Select(l => $"{l.LineId}:{l.ProductId}:{l.Kind}:{l.UnitPrice.Amount}"));
        Assert.Equal(["backup:Option:31", "training:OneTime:80"], view.AvailableOptions.Select(o => $"{o.ProductId}:{o.Kind}:{o.UnitPrice.Amount}"));
        Assert.Equal(new QuoteTotals(new Money(349.95m, Eur), new Money(69.99m, Eur), new Money(419.94m, Eur)), view.Totals);
        Assert.Equal(new Money(49.99m, Eur), view.Lines[0].Tax);
        Assert.Null(view.Signature);

        // ...adds the backup option; the totals follow.
        var added = await Engine.AddQuoteOptionAsync(token, Q1, "backup");
        Assert.Equal(Actor.Customer(Customer), Assert.IsType<QuoteOptionAdded>(Assert.Single(added.Events)).By);
        var seen = await Engine.ViewQuoteAsync(token, Q1);
        Assert.Equal(new QuoteTotals(new Money(380.95m, Eur), new Money(76.19m, Eur), new Money(457.14m, Eur)), seen.Totals);
        Assert.Equal(["training"], seen.AvailableOptions.Select(o => o.ProductId));
        Assert.NotEqual(view.ContentHash, seen.ContentHash);

        // ...and signs exactly the version seen.
        Clock.Now = Noon(2012, 4, 30);
        var accepted = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada Lovelace") { ExpectedContentHash = seen.ContentHash });

        Assert.Equal(["QuoteSigned", "QuoteConfirmed"], accepted.Events.Select(e => e.GetType().Name));
        var signature = accepted.Quote.Signature!;
        Assert.Equal(("Ada Lovelace", Noon(2012, 4, 30), seen.ContentHash, 3L), (signature.SignerName, signature.SignedAt, signature.ContentHash, signature.ContentVersion));
        Assert.Equal(QuoteStatus.Confirmed, accepted.Quote.Status);
        Assert.Equal(Sub1, accepted.Quote.SubscriptionId);

        var subscription = await Engine.GetSubscriptionAsync(Sub1);
        Assert.Equal(SubscriptionStatus.InProgress, subscription.Status);
        Assert.Equal("Q-1", subscription.QuoteId);
        Assert.Equal(Customer, subscription.CustomerId);
        Assert.Equal(SubscriptionTerms.From(SalesCatalog().GetPlan("pro")), subscription.Terms);
        Assert.Equal(new LocalDate(2012, 5, 1), subscription.ScheduleTerms!.Start);
        Assert.Equal(new LocalDate(2012, 6, 1), subscription.Schedule!.NextBillingDate(new LocalDate(2012, 5, 2)));
        Assert.Equal("bob", subscription.Salesperson);
        Assert.Equal("Europe/Paris", subscription.TimeZoneId);
        Assert.Equal(
            ["pro-1 pro Recurring 1 249.95", "pro-2 setup SetupFee 1 100", "backup backup Option 1 31"],
            subscription.Lines.Select(l => $"{l.LineId} {l.ProductId} {l.Kind} {l.Quantity} {l.UnitPrice.Amount}"));
        Assert.Equal(new Money(280.95m, Eur), subscription.Mrr); // the one-time setup fee is not recurring revenue
        var started = Assert.IsType<SubscriptionStarted>(Assert.Single(await Engine.GetEventsAsync(Sub1)));
        Assert.Equal(Actor.System, started.By);
        Assert.Equal(
            ["QuoteDrafted", "QuoteSent", "QuoteOptionAdded", "QuoteSigned", "QuoteConfirmed"],
            (await Engine.GetQuoteEventsAsync(Q1)).Select(e => e.GetType().Name));
    }

    [Fact]
    public async Task Accept_PaymentPlan_RefusesASignatureAloneAndConfirmsWithAPaymentThatCoversTheTotal()
    {
        var token = await DraftAndSendAsync("pro-pay");
        var card = new PaymentMethodToken("stripe", "pm_1", "Visa •••• 4242");

        var signatureOnly = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));
        var tooLittle = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", new Money(419.93m, Eur)))));
        var wrongCurrency = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", new Money(419.94m, Currency.Usd)))));
        Assert.Equal(2, (await Engine.GetQuoteEventsAsync(Q1)).Count);

        var paid = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", new Money(419.94m, Eur)) { PaymentMethod = card }));

        Assert.Equal(QuoteRuleException.PaymentRequiredCode, signatureOnly.ErrorCode);
        Assert.Equal(QuoteRuleException.PaymentAmountMismatchCode, tooLittle.ErrorCode);
        Assert.Equal(QuoteRuleException.PaymentAmountMismatchCode, wrongCurrency.ErrorCode);
        Assert.Equal(["QuotePaid", "QuoteConfirmed"], paid.Events.Select(e => e.GetType().Name));
        Assert.Equal("pi_1", paid.Quote.Payment!.Reference);
        Assert.Equal(card, (await Engine.GetSubscriptionAsync(Sub1)).PaymentMethod);
        Assert.Equal(Sub1, paid.Subscription!.Id);
    }

    [Fact]
    public async Task Accept_SignatureAndPaymentPlan_WaitsForBothAndAChangeAfterSigningNeedsANewSignature()
    {
        var token = await DraftAndSendAsync("pro-both");

        var payFirst = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", new Money(419.94m, Eur)))));
        var signed = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"));
        Assert.Equal(["QuoteSigned"], signed.Events.Select(e => e.GetType().Name));
        Assert.True(signed.Quote.HasValidSignature);
        Assert.Null(signed.Subscription);
        Assert.NotNull((await Engine.ViewQuoteAsync(token, Q1)).Signature);

        // Adding an option changes the quote: the signature no longer matches it.
        await Engine.AddQuoteOptionAsync(token, Q1, "training");
        var changed = await Engine.GetQuoteAsync(Q1);
        Assert.False(changed.HasValidSignature);
        Assert.Null((await Engine.ViewQuoteAsync(token, Q1)).Signature);
        var staleSignature = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", new Money(515.94m, Eur)))));

        var done = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada", new QuotePayment("pi_1", new Money(515.94m, Eur))));

        Assert.Equal(QuoteRuleException.SignatureRequiredCode, payFirst.ErrorCode);
        Assert.Equal(QuoteRuleException.SignatureRequiredCode, staleSignature.ErrorCode);
        Assert.Equal(["QuoteSigned", "QuotePaid", "QuoteConfirmed"], done.Events.Select(e => e.GetType().Name));
        Assert.Equal(changed.ContentHash, done.Quote.Signature!.ContentHash);
        Assert.Contains((await Engine.GetSubscriptionAsync(Sub1)).Lines, l => l is { ProductId: "training", Kind: SubscriptionLineKind.OneTime });
    }

    [Fact]
    public async Task ReviseQuote_AfterSigning_InvalidatesTheSignatureAndTheSubscriptionGetsTheRevisedPrices()
    {
        var token = await DraftAndSendAsync("pro-both");
        var signed = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"));
        var signedHash = signed.Quote.ContentHash;

        // Staff grant 10% off the plan line after the signature.
        var lines = signed.Quote.Lines.Select(l => l.ProductId == "pro" ? l with { DiscountPercent = 10m } : l).ToArray();
        var revised = await Engine.ExecuteQuoteAsync(Q1, new ReviseQuote(lines) { Notes = "10% off the first year" }, Actor.Staff("bob"));
        var unsigned = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(null, new QuotePayment("pi_1", revised.Quote.Totals.Total))));
        var done = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada", new QuotePayment("pi_1", revised.Quote.Totals.Total)));

        Assert.False(revised.Quote.HasValidSignature);
        Assert.NotEqual(signedHash, revised.Quote.ContentHash);
        Assert.Equal(new Money(389.95m, Eur), revised.Quote.Totals.Total); // 224.96 + 44.99 VAT + 120.00 setup
        Assert.Equal(QuoteRuleException.SignatureRequiredCode, unsigned.ErrorCode);
        Assert.Equal(revised.Quote.ContentHash, done.Quote.Signature!.ContentHash);
        Assert.Equal(10m, (await Engine.GetSubscriptionAsync(Sub1)).Lines.Single(l => l.LineId == "pro-both-1").DiscountPercent);
    }

    [Fact]
    public async Task ReviseQuote_ExpiredQuoteWithANewValidity_CanBeAcceptedAgain()
    {
        var token = await DraftAndSendAsync();
        Clock.Now = Noon(2012, 6, 2);
        var quote = await Engine.GetQuoteAsync(Q1);
        var stillPast = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.ExecuteQuoteAsync(Q1, new ReviseQuote(quote.Lines), Actor.Staff("bob")));

        await Engine.ExecuteQuoteAsync(Q1, new ReviseQuote(quote.Lines) { ValidUntil = new LocalDate(2012, 6, 30) }, Actor.Staff("bob"));
        var accepted = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"));

        Assert.Equal(QuoteRuleException.InvalidValidityCode, stillPast.ErrorCode);
        Assert.Equal(QuoteStatus.Confirmed, accepted.Quote.Status);
    }

    [Fact]
    public async Task Accept_TwoConcurrentAcceptances_ConfirmOnceAndStartOneSubscription()
    {
        var token = await DraftAndSendAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await Task.Yield();
                return (await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote($"Signer {i}"))).Events.Count;
            }
            catch (QuoteRuleException e) when (e.ErrorCode == QuoteRuleException.AlreadyConfirmedCode)
            {
                return 0;
            }
        }));

        Assert.Single(outcomes, n => n == 2);
        Assert.Equal(4, (await Engine.GetQuoteEventsAsync(Q1)).Count);
        Assert.Single(await Engine.GetEventsAsync(Sub1));
    }

    [Fact]
    public async Task ExecuteQuote_StaffConfirmation_StartsTheSubscriptionWithoutOnlineAcceptance()
    {
        var drafted = await Engine.DraftQuoteAsync(Q1, Request("pro-staff"), Actor.Staff("bob"), commandId: "draft-1");
        var redrafted = await Engine.DraftQuoteAsync(Q1, Request("pro-staff"), Actor.Staff("bob"), commandId: "draft-1");
        Assert.True(redrafted.WasRepeat);
        Assert.Equal(drafted.Quote.ContentHash, redrafted.Quote.ContentHash);
        var token = await Engine.SendQuoteAsync(Q1, Actor.Staff("bob"));
        var online = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));

        var confirmed = await Engine.ExecuteQuoteAsync(Q1, new ConfirmQuote(), Actor.Staff("alice"));

        Assert.Equal(QuoteRuleException.CustomerAccessDeniedCode, online.ErrorCode);
        Assert.Equal(Actor.Staff("alice"), Assert.IsType<QuoteConfirmed>(Assert.Single(confirmed.Events)).By);
        var started = Assert.IsType<SubscriptionStarted>(Assert.Single(await Engine.GetEventsAsync(Sub1)));
        Assert.Equal(Actor.Staff("alice"), started.By);
        Assert.Equal(2, started.Lines.Count);
    }

    [Fact]
    public async Task ExecuteQuote_StaffConfirmationWithAHostGivenSubscriptionId_StartsThatSubscription()
    {
        await DraftAndSendAsync();
        var id = new SubscriptionId("CONTRACT-2012-001");

        var confirmed = await Engine.ExecuteQuoteAsync(Q1, new ConfirmQuote { SubscriptionId = id }, Actor.Staff("bob"));
        var defaultId = Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(confirmed.Quote, Q1, new ConfirmQuote { SubscriptionId = default(SubscriptionId) }, Staff(Clock.Now)));

        Assert.Equal(id, confirmed.Quote.SubscriptionId);
        Assert.Equal("Q-1", (await Engine.GetSubscriptionAsync(id)).QuoteId);
        Assert.Equal(SubscriptionStatus.None, (await Engine.GetSubscriptionAsync(Sub1)).Status);
        Assert.Equal("command", defaultId.ParamName);
    }

    [Fact]
    public async Task Accept_ExpiredQuote_IsRefusedAndChangesNothing()
    {
        var token = await DraftAndSendAsync();

        // 2012-05-28 is the last valid day in Paris; 22:30 UTC on the 28th is already the 29th there.
        Clock.Now = Instant.FromUtc(2012, 5, 28, 21, 59);
        Assert.False((await Engine.ViewQuoteAsync(token, Q1)).IsExpired);
        Clock.Now = Instant.FromUtc(2012, 5, 28, 22, 30);
        var view = await Engine.ViewQuoteAsync(token, Q1);
        var accept = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));
        var option = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AddQuoteOptionAsync(token, Q1, "backup"));
        var staff = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.ExecuteQuoteAsync(Q1, new ConfirmQuote(), Actor.Staff("bob")));

        Assert.True(view.IsExpired);
        Assert.All(new[] { accept, option, staff }, e => Assert.Equal(QuoteRuleException.ExpiredCode, e.ErrorCode));
        Assert.Equal(2, (await Engine.GetQuoteEventsAsync(Q1)).Count);
        Assert.Equal(SubscriptionStatus.None, (await Engine.GetSubscriptionAsync(Sub1)).Status);
    }

    [Fact]
    public async Task Accept_ConfirmedQuote_IsRefusedButTheSameRequestIdReturnsTheFirstOutcome()
    {
        var token = await DraftAndSendAsync();
        var first = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"), requestId: "r-1");

        var repeat = await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"), requestId: "r-1");
        var again = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"), requestId: "r-2"));
        var staff = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.ExecuteQuoteAsync(Q1, new ConfirmQuote(), Actor.Staff("bob")));
        var option = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AddQuoteOptionAsync(token, Q1, "backup"));

        Assert.False(first.WasRepeat);
        Assert.True(repeat.WasRepeat);
        Assert.Equal(first.Events.Select(e => e.Version), repeat.Events.Select(e => e.Version));
        Assert.Equal(Sub1, repeat.Subscription!.Id);
        Assert.All(new[] { again, staff, option }, e => Assert.Equal(QuoteRuleException.AlreadyConfirmedCode, e.ErrorCode));
        Assert.Equal(4, (await Engine.GetQuoteEventsAsync(Q1)).Count);
        Assert.Single(await Engine.GetEventsAsync(Sub1));
    }

    [Fact]
    public async Task Portal_BadTokens_AreRejectedAndChangeNothing()
    {
        var token = await DraftAndSendAsync();
        var other = new QuoteId("Q-2");
        await Engine.DraftQuoteAsync(other, Request(), Actor.Staff("bob"));
        var subscriptionToken = await SubscriptionTokenAsync();

        var tampered = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.AcceptQuoteAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), Q1, new AcceptQuote("Ada")));
        var wrongQuote = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.AcceptQuoteAsync(token, other, new AcceptQuote("Ada")));
        var subscriptionLink = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewQuoteAsync(subscriptionToken, Q1));
        await Engine.ExecuteQuoteAsync(Q1, new RevokeQuoteLinks(), Actor.Staff("bob"));
        var revoked = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewQuoteAsync(token, Q1));
        var fresh = await Engine.SendQuoteAsync(Q1, Actor.Staff("bob"));
        Clock.Now = Instant.FromUtc(2012, 6, 27, 21, 59); // 30 days after the end of the last valid day (2012-05-28 in Paris)
        Assert.True((await Engine.ViewQuoteAsync(fresh, Q1)).IsExpired);
        Clock.Now = Instant.FromUtc(2012, 6, 27, 22, 0);
        var expired = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewQuoteAsync(fresh, Q1));

        Assert.Equal(AccessTokenRejection.Tampered, tampered.Reason);
        Assert.Equal(AccessTokenRejection.WrongDocument, wrongQuote.Reason);
        Assert.Equal(AccessTokenRejection.WrongDocument, subscriptionLink.Reason);
        Assert.Equal(AccessTokenRejection.Revoked, revoked.Reason);
        Assert.Equal(AccessTokenRejection.Expired, expired.Reason);
        Assert.Equal(QuoteStatus.Sent, (await Engine.GetQuoteAsync(Q1)).Status);
        Assert.Equal(SubscriptionStatus.None, (await Engine.GetSubscriptionAsync(Sub1)).Status);
    }

    [Fact]
    public async Task DraftQuote_FiscalPositionPricelistOrNoTaxes_ComputesTheTotalsAccordingly()
    {
        var export = await Engine.DraftQuoteAsync(Q1, Request() with { FiscalPositionId = "export" }, Actor.Staff("bob"));
        var partners = await Engine.DraftQuoteAsync(new QuoteId("Q-2"), Request() with { PricelistId = "partners" }, Actor.Staff("bob"));
        var untaxed = await NewEngine(taxes: false).DraftQuoteAsync(new QuoteId("Q-3"), Request(), Actor.Staff("bob"));

        Assert.Equal(new QuoteTotals(new Money(349.95m, Eur), Money.Zero(Eur), new Money(349.95m, Eur)), export.Quote.Totals);
        Assert.Equal("export", export.Quote.FiscalPositionId);
        Assert.Equal([224.955m, 90m], partners.Quote.Lines.Select(l => l.UnitPrice.Amount));
        Assert.Equal(new QuoteTotals(new Money(314.96m, Eur), new Money(62.99m, Eur), new Money(377.95m, Eur)), partners.Quote.Totals);
        Assert.Equal(new QuoteTotals(new Money(349.95m, Eur), Money.Zero(Eur), new Money(349.95m, Eur)), untaxed.Quote.Totals);
    }

    [Fact]
    public async Task BadInputs_FailWithTheirTypedErrorsAndChangeNothing()
    {
        var missing = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.SendQuoteAsync(Q1, Actor.Staff("bob")));
        var plan = await Assert.ThrowsAsync<UnknownPlanException>(() => Engine.DraftQuoteAsync(Q1, Request("gold"), Actor.Staff("bob")));
        var zone = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.DraftQuoteAsync(Q1, Request() with { TimeZoneId = "Mars/Olympus" }, Actor.Staff("bob")));
        var validity = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.DraftQuoteAsync(Q1, Request() with { ValidUntil = new LocalDate(2012, 4, 27) }, Actor.Staff("bob")));
        var position = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.DraftQuoteAsync(Q1, Request() with { FiscalPositionId = "mars" }, Actor.Staff("bob")));
        var currency = await Assert.ThrowsAsync<CurrencyMismatchException>(() => Engine.DraftQuoteAsync(Q1, Request() with { Currency = Currency.Usd }, Actor.Staff("bob")));
        var byCustomer = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.DraftQuoteAsync(Q1, Request(), Actor.Customer(Customer)));
        var badId = await Assert.ThrowsAsync<ArgumentException>(() => Engine.DraftQuoteAsync(default, Request(), Actor.Staff("bob")));
        Assert.Empty(await Engine.GetQuoteEventsAsync(Q1));

        var token = await DraftAndSendAsync();
        var twice = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.DraftQuoteAsync(Q1, Request(), Actor.Staff("bob")));
        var unknownOption = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AddQuoteOptionAsync(token, Q1, "pro"));
        var zero = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AddQuoteOptionAsync(token, Q1, "backup", 0m));
        await Engine.AddQuoteOptionAsync(token, Q1, "backup");
        var addedTwice = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AddQuoteOptionAsync(token, Q1, "backup"));
        var nothing = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote(" ")));
        var stale = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada") { ExpectedContentHash = "00" }));
        var badRequestId = await Assert.ThrowsAsync<ArgumentException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"), requestId: "a:b"));
        await Engine.ExecuteQuoteAsync(Q1, new CancelQuote("Customer went elsewhere"), Actor.Staff("bob"));
        var cancelled = await Assert.ThrowsAsync<QuoteRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));

        Assert.Equal(QuoteRuleException.NotFoundCode, missing.ErrorCode);
        Assert.Equal("gold", plan.PlanId);
        Assert.Equal(QuoteRuleException.UnknownTimeZoneCode, zone.ErrorCode);
        Assert.Equal(QuoteRuleException.InvalidValidityCode, validity.ErrorCode);
        Assert.Equal(QuoteRuleException.UnknownFiscalPositionCode, position.ErrorCode);
        Assert.NotNull(currency);
        Assert.Equal(QuoteRuleException.CustomerAccessDeniedCode, byCustomer.ErrorCode);
        Assert.Equal("id", badId.ParamName);
        Assert.Equal(QuoteRuleException.AlreadyExistsCode, twice.ErrorCode);
        Assert.Equal(QuoteRuleException.UnknownOptionCode, unknownOption.ErrorCode);
        Assert.Equal(QuoteRuleException.InvalidQuantityCode, zero.ErrorCode);
        Assert.Equal(QuoteRuleException.OptionAlreadyAddedCode, addedTwice.ErrorCode);
        Assert.Equal(QuoteRuleException.NothingToAcceptCode, nothing.ErrorCode);
        Assert.Equal(QuoteRuleException.QuoteChangedCode, stale.ErrorCode);
        Assert.Equal("requestId", badRequestId.ParamName);
        Assert.Equal(QuoteRuleException.CancelledCode, cancelled.ErrorCode);
        Assert.Equal(["QuoteDrafted", "QuoteSent", "QuoteOptionAdded", "QuoteCancelled"], (await Engine.GetQuoteEventsAsync(Q1)).Select(e => e.GetType().Name));
    }

    [Fact]
    public async Task Confirm_WhenTheSubscriptionAlreadyExists_CommitsNeitherStream()
    {
        var token = await DraftAndSendAsync();
        await Engine.ExecuteAsync(Sub1, Lifecycle.LifecycleFixtures.Start(), Actor.Staff("bob"));

        var error = await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));

        Assert.Equal(SubscriptionRuleException.AlreadyStartedCode, error.ErrorCode);
        Assert.Equal(QuoteStatus.Sent, (await Engine.GetQuoteAsync(Q1)).Status);
        Assert.Null((await Engine.GetSubscriptionAsync(Sub1)).QuoteId);
    }

    [Fact]
    public async Task Confirm_SubscriptionCreatedByARacingWriter_IsDetectedByTheAtomicCommit()
    {
        var token = await DraftAndSendAsync();
        var racing = new RacingStore(Store, async () => await Engine.ExecuteAsync(Sub1, Lifecycle.LifecycleFixtures.Start(), Actor.Staff("bob")));
        var engine = new SubscriptionsEngine(racing, Clock, new SubscriptionsOptions { PortalKeys = Keys }, SalesCatalog());

        var error = await Assert.ThrowsAsync<SubscriptionRuleException>(() => engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada")));

        // The first commit lost the race on the subscription stream, wrote nothing, and the retry saw the subscription.
        Assert.Equal(SubscriptionRuleException.AlreadyStartedCode, error.ErrorCode);
        Assert.Equal(2, (await Engine.GetQuoteEventsAsync(Q1)).Count);
        Assert.Null((await Engine.GetSubscriptionAsync(Sub1)).QuoteId);
    }

    private async Task<string> SubscriptionTokenAsync()
    {
        var id = new SubscriptionId("S-9");
        await Engine.ExecuteAsync(id, Lifecycle.LifecycleFixtures.Start(), Actor.Staff("bob"));
        return await Engine.IssuePortalTokenAsync(id, PortalPurpose.View);
    }

    /// <summary>A store that lets another writer commit just before the first commit that appends to two streams.</summary>
    private sealed class RacingStore(IStore inner, Func<Task> race) : IStore
    {
        private Func<Task>? _race = race;

        public async Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken)
        {
            if (commit.Appends.Count > 1 && Interlocked.Exchange(ref _race, null) is { } run)
            {
                await run();
            }

            return await inner.CommitAsync(commit, cancellationToken);
        }

        public Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken) => inner.CommitBatchAsync(commits, cancellationToken);

        public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken) => inner.GetStreamVersionAsync(streamId, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion, CancellationToken cancellationToken) => inner.ReadStreamAsync(streamId, afterVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, int batchSize, CancellationToken cancellationToken) => inner.ReadAllAsync(afterPosition, batchSize, cancellationToken);

        public Task<IReadOnlyList<ScheduleEntry>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) => inner.ClaimDueAsync(now, max, owner, lease, cancellationToken);

        public Task<bool> CompleteAsync(string key, string owner, CancellationToken cancellationToken) => inner.CompleteAsync(key, owner, cancellationToken);

        public Task<bool> RescheduleAsync(string key, string owner, DateTimeOffset due, CancellationToken cancellationToken) => inner.RescheduleAsync(key, owner, due, cancellationToken);

        public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken) => inner.ReleaseAsync(key, owner, cancellationToken);

        public Task<ScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken) => inner.GetScheduleEntryAsync(key, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> ClaimMessagesAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) => inner.ClaimMessagesAsync(now, max, owner, lease, cancellationToken);

        public Task<bool> MarkDoneAsync(string messageId, CancellationToken cancellationToken) => inner.MarkDoneAsync(messageId, cancellationToken);

        public Task<bool> ReleaseMessageAsync(string messageId, string owner, CancellationToken cancellationToken) => inner.ReleaseMessageAsync(messageId, owner, cancellationToken);
    }
}

public sealed class InMemorySubscriptionsEngineQuoteTests : SubscriptionsEngineQuoteTests
{
    protected override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(new InMemoryStore());
}

public sealed class SqliteSubscriptionsEngineQuoteTests : SubscriptionsEngineQuoteTests
{
    private readonly TempSqliteFile _file = new("subscriptions-quotes");

    public override async Task DisposeAsync()
    {
        await _file.CloseAndDeleteAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Reopen_TheSqliteFile_RebuildsTheSameQuoteAndSubscription()
    {
        await Engine.DraftQuoteAsync(Q1, Request(), Actor.Staff("bob"));
        var token = await Engine.SendQuoteAsync(Q1, Actor.Staff("bob"));
        await Engine.AddQuoteOptionAsync(token, Q1, "training");
        await Engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"));
        var before = await Engine.GetQuoteAsync(Q1);
        await ((SqliteStore)Store).DisposeAsync();

        var reopened = _file.Open();
        var engine = new SubscriptionsEngine(reopened, Clock, new SubscriptionsOptions());
        var after = await engine.GetQuoteAsync(Q1);

        Assert.Equal(before.ContentHash, after.ContentHash);
        Assert.True(after.HasValidSignature);
        Assert.Equal(["pro-1", "pro-2", "training"], (await engine.GetSubscriptionAsync(new SubscriptionId("sub-Q-1"))).Lines.Select(l => l.LineId));
    }

    protected override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(_file.Open());
}
