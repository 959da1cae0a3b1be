using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Hosting;
using Subscriptions.Lifecycle;
using Subscriptions.Portal;
using Subscriptions.Sales;
using Subscriptions.Scheduling;
using Subscriptions.Serialization;
using Subscriptions.Storage;

namespace Subscriptions;

/// <summary>The outcome of a quote command.</summary>
/// <param name="Quote">The quote after the command.</param>
/// <param name="Events">The events the command recorded (for a repeated command id, the events it recorded the first time).</param>
/// <param name="WasRepeat">Whether the command id had already been carried out, so nothing new was recorded.</param>
public sealed record QuoteCommandResult(Quote Quote, IReadOnlyList<QuoteEvent> Events, bool WasRepeat)
{
    /// <summary>Gets the subscription the quote became, when it is confirmed (by this command or earlier); otherwise null.</summary>
    public Subscription? Subscription { get; init; }
}

/// <content>Quotes: draft, send as a link, view, add options, accept online or confirm into a subscription.</content>
public sealed partial class SubscriptionsEngine
{
    /// <summary>Drafts a quote for a customer from a plan, priced from the catalog (through a pricelist when given) and taxed.</summary>
    /// <param name="id">The new quote's id.</param>
    /// <param name="request">The customer, plan, dates and the rest.</param>
    /// <param name="by">Who drafts it (staff).</param>
    /// <param name="commandId">An idempotency key, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The drafted quote.</returns>
    /// <remarks>
    /// The plan's default lines become the quote's lines (recurring products priced for the plan's recurrence, one-time
    /// products and setup fees priced once); its optional lines become the options. Prices are those effective on the
    /// start date. The taxes come from <see cref="SubscriptionCatalog.Taxes"/> when set.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no catalog is registered, or a pricelist is asked for without <see cref="SubscriptionCatalog.Pricelists"/>.</exception>
    /// <exception cref="UnknownPlanException">Thrown when the plan is not in the catalog.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the quote breaks a sales rule (time zone, validity, fiscal position, existing quote...).</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when a price is in another currency than the quote.</exception>
    public async Task<QuoteCommandResult> DraftQuoteAsync(QuoteId id, QuoteRequest request, Actor by, string? commandId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateCommandId(commandId);
        var draft = PriceQuote(request);
        return await ExecuteQuoteCoreAsync(RequireId(id), _ => draft, _ => by, commandId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command on a quote as someone (staff: confirm, cancel, revoke links, or a draft with lines priced by the host).</summary>
    /// <param name="id">The quote.</param>
    /// <param name="command">The command.</param>
    /// <param name="by">Who runs it.</param>
    /// <param name="commandId">An idempotency key: the same key runs the command once. Null for none.</param>
    /// <param name="cancellationToken">Cancels the call; a commit that already happened stays.</param>
    /// <returns>The quote after the command, the events recorded, and the subscription when the quote is confirmed.</returns>
    /// <remarks>A confirmation appends the quote's events and starts the subscription <see cref="QuoteId.SubscriptionId"/> in one atomic commit.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="command"/> is null.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the command breaks a sales rule; nothing is stored.</exception>
    /// <exception cref="SubscriptionRuleException">Thrown when the subscription cannot start (it already exists, or its lines break a lifecycle rule).</exception>
    /// <exception cref="StreamVersionConflictException">Thrown when other writers kept changing the quote beyond the retries.</exception>
    public Task<QuoteCommandResult> ExecuteQuoteAsync(QuoteId id, QuoteCommand command, Actor by, string? commandId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ValidateCommandId(commandId);
        return ExecuteQuoteCoreAsync(RequireId(id), _ => command, _ => by, commandId, cancellationToken);
    }

    /// <summary>Loads a quote.</summary>
    /// <param name="id">The quote.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The quote, or <see cref="Quote.Empty"/> (status <see cref="QuoteStatus.None"/>) when it does not exist.</returns>
    /// <exception cref="UnknownEventTypeException">Thrown when the stream holds an event this version does not know.</exception>
    public async Task<Quote> GetQuoteAsync(QuoteId id, CancellationToken cancellationToken = default) =>
        (await LoadQuoteAsync(RequireId(id), cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Loads the events of a quote, in order.</summary>
    /// <param name="id">The quote.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; empty when it does not exist.</returns>
    /// <exception cref="UnknownEventTypeException">Thrown when the stream holds an event this version does not know.</exception>
    public async Task<IReadOnlyList<QuoteEvent>> GetQuoteEventsAsync(QuoteId id, CancellationToken cancellationToken = default) =>
        (await LoadQuoteAsync(RequireId(id), cancellationToken).ConfigureAwait(false)).Events.Select(e => e.Event).ToArray();

    /// <summary>Sends a quote: records that it was sent (the first time) and issues the secure link's token.</summary>
    /// <param name="id">The quote.</param>
    /// <param name="by">Who sends it (staff).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The token to put in the link, for <see cref="PortalPurpose.Accept"/> (which includes viewing); it expires
    /// <see cref="SubscriptionsOptions.PortalLinkLifetime"/> after the end of the quote's last valid day (after now for a
    /// quote without a validity), so that a customer opening it late is told that the quote expired.
    /// </returns>
    /// <remarks>Revoke every link issued so far with <see cref="RevokeQuoteLinks"/>.</remarks>
    /// <exception cref="InvalidOperationException">Thrown when no portal keys are configured.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the quote does not exist, is expired, confirmed or cancelled.</exception>
    public async Task<string> SendQuoteAsync(QuoteId id, Actor by, CancellationToken cancellationToken = default)
    {
        var portal = Portal();
        var result = await ExecuteQuoteCoreAsync(RequireId(id), _ => new SendQuote(), _ => by, null, cancellationToken).ConfigureAwait(false);
        var quote = result.Quote;
        var from = _clock.GetCurrentInstant();
        if (quote.ValidUntil is { } until && BillingDay.StartOf(until.PlusDays(1), quote.TimeZone) is var end && end > from)
        {
            // The link outlives the quote, so that a customer opening it late is told the quote expired.
            from = end;
        }

        var expires = from + Duration.FromTimeSpan(_options.PortalLinkLifetime);
        return portal.Issue(new PortalDocument(PortalDocumentKind.Quote, id.Value), PortalPurpose.Accept, quote.PortalTokenVersion, expires);
    }

    /// <summary>Shows a quote to the customer holding its link.</summary>
    /// <param name="token">The link's token.</param>
    /// <param name="id">The quote the link is for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lines, options still available, totals, validity and the hash of the version shown.</returns>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is malformed, altered, expired, revoked or for another document.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the quote does not exist.</exception>
    public async Task<QuoteView> ViewQuoteAsync(string token, QuoteId id, CancellationToken cancellationToken = default)
    {
        var state = await VerifyQuoteAsync(token, RequireId(id), PortalPurpose.View, cancellationToken).ConfigureAwait(false);
        return new QuoteView
        {
            Id = state.Id,
            Status = state.Status,
            IsExpired = state.IsExpiredAt(_clock.GetCurrentInstant()),
            PlanName = state.Terms!.PlanName, // Drafted quotes always have terms, a schedule and contact details (VerifyQuoteAsync refuses undrafted ones).
            Recurrence = state.Terms.Recurrence,
            StartDate = state.Schedule!.Start, // See above.
            ValidUntil = state.ValidUntil,
            Lines = state.Lines,
            AvailableOptions = [.. state.Options.Where(o => state.Lines.All(l => l.ProductId != o.ProductId))],
            Totals = state.Totals,
            Confirmation = state.Confirmation,
            Signature = state.HasValidSignature ? state.Signature : null,
            ContentHash = state.ContentHash,
            Contact = state.Contact!, // See above.
            Salesperson = state.Salesperson,
            Notes = state.Notes,
            SubscriptionId = state.SubscriptionId,
        };
    }

    /// <summary>Adds an optional product to the quote for the customer holding its link.</summary>
    /// <param name="token">The link's token, issued for <see cref="PortalPurpose.Accept"/>.</param>
    /// <param name="id">The quote the link is for.</param>
    /// <param name="productId">One of the quote's options.</param>
    /// <param name="quantity">The quantity, above zero.</param>
    /// <param name="requestId">An idempotency key for the request, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quote with the new line and totals; an earlier signature no longer matches it.</returns>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is not valid for accepting this quote.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the product is not offered, already added, the quantity is not above zero, or the quote is expired, confirmed or cancelled.</exception>
    public async Task<QuoteCommandResult> AddQuoteOptionAsync(string token, QuoteId id, string productId, decimal quantity = 1m, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ValidateCommandId(requestId, nameof(requestId));
        var state = await VerifyQuoteAsync(token, RequireId(id), PortalPurpose.Accept, cancellationToken).ConfigureAwait(false);
        var customer = Actor.Customer(state.CustomerId);
        return await ExecuteQuoteCoreAsync(id, _ => new AddQuoteOption(productId, quantity), _ => customer, requestId is null ? null : "portal-" + requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepts a quote online for the customer holding its link: an e-signature and/or a payment, as the plan asks.</summary>
    /// <param name="token">The link's token, issued for <see cref="PortalPurpose.Accept"/>.</param>
    /// <param name="id">The quote the link is for.</param>
    /// <param name="acceptance">The signer's name and/or the payment confirmation from the host's gateway.</param>
    /// <param name="requestId">An idempotency key: repeating an acceptance with the same key returns the first outcome. Null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quote, the events recorded, and the subscription when the acceptance confirmed the quote.</returns>
    /// <remarks>
    /// The signature records the signer, the instant from the engine's clock and <see cref="Quote.ContentHash"/> of the
    /// version signed. When the quote is confirmed, its events and the new subscription's are committed atomically.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="acceptance"/> is null.</exception>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is not valid for accepting this quote.</exception>
    /// <exception cref="QuoteRuleException">Thrown when a signature or payment is missing, the payment does not cover the total, or the quote is expired, confirmed, cancelled or changed since viewed.</exception>
    public async Task<QuoteCommandResult> AcceptQuoteAsync(string token, QuoteId id, AcceptQuote acceptance, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        ValidateCommandId(requestId, nameof(requestId));
        var state = await VerifyQuoteAsync(token, RequireId(id), PortalPurpose.Accept, cancellationToken).ConfigureAwait(false);
        var customer = Actor.Customer(state.CustomerId);
        return await ExecuteQuoteCoreAsync(id, _ => acceptance, _ => customer, requestId is null ? null : "portal-" + requestId, cancellationToken).ConfigureAwait(false);
    }

    private DraftQuote PriceQuote(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.PlanId, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Contact, nameof(request));
        var catalog = _catalog ?? throw new InvalidOperationException("Quotes are priced from the catalog: register a SubscriptionCatalog.");
        var plan = catalog.GetPlan(request.PlanId);
        if (request.TimeZoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(request.TimeZoneId) is not { } zone)
        {
            throw new QuoteRuleException(QuoteRuleException.UnknownTimeZoneCode, $"'{request.TimeZoneId}' is not an IANA time zone id such as Europe/Paris.");
        }

        var today = BillingDay.Of(_clock.GetCurrentInstant(), zone);
        var start = request.StartDate ?? today;
        var lines = plan.DefaultLines
            .Select((l, i) =>
            {
                var (kind, price) = Price(catalog, plan, l.Product, l.Quantity, request, start, option: false);
                return new QuoteLine($"{plan.Id}-{i + 1}", l.Product.Id, l.Product.Name, kind, l.Quantity, price) { TaxIds = l.Product.TaxIds };
            })
            .ToArray();
        var options = plan.OptionalLines
            .Select(l =>
            {
                var (kind, price) = Price(catalog, plan, l.Product, 1m, request, start, option: true);
                return new QuoteOption(l.Product.Id, l.Product.Name, kind, price) { TaxIds = l.Product.TaxIds };
            })
            .ToArray();
        return new DraftQuote(
            request.CustomerId,
            SubscriptionTerms.From(plan),
            plan.OnlineConfirmation,
            new ScheduleTerms(start, request.BillingDay, request.Timing, plan.TermPeriods, AutoRenew: plan.TermPeriods is not null),
            request.Currency,
            lines,
            options,
            request.Contact,
            request.TimeZoneId)
        {
            ValidUntil = request.ValidUntil ?? (plan.QuoteValidityDays is { } days ? today.PlusDays(days) : null),
            Salesperson = request.Salesperson,
            Notes = request.Notes,
            PricelistId = request.PricelistId,
            FiscalPositionId = request.FiscalPositionId,
            PaymentMethod = request.PaymentMethod,
        };
    }

    private static (SubscriptionLineKind Kind, Money Price) Price(SubscriptionCatalog catalog, Plan plan, Product product, decimal quantity, QuoteRequest request, LocalDate on, bool option)
    {
        var kind = product.Kind switch
        {
            ProductKind.Recurring => option ? SubscriptionLineKind.Option : SubscriptionLineKind.Recurring,
            ProductKind.SetupFee => SubscriptionLineKind.SetupFee,
            _ => SubscriptionLineKind.OneTime,
        };
        var recurrence = product.Kind == ProductKind.Recurring ? plan.Recurrence : (Recurrence?)null;
        UnitPrice price;
        if (request.PricelistId is { } pricelistId)
        {
            var pricelists = catalog.Pricelists ?? throw new InvalidOperationException("The quote asks for a pricelist but the SubscriptionCatalog has no Pricelists.");
            price = pricelists.PriceFromCatalog(pricelistId, catalog.Products, product.Id, quantity, on, recurrence).NetUnitPrice;
        }
        else
        {
            price = catalog.Products.PriceFor(product.Id, recurrence, on).Price;
        }

        if (price.Currency != request.Currency)
        {
            throw new CurrencyMismatchException(request.Currency, price.Currency);
        }

        return (kind, new Money(price.Amount, price.Currency));
    }

    private async Task<Quote> VerifyQuoteAsync(string token, QuoteId id, PortalPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var portal = Portal();
        var state = (await LoadQuoteAsync(id, cancellationToken).ConfigureAwait(false)).State;
        _ = portal.Verify(token, new PortalDocument(PortalDocumentKind.Quote, id.Value), purpose, state.PortalTokenVersion, _clock.GetCurrentInstant());
        if (state.Status == QuoteStatus.None)
        {
            throw new QuoteRuleException(QuoteRuleException.NotFoundCode, $"Quote {id} does not exist.");
        }

        return state;
    }

    private async Task<QuoteCommandResult> ExecuteQuoteCoreAsync(QuoteId id, Func<Quote, QuoteCommand> command, Func<Quote, Actor> by, string? commandId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await LoadQuoteAsync(id, cancellationToken).ConfigureAwait(false);
            if (commandId is not null && loaded.Events.Where(e => e.EventId.StartsWith(commandId + ":", StringComparison.Ordinal)).ToArray() is { Length: > 0 } earlier)
            {
                return new QuoteCommandResult(loaded.State, [.. earlier.Select(e => e.Event)], WasRepeat: true)
                {
                    Subscription = await ConfirmedSubscriptionAsync(loaded.State, cancellationToken).ConfigureAwait(false),
                };
            }

            var now = _clock.GetCurrentInstant();
            var actor = by(loaded.State);
            var events = QuoteDecider.Decide(loaded.State, id, command(loaded.State), new QuoteContext(actor, now) { Taxes = _catalog?.Taxes });
            if (events.Count == 0)
            {
                return new QuoteCommandResult(loaded.State, events, WasRepeat: false);
            }

            var after = loaded.State;
            var data = new EventData[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                after = after.Apply(events[i]);
                data[i] = EventSerializer.Encode(commandId is null ? null : $"{commandId}:{i}", $"{id.StreamId}@{events[i].Version}", events[i]);
            }

            var appends = new List<StreamAppend> { new(id.StreamId, loaded.State.Version, data) };
            List<ScheduleChange>? schedule = null;
            Subscription? subscription = null;
            if (events.OfType<QuoteConfirmed>().FirstOrDefault() is { } confirmed)
            {
                if (await _store.GetStreamVersionAsync(confirmed.SubscriptionId.StreamId, cancellationToken).ConfigureAwait(false) > 0)
                {
                    if (attempt < _options.MaxConcurrencyRetries && await _store.GetStreamVersionAsync(id.StreamId, cancellationToken).ConfigureAwait(false) != loaded.State.Version)
                    {
                        // A racing writer confirmed the quote since it was loaded: decide again on the new state.
                        continue;
                    }

                    throw new SubscriptionRuleException(SubscriptionRuleException.AlreadyStartedCode, $"Subscription {confirmed.SubscriptionId} already exists.");
                }

                (subscription, var append, schedule) = StartFromQuote(after, confirmed.SubscriptionId, actor, now, commandId);
                appends.Add(append);
            }

            try
            {
                await _store.CommitAsync(new Commit(appends, null, schedule), cancellationToken).ConfigureAwait(false);
                return new QuoteCommandResult(after, events, WasRepeat: false) { Subscription = subscription };
            }
            catch (StreamVersionConflictException) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Another writer changed the quote (or created the subscription): decide again on the new state.
            }
        }
    }

    private (Subscription State, StreamAppend Append, List<ScheduleChange> Schedule) StartFromQuote(Quote quote, SubscriptionId subscriptionId, Actor by, Instant now, string? commandId)
    {
        // A customer starts a subscription only by accepting a quote: the engine records the start on their behalf.
        var starter = by.Kind == ActorKind.Customer ? Actor.System : by;
        var context = new CommandContext(starter, now, [.. _options.CloseReasons])
        {
            ProrationBehavior = _options.ProrationBehavior,
            ProrationMethod = _options.ProrationMethod,
        };
        var events = SubscriptionDecider.Decide(Subscription.Empty, subscriptionId, quote.ToStartSubscription(), context);
        var state = Subscription.Empty;
        var data = new EventData[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            state = state.Apply(events[i]);
            data[i] = EventSerializer.Encode(commandId is null ? null : $"{commandId}:{i}", $"{subscriptionId.StreamId}@{events[i].Version}", events[i]);
        }

        return (state, new StreamAppend(subscriptionId.StreamId, 0, data), ScheduleChanges(subscriptionId, Subscription.Empty, state, events));
    }

    private async Task<Subscription?> ConfirmedSubscriptionAsync(Quote quote, CancellationToken cancellationToken) =>
        quote.SubscriptionId is { } subscriptionId ? await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false) : null;

    private async Task<LoadedQuote> LoadQuoteAsync(QuoteId id, CancellationToken cancellationToken)
    {
        var state = Quote.Empty;
        var events = new List<(string EventId, QuoteEvent Event)>();
        await foreach (var stored in _store.ReadStreamAsync(id.StreamId, 0, cancellationToken).ConfigureAwait(false))
        {
            var e = (QuoteEvent)EventSerializer.Decode(stored);
            state = state.Apply(e);
            events.Add((stored.EventId, e));
        }

        return new LoadedQuote(state, events);
    }

    private static QuoteId RequireId(QuoteId id) =>
        id.Value is null ? throw new ArgumentException("Give a quote id (default is none).", nameof(id)) : id;

    private sealed record LoadedQuote(Quote State, List<(string EventId, QuoteEvent Event)> Events);
}
