using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Serialization;
using Subscriptions.Storage;
using Subscriptions.Taxes;
using Subscriptions.Testing;
using static Subscriptions.Sales.SalesFixtures;

namespace Subscriptions.Sales;

public sealed class QuoteDeciderTests
{
    private static readonly Instant Day0 = Noon(2012, 4, 28);

    private static readonly QuoteOption[] BothOptions =
    [
        new("backup", "Backup add-on", SubscriptionLineKind.Option, new Money(31m, Eur)) { TaxIds = [1] },
        new("training", "Training day", SubscriptionLineKind.OneTime, new Money(80m, Eur)) { TaxIds = [1] },
    ];

    [Theory]
    [InlineData(false, "249.95", "0", "249.95", "349.95", "0", "349.95")]
    [InlineData(true, "249.95", "49.99", "299.94", "349.95", "69.99", "419.94")]
    public void Draft_WithOrWithoutTaxes_StoresEachLineAndTheTotals(bool taxed, string untaxed, string tax, string total, string docUntaxed, string docTax, string docTotal)
    {
        var quote = Drafted(taxes: taxed ? VatConfig : null);

        var line = quote.Lines[0];
        Assert.Equal((decimal.Parse(untaxed, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(tax, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)), (line.Untaxed.Amount, line.Tax.Amount, line.Total.Amount));
        Assert.Equal(Money.Parse(docUntaxed + " EUR", System.Globalization.CultureInfo.InvariantCulture), quote.Totals.Untaxed);
        Assert.Equal(Money.Parse(docTax + " EUR", System.Globalization.CultureInfo.InvariantCulture), quote.Totals.Tax);
        Assert.Equal(Money.Parse(docTotal + " EUR", System.Globalization.CultureInfo.InvariantCulture), quote.Totals.Total);
        Assert.Equal((QuoteStatus.Draft, 1L, 1L), (quote.Status, quote.Version, quote.ContentVersion));
    }

    [Fact]
    public void Draft_DiscountedLine_IsTaxedOnTheDiscountedAmount()
    {
        var quote = Drafted(Draft(lines: [Line("pro-1", 100m, quantity: 3m, discount: 10m)]), VatConfig);

        Assert.Equal(new QuoteTotals(new Money(270m, Eur), new Money(54m, Eur), new Money(324m, Eur)), quote.Totals);
    }

    [Fact]
    public void Decide_CustomerCommandsReservedToStaff_AreRefused()
    {
        var quote = Drafted();

        Refused(Quote.Empty, Draft(), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
        Refused(quote, new SendQuote(), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
        Refused(quote, new ConfirmQuote(), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
        Refused(quote, new CancelQuote("No"), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
        Refused(quote, new RevokeQuoteLinks(), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
    }

    [Fact]
    public void Decide_OnAQuoteNotDrafted_IsNotFound()
    {
        Refused(Quote.Empty, new SendQuote(), Staff(Day0), QuoteRuleException.NotFoundCode);
        Refused(Quote.Empty, new AcceptQuote("Ada"), ByCustomer(Day0), QuoteRuleException.NotFoundCode);
        Assert.Equal(QuoteRuleException.NotFoundCode, Assert.Throws<QuoteRuleException>(() => Quote.Empty.ToStartSubscription()).ErrorCode);
    }

    [Fact]
    public void Send_Twice_RecordsOnlyTheFirstTime()
    {
        var quote = Drafted();
        var sent = quote.Apply(Assert.IsType<QuoteSent>(Assert.Single(QuoteDecider.Decide(quote, Q1, new SendQuote(), Staff(Day0)))));

        Assert.Empty(QuoteDecider.Decide(sent, Q1, new SendQuote(), Staff(Day0)));
        Assert.Equal(QuoteStatus.Sent, sent.Status);
    }

    [Fact]
    public void ContentHash_ChangesWithTheContentAndItsVersionButNotWithSendingOrSigning()
    {
        var quote = Drafted(Draft(options: BothOptions), VatConfig);
        var hash = quote.ContentHash;
        var sent = quote.Apply(Assert.Single(QuoteDecider.Decide(quote, Q1, new SendQuote(), Staff(Day0))));
        var signed = Apply(sent, new AcceptQuote("Ada"), VatConfig);
        var other = Drafted(Draft(lines: [Line("pro-1", 249.96m), Line("pro-2", 100m, SubscriptionLineKind.SetupFee)], options: BothOptions), VatConfig);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, sent.ContentHash);
        Assert.Equal(hash, signed.ContentHash);
        Assert.NotEqual(hash, other.ContentHash);
        Assert.NotEqual(hash, Apply(quote, new AddQuoteOption("backup"), VatConfig).ContentHash);
        Assert.Equal(QuoteStatus.Confirmed, signed.Status);
    }

    [Fact]
    public void Accept_SignatureOfAnOlderVersion_IsNotValidForTheCurrentOne()
    {
        var quote = Drafted(Draft(OnlineConfirmation.SignatureAndPayment, options: BothOptions), VatConfig);
        var signed = Apply(quote, new AcceptQuote("Ada"), VatConfig);
        var changed = Apply(signed, new AddQuoteOption("training", 2m), VatConfig);

        Assert.True(signed.HasValidSignature);
        Assert.Equal(1L, signed.Signature!.ContentVersion);
        Assert.False(changed.HasValidSignature);
        var error = Refused(changed, new AcceptQuote(null, new QuotePayment("pi", changed.Totals.Total)), ByCustomer(Day0, VatConfig), QuoteRuleException.SignatureRequiredCode);
        Assert.Contains("changed after it was signed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revise_ByCustomerOnAConfirmedOrCancelledQuoteOrWithBadLines_IsRefused()
    {
        var quote = Drafted();
        var confirmed = quote.Apply(Assert.Single(QuoteDecider.Decide(quote, Q1, new ConfirmQuote(), Staff(Day0))));
        var cancelled = quote.Apply(Assert.Single(QuoteDecider.Decide(quote, Q1, new CancelQuote("Lost"), Staff(Day0))));

        Refused(quote, new ReviseQuote(quote.Lines), ByCustomer(Day0), QuoteRuleException.CustomerAccessDeniedCode);
        Refused(confirmed, new ReviseQuote(quote.Lines), Staff(Day0), QuoteRuleException.AlreadyConfirmedCode);
        Refused(cancelled, new ReviseQuote(quote.Lines), Staff(Day0), QuoteRuleException.CancelledCode);
        Refused(quote, new ReviseQuote([Line("one", 5m, SubscriptionLineKind.OneTime)]), Staff(Day0), QuoteRuleException.NoRecurringLineCode);
        Refused(quote, new ReviseQuote(quote.Lines) { ValidUntil = new LocalDate(2012, 4, 1) }, Staff(Day0), QuoteRuleException.InvalidValidityCode);
        var revised = Assert.IsType<QuoteRevised>(Assert.Single(QuoteDecider.Decide(quote, Q1, new ReviseQuote([Line("pro-1", 10m, quantity: 2m)]), Staff(Day0))));
        Assert.Equal((new Money(20m, Eur), quote.ValidUntil, quote.Notes), (revised.Totals.Total, revised.ValidUntil, revised.Notes));
        Assert.Equal(2L, quote.Apply(revised).ContentVersion);
    }

    [Fact]
    public void AddOption_SecondLineOfAProductAlreadyUsedAsALineId_GetsAFreshId()
    {
        var quote = Drafted(Draft(lines: [Line("backup", 10m)], options: BothOptions));

        Refused(quote, new AddQuoteOption("backup"), ByCustomer(Day0), QuoteRuleException.OptionAlreadyAddedCode);
        var added = Assert.IsType<QuoteOptionAdded>(Assert.Single(QuoteDecider.Decide(quote with { }, Q1, new AddQuoteOption("training", 3m), ByCustomer(Day0))));
        Assert.Equal(("training", 3m, SubscriptionLineKind.OneTime), (added.Line.LineId, added.Line.Quantity, added.Line.Kind));
        Assert.Equal(new Money(250m, Eur), added.Totals.Total);
    }

    [Fact]
    public void Draft_BadInputs_FailWithTheirTypedErrors()
    {
        var taxed = Staff(Day0, VatConfig);
        Refused(Quote.Empty, Draft(lines: [Line("one", 5m, SubscriptionLineKind.OneTime)]), taxed, QuoteRuleException.NoRecurringLineCode);
        Refused(Quote.Empty, Draft(lines: [Line("a", 5m), Line("a", 6m)]), taxed, QuoteRuleException.DuplicateLineCode);
        Refused(Quote.Empty, Draft(lines: [Line("a", 5m, quantity: 0m)]), taxed, QuoteRuleException.InvalidQuantityCode);
        Refused(Quote.Empty, Draft(options: [BothOptions[0], BothOptions[0]]), taxed, QuoteRuleException.DuplicateLineCode);
        Refused(Quote.Empty, Draft(timeZone: "Nowhere/Else"), taxed, QuoteRuleException.UnknownTimeZoneCode);
        Refused(Quote.Empty, Draft(validUntil: new LocalDate(2012, 4, 27)), taxed, QuoteRuleException.InvalidValidityCode);
        Refused(Quote.Empty, Draft() with { FiscalPositionId = "moon" }, taxed, QuoteRuleException.UnknownFiscalPositionCode);
        Refused(Drafted(), Draft(), taxed, QuoteRuleException.AlreadyExistsCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteDecider.Decide(Quote.Empty, Q1, Draft(lines: [Line("a", -5m)]), taxed));
        Assert.Throws<CurrencyMismatchException>(() => QuoteDecider.Decide(Quote.Empty, Q1, Draft(lines: [Line("a", 5m) with { UnitPrice = new Money(5m, Currency.Usd) }]), taxed));
        Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(Quote.Empty, Q1, Draft(options: [BothOptions[0] with { Kind = SubscriptionLineKind.Recurring }]), taxed));
        Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(Quote.Empty, default, Draft(), taxed));
        Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(Quote.Empty, Q1, Draft() with { Confirmation = (OnlineConfirmation)8 }, taxed));
        Assert.Throws<UnknownTaxException>(() => QuoteDecider.Decide(Quote.Empty, Q1, Draft(lines: [Line("a", 5m) with { TaxIds = [42] }]), taxed));
        Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(Drafted(), Q1, new CancelQuote(" "), taxed));
        Assert.Throws<ArgumentException>(() => QuoteDecider.Decide(Drafted(), Q1, new AcceptQuote(null, new QuotePayment(" ", new Money(1000m, Eur))), ByCustomer(Day0)));
        Assert.Throws<ArgumentException>(() => new QuoteId(new string('q', 97)));
        Assert.Throws<ArgumentException>(() => new QuoteId("with space"));
    }

    [Fact]
    public void Events_ThroughJson_ReplayToTheSameQuote()
    {
        var events = QuoteDecider.Decide(Quote.Empty, Q1, Draft(OnlineConfirmation.SignatureAndPayment, options: BothOptions) with { Notes = "Hi", Salesperson = "bob", FiscalPositionId = "export" }, Staff(Day0, VatConfig)).ToList();
        var quote = Quote.Replay(events);
        void Run(QuoteCommand command, QuoteContext context)
        {
            foreach (var e in QuoteDecider.Decide(quote, Q1, command, context))
            {
                quote = quote.Apply(e);
                events.Add(e);
            }
        }

        Run(new SendQuote(), Staff(Day0, VatConfig));
        Run(new AddQuoteOption("backup", 2m), ByCustomer(Day0, VatConfig));
        Run(new AcceptQuote("Ada"), ByCustomer(Day0, VatConfig));
        Run(new AcceptQuote(null, new QuotePayment("pi_9", quote.Totals.Total)), ByCustomer(Day0, VatConfig));

        var stored = events.Select((e, i) => EventSerializer.Encode($"e-{i}", "q", e)).ToArray();
        var replayed = Quote.Replay(stored.Select((d, i) => (QuoteEvent)EventSerializer.Decode(new RecordedEvent("q", i + 1, i + 1, d.EventId, d.Type, d.Payload, d.Metadata))));

        Assert.Equal(["quote.drafted.v1", "quote.sent.v1", "quote.option_added.v1", "quote.signed.v1", "quote.paid.v1", "quote.confirmed.v1"], stored.Select(s => s.Type));
        Assert.Equal(quote.ContentHash, replayed.ContentHash);
        Assert.True(replayed.HasValidSignature);
        Assert.Equal((QuoteStatus.Confirmed, quote.Version, quote.Totals, quote.SubscriptionId), (replayed.Status, replayed.Version, replayed.Totals, replayed.SubscriptionId));
        Assert.Equal(Money.Zero(Eur), replayed.Totals.Tax); // the export fiscal position removes the VAT
    }

    [Fact]
    public void Events_RevisedCancelledAndLinksRevoked_RoundTripThroughJsonAndEveryQuoteEventHasAStableName()
    {
        var events = QuoteDecider.Decide(Quote.Empty, Q1, Draft(), Staff(Day0)).ToList();
        var quote = Quote.Replay(events);
        foreach (var command in new QuoteCommand[] { new ReviseQuote([Line("pro-1", 10m)]) { Notes = "New" }, new RevokeQuoteLinks(), new CancelQuote("Lost") })
        {
            var e = Assert.Single(QuoteDecider.Decide(quote, Q1, command, Staff(Day0)));
            quote = quote.Apply(e);
            events.Add(e);
        }

        var stored = events.Select((e, i) => EventSerializer.Encode($"e-{i}", "q", e)).ToArray();
        var replayed = Quote.Replay(stored.Select((d, i) => (QuoteEvent)EventSerializer.Decode(new RecordedEvent("q", i + 1, i + 1, d.EventId, d.Type, d.Payload, d.Metadata))));
        var eventClasses = typeof(QuoteEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(QuoteEvent)) && !t.IsAbstract).ToArray();

        Assert.Equal(["quote.drafted.v1", "quote.revised.v1", "quote.links_revoked.v1", "quote.cancelled.v1"], stored.Select(s => s.Type));
        Assert.Equal((QuoteStatus.Cancelled, "Lost", "New", 1, quote.ContentHash), (replayed.Status, replayed.CancelReason, replayed.Notes, replayed.PortalTokenVersion, replayed.ContentHash));
        Assert.Equal(eventClasses.Length, EventSerializer.TypeNames.Count(n => n.StartsWith("quote.", StringComparison.Ordinal)));
        Assert.Throws<InvalidOperationException>(() => default(QuoteId).SubscriptionId);
    }

    [Fact]
    public void Property_ConfirmedSubscriptionLines_EqualTheAcceptedQuoteLines()
    {
        PropertyCheck.Check(
            Prop.ForAll(
                Generators.GeneratedQuote.ToArbitrary(),
                input =>
                {
                    var taxes = input.Taxed ? VatConfig : null;
                    var quote = Drafted(Draft(OnlineConfirmation.Signature, lines: input.Lines, options: BothOptions), taxes);
                    foreach (var (product, quantity) in input.Added)
                    {
                        quote = Apply(quote, new AddQuoteOption(product, quantity), taxes);
                    }

                    var totals = quote.Lines.Aggregate(Money.Zero(Eur), (sum, l) => sum + l.Total);
                    quote = Apply(quote, new AcceptQuote("Ada"), taxes);
                    var started = Assert.IsType<SubscriptionStarted>(Assert.Single(SubscriptionDecider.Decide(Subscription.Empty, Q1.SubscriptionId, quote.ToStartSubscription(), new CommandContext(Actor.System, Day0, ["Other"]))));
                    return quote.Status == QuoteStatus.Confirmed
                        && totals == quote.Totals.Total
                        && quote.Totals.Untaxed + quote.Totals.Tax == quote.Totals.Total
                        && started.Lines.Count == quote.Lines.Count
                        && started.Lines.Zip(quote.Lines).All(p =>
                            p.First.LineId == p.Second.LineId && p.First.ProductId == p.Second.ProductId && p.First.Kind == p.Second.Kind
                            && p.First.Quantity == p.Second.Quantity && p.First.UnitPrice == p.Second.UnitPrice && p.First.DiscountPercent == p.Second.DiscountPercent)
                        && started.Lines.Count(l => !l.IsRecurring) == quote.Lines.Count(l => !l.IsRecurring)
                        && started.QuoteId == Q1.Value;
                }),
            PropertyCheck.MoneyTests);
    }

    private static Quote Apply(Quote quote, QuoteCommand command, TaxConfiguration? taxes)
    {
        foreach (var e in QuoteDecider.Decide(quote, Q1, command, ByCustomer(Day0, taxes)))
        {
            quote = quote.Apply(e);
        }

        return quote;
    }
}
