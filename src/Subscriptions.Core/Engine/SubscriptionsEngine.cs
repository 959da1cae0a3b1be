using System.Collections.Concurrent;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Hosting;
using Subscriptions.Lifecycle;
using Subscriptions.Portal;
using Subscriptions.Scheduling;
using Subscriptions.Serialization;
using Subscriptions.Storage;

namespace Subscriptions;

/// <summary>The outcome of a subscription command.</summary>
/// <param name="Subscription">The subscription after the command.</param>
/// <param name="Events">The events the command recorded (for a repeated command id, the events it recorded the first time).</param>
/// <param name="WasRepeat">Whether the command id had already been carried out, so nothing new was recorded.</param>
public sealed record SubscriptionCommandResult(Subscription Subscription, IReadOnlyList<SubscriptionEvent> Events, bool WasRepeat);

/// <summary>
/// The host's entry point: it loads subscriptions from the store, runs commands through the pure decider, and commits
/// their events, schedule changes and nothing else, atomically, with the expected stream version.
/// </summary>
/// <remarks>
/// <para>
/// Concurrency: when another writer changed the subscription in between, the command is decided again on the new state
/// (up to <see cref="SubscriptionsOptions.MaxConcurrencyRetries"/> times), so a command is never applied to stale state.
/// </para>
/// <para>
/// Idempotency: give a command id (an idempotency key) and running the same command again, after a timeout for
/// example, returns the first outcome instead of changing the subscription twice.
/// </para>
/// <para>
/// Time comes from the injected <see cref="IClock"/>; dates are counted in each customer's time zone. The engine is
/// thread-safe. It caches each subscription's rebuilt state (up to <see cref="SubscriptionsOptions.StateCacheSize"/>)
/// and reads only the events stored since, so it stays correct when other workers write to the same store.
/// </para>
/// </remarks>
public sealed partial class SubscriptionsEngine
{
    private const string KeyPrefix = "subscription|";
    private readonly IStore _store;
    private readonly IClock _clock;
    private readonly SubscriptionsOptions _options;
    private readonly SubscriptionCatalog? _catalog;
    private readonly PortalAccessTokens? _portal;
    private readonly ConcurrentDictionary<string, Loaded> _cache = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="SubscriptionsEngine"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The settings.</param>
    /// <param name="catalog">The catalog that prices portal requests; null when the portal does not offer option or plan changes.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="store"/>, <paramref name="clock"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Thrown when the options are invalid.</exception>
    public SubscriptionsEngine(IStore store, IClock clock, SubscriptionsOptions options, SubscriptionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        SubscriptionsOptionsValidation.ThrowIfInvalid(options);
        _store = store;
        _clock = clock;
        _options = options;
        _catalog = catalog;
        var keys = SubscriptionsOptionsValidation.PortalKeys(options);
        _portal = keys is null ? null : new PortalAccessTokens(keys);
    }

    /// <summary>Loads a subscription.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or <see cref="Subscription.Empty"/> (status <see cref="SubscriptionStatus.None"/>) when it does not exist.</returns>
    /// <exception cref="UnknownEventTypeException">Thrown when the stream holds an event this version does not know.</exception>
    public async Task<Subscription> GetSubscriptionAsync(SubscriptionId id, CancellationToken cancellationToken = default) =>
        (await LoadAsync(RequireId(id), cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Loads the events of a subscription, in order.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; empty when it does not exist.</returns>
    /// <exception cref="UnknownEventTypeException">Thrown when the stream holds an event this version does not know.</exception>
    public async Task<IReadOnlyList<SubscriptionEvent>> GetEventsAsync(SubscriptionId id, CancellationToken cancellationToken = default) =>
        (await LoadAsync(RequireId(id), cancellationToken).ConfigureAwait(false)).Events.Select(e => e.Event).ToArray();

    /// <summary>Projects every subscription's events from the store's global feed into the MRR history the analytics read.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The MRR changes with their keys and names; build a <see cref="Analytics.MrrHistory"/> from <see cref="MrrChangeProjection.Changes"/>.</returns>
    /// <exception cref="UnknownEventTypeException">Thrown when a subscription stream holds an event this version does not know.</exception>
    public async Task<MrrChangeProjection> ProjectMrrAsync(CancellationToken cancellationToken = default)
    {
        var projection = new MrrChangeProjection();
        await foreach (var stored in _store.ReadAllAsync(0, 1_000, cancellationToken).ConfigureAwait(false))
        {
            if (stored.StreamId.StartsWith(SubscriptionId.StreamPrefix, StringComparison.Ordinal))
            {
                projection.Add((SubscriptionEvent)EventSerializer.Decode(stored));
            }
        }

        return projection;
    }

    /// <summary>Runs a command on a subscription as someone.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="command">The command.</param>
    /// <param name="by">Who runs it (staff, or the engine; customers go through the portal methods).</param>
    /// <param name="commandId">An idempotency key: the same key runs the command once. Null for none.</param>
    /// <param name="cancellationToken">Cancels the call; a commit that already happened stays.</param>
    /// <returns>The subscription after the command and the events recorded.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="command"/> is null.</exception>
    /// <exception cref="SubscriptionRuleException">Thrown when the command breaks a lifecycle rule; nothing is stored.</exception>
    /// <exception cref="StreamVersionConflictException">Thrown when other writers kept changing the subscription beyond the retries.</exception>
    public Task<SubscriptionCommandResult> ExecuteAsync(SubscriptionId id, SubscriptionCommand command, Actor by, string? commandId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ValidateCommandId(commandId);
        return ExecuteCoreAsync(RequireId(id), _ => command, by, commandId, null, cancellationToken);
    }

    /// <summary>Carries out what has come due: scheduled changes, closes at period end, resumptions and term ends.</summary>
    /// <param name="max">The most items to claim in this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many items were carried out.</returns>
    /// <remarks>
    /// Safe to run from several workers at once: each item is claimed under a lease by one worker. A scheduled change
    /// that no longer fits the contract when its day comes is cancelled with a stored event, not dropped.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="max"/> is zero or negative.</exception>
    public async Task<int> ProcessDueAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = _clock.GetCurrentInstant();
        var claimed = await _store.ClaimDueAsync(now.ToDateTimeOffset(), max, _options.WorkerId, _options.ScheduleLease, cancellationToken).ConfigureAwait(false);
        var done = 0;
        foreach (var entry in claimed)
        {
            if (await ProcessDueItemAsync(entry.Key, cancellationToken).ConfigureAwait(false))
            {
                done++;
            }

            await _store.CompleteAsync(entry.Key, _options.WorkerId, cancellationToken).ConfigureAwait(false);
        }

        return done;
    }

    /// <summary>Issues a portal link token for a subscription.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="purpose">What the link allows: <see cref="PortalPurpose.View"/> or <see cref="PortalPurpose.Manage"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to put in the link; it expires after <see cref="SubscriptionsOptions.PortalLinkLifetime"/>.</returns>
    /// <exception cref="InvalidOperationException">Thrown when no portal keys are configured.</exception>
    /// <exception cref="SubscriptionRuleException">Thrown when the subscription does not exist.</exception>
    public async Task<string> IssuePortalTokenAsync(SubscriptionId id, PortalPurpose purpose, CancellationToken cancellationToken = default)
    {
        var portal = Portal();
        var state = await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        EnsureExists(id, state);
        return portal.Issue(new PortalDocument(PortalDocumentKind.Subscription, id.Value), purpose, state.PortalTokenVersion, _clock.GetCurrentInstant() + Duration.FromTimeSpan(_options.PortalLinkLifetime));
    }

    /// <summary>Shows a subscription to the customer holding a portal link.</summary>
    /// <param name="token">The link's token.</param>
    /// <param name="id">The subscription the link is for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the customer sees: billing address, next invoice date, recurrence, plan, lines, options, payment method.</returns>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is malformed, altered, expired, revoked or for another document.</exception>
    public async Task<SubscriptionOverview> ViewFromPortalAsync(string token, SubscriptionId id, CancellationToken cancellationToken = default)
    {
        var (_, state) = await VerifyAsync(token, RequireId(id), PortalPurpose.View, cancellationToken).ConfigureAwait(false);
        return Overview(state);
    }

    /// <summary>Runs a self-service request from the customer holding a portal link.</summary>
    /// <param name="token">The link's token, issued for <see cref="PortalPurpose.Manage"/>.</param>
    /// <param name="id">The subscription the link is for.</param>
    /// <param name="request">The request.</param>
    /// <param name="requestId">An idempotency key for the request, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription after the request and the events recorded.</returns>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is not valid for managing this subscription.</exception>
    /// <exception cref="SubscriptionRuleException">Thrown when the plan's access level does not allow the request.</exception>
    /// <exception cref="UnknownProductException">Thrown when an added option is not in the catalog.</exception>
    /// <exception cref="UnknownPlanException">Thrown when the new plan is not in the catalog.</exception>
    public async Task<SubscriptionCommandResult> ExecuteFromPortalAsync(string token, SubscriptionId id, PortalRequest request, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateCommandId(requestId);
        var (_, state) = await VerifyAsync(token, RequireId(id), PortalPurpose.Manage, cancellationToken).ConfigureAwait(false);
        var customer = Actor.Customer(state.CustomerId);
        return await ExecuteCoreAsync(id, s => FromPortal(s, request), customer, requestId is null ? null : "portal-" + requestId, null, cancellationToken).ConfigureAwait(false);
    }

    private SubscriptionCommand FromPortal(Subscription state, PortalRequest request)
    {
        var today = BillingDay.Of(_clock.GetCurrentInstant(), state.TimeZone);
        switch (request)
        {
            case AddOptionRequest add:
            {
                var catalog = Catalog();
                var plan = catalog.GetPlan(state.Terms!.PlanId); // Verified subscriptions always have terms.
                if (!plan.OptionalLines.Any(l => l.Product.Id == add.ProductId))
                {
                    throw new SubscriptionRuleException(SubscriptionRuleException.UnknownLineCode, $"Plan '{plan.Name}' does not offer '{add.ProductId}' as an option.");
                }

                var lineId = NextLineId(state, add.ProductId);
                return new AddOption(catalog.PriceLine(lineId, add.ProductId, SubscriptionLineKind.Option, add.Quantity, state.Terms.Recurrence, state.Currency, today));
            }

            case RemoveOptionRequest remove:
                return new RemoveOption(remove.LineId);
            case ChangeQuantityRequest quantity:
                return new ChangeQuantity(quantity.LineId, quantity.Quantity);
            case ChangePlanRequest change:
            {
                var catalog = Catalog();
                var plan = catalog.GetPlan(change.PlanId);
                var lines = plan.DefaultLines
                    .Select((l, i) => catalog.PriceLine($"{plan.Id}-{i + 1}", l.Product.Id, SubscriptionLineKind.Recurring, l.Quantity, plan.Recurrence, state.Currency, today))
                    .ToArray();
                return new ChangePlan(SubscriptionTerms.From(plan), lines);
            }

            case CloseRequest close:
                return new CloseSubscription(close.Reason, close.AtPeriodEnd);
            case ChangeContactRequest contact:
                return new ChangeContactDetails(contact.Contact);
            case ChangePaymentMethodRequest payment:
                return new ChangePaymentMethod(payment.PaymentMethod);
            default:
                throw new ArgumentException($"Unknown portal request {request.GetType().Name}.", nameof(request));
        }
    }

    private static string NextLineId(Subscription state, string productId)
    {
        var n = 1;
        while (state.Lines.Any(l => l.LineId == $"{productId}-{n}"))
        {
            n++;
        }

        return $"{productId}-{n}";
    }

    private SubscriptionOverview Overview(Subscription state)
    {
        var terms = state.Terms!; // Verified subscriptions always have terms.
        var schedule = state.Schedule!;
        var today = BillingDay.Of(_clock.GetCurrentInstant(), state.TimeZone);
        var options = new List<PortalOption>();
        if (_catalog is not null && terms.CustomerAccess != CustomerAccessLevel.Restricted && state.Status == SubscriptionStatus.InProgress
            && _catalog.Plans.FirstOrDefault(p => p.Id == terms.PlanId) is { } plan)
        {
            foreach (var optional in plan.OptionalLines)
            {
                if (state.Lines.All(l => l.ProductId != optional.Product.Id))
                {
                    var priced = _catalog.PriceLine("preview", optional.Product.Id, SubscriptionLineKind.Option, 1m, terms.Recurrence, state.Currency, today);
                    options.Add(new PortalOption(optional.Product.Id, optional.Product.Name, priced.UnitPrice));
                }
            }
        }

        return new SubscriptionOverview
        {
            Id = state.Id,
            Status = state.Status,
            PlanName = terms.PlanName,
            Recurrence = terms.Recurrence,
            NextInvoiceDate = state.Status == SubscriptionStatus.InProgress && state.CloseScheduledOn is null ? schedule.NextBillingDate(today) : null,
            Lines = [.. state.Lines.Select(l => new PortalLine(l.LineId, l.Description, l.Kind, l.Quantity, l.UnitPrice, l.DiscountPercent, l.RoundedPeriodAmount))],
            AvailableOptions = options,
            Contact = state.Contact!, // Started subscriptions always have contact details.
            PaymentMethod = state.PaymentMethod?.Display,
            CustomerAccess = terms.CustomerAccess,
            CustomerMayClose = terms.CustomerMayClose,
            CloseReasons = [.. _options.CloseReasons],
            CloseScheduledOn = state.CloseScheduledOn,
        };
    }

    private async Task<(PortalGrant Grant, Subscription State)> VerifyAsync(string token, SubscriptionId id, PortalPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var portal = Portal();
        var state = (await LoadAsync(id, cancellationToken).ConfigureAwait(false)).State;
        var grant = portal.Verify(token, new PortalDocument(PortalDocumentKind.Subscription, id.Value), purpose, state.PortalTokenVersion, _clock.GetCurrentInstant());
        EnsureExists(id, state);
        return (grant, state);
    }

    private async Task<bool> ProcessDueItemAsync(string key, CancellationToken cancellationToken)
    {
        var parts = key.Split('|');
        if (parts.Length < 3 || parts[0] + "|" != KeyPrefix)
        {
            return false;
        }

        var id = new SubscriptionId(parts[2]);
        var kind = parts[1];
        var changeId = parts.Length > 3 ? parts[3] : null;
        try
        {
            // No idempotency key here: the state itself says whether the item is still due, so a re-claimed item is a no-op.
            var result = await ExecuteCoreAsync(id, state => DueCommand(state, kind, changeId, BillingDay.Of(_clock.GetCurrentInstant(), state.TimeZone)), Actor.System, null, kind == "change" ? changeId : null, cancellationToken).ConfigureAwait(false);
            return result.Events.Count > 0;
        }
        catch (NothingDueException)
        {
            return false;
        }
        catch (SubscriptionRuleException) when (kind == "change" && changeId is not null)
        {
            // The change no longer fits the contract (its line was removed since, say): cancel it visibly, never drop it silently.
            await ExecuteCoreAsync(id, _ => new CancelScheduledChange(changeId), Actor.System, null, null, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private static SubscriptionCommand DueCommand(Subscription state, string kind, string? changeId, LocalDate today)
    {
        switch (kind)
        {
            case "change" when state.PendingChanges.FirstOrDefault(p => p.ChangeId == changeId) is { } pending && pending.EffectiveDate <= today:
                return pending.Change with { EffectiveDate = pending.EffectiveDate };
            case "close" when state.Status != SubscriptionStatus.Closed && state.CloseScheduledOn is { } closeOn && closeOn <= today:
                return new CloseSubscription(state.CloseReason ?? EngineCloseReasons.EndOfTerm, AtPeriodEnd: false) { EffectiveDate = closeOn };
            case "resume" when state.Status == SubscriptionStatus.Paused && state.ResumeOn is { } resumeOn && resumeOn <= today:
                return new ResumeSubscription { EffectiveDate = resumeOn };
            case "term" when state.Status != SubscriptionStatus.Closed && state.Schedule?.TermEnd is { } termEnd && termEnd <= today:
                return state.ScheduleTerms!.AutoRenew
                    ? new RenewSubscription(state.ScheduleTerms.TermPeriods ?? 1) { EffectiveDate = termEnd }
                    : new CloseSubscription(EngineCloseReasons.EndOfTerm, AtPeriodEnd: false) { EffectiveDate = termEnd };
            default:
                throw new NothingDueException();
        }
    }

    private async Task<SubscriptionCommandResult> ExecuteCoreAsync(SubscriptionId id, Func<Subscription, SubscriptionCommand> command, Actor by, string? commandId, string? scheduledChangeId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (commandId is not null && loaded.Events.Where(e => e.EventId.StartsWith(commandId + ":", StringComparison.Ordinal)).ToArray() is { Length: > 0 } earlier)
            {
                return new SubscriptionCommandResult(loaded.State, [.. earlier.Select(e => e.Event)], WasRepeat: true);
            }

            var context = new CommandContext(by, _clock.GetCurrentInstant(), [.. _options.CloseReasons])
            {
                ProrationBehavior = _options.ProrationBehavior,
                ProrationMethod = _options.ProrationMethod,
                ScheduledChangeId = scheduledChangeId,
                NewChangeId = commandId is null ? null : "change-" + commandId,
            };
            var events = SubscriptionDecider.Decide(loaded.State, id, command(loaded.State), context);
            if (events.Count == 0)
            {
                return new SubscriptionCommandResult(loaded.State, events, WasRepeat: false);
            }

            var after = loaded.State;
            var data = new EventData[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                after = after.Apply(events[i]);
                data[i] = EventSerializer.Encode(commandId is null ? null : $"{commandId}:{i}", $"{id.StreamId}@{events[i].Version}", events[i]);
            }

            var commit = new Commit([new StreamAppend(id.StreamId, loaded.State.Version, data)], null, ScheduleChanges(id, loaded.State, after, events));
            try
            {
                await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
                Remember(id, new Loaded(after, [.. loaded.Events, .. events.Select((e, i) => (data[i].EventId, e))]));
                return new SubscriptionCommandResult(after, events, WasRepeat: false);
            }
            catch (StreamVersionConflictException) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Another writer changed the subscription: decide again on the new state.
            }
        }
    }

    private static List<ScheduleChange> ScheduleChanges(SubscriptionId id, Subscription before, Subscription after, IReadOnlyList<SubscriptionEvent> events)
    {
        var changes = new Dictionary<string, ScheduleChange>(StringComparer.Ordinal);
        var zone = after.TimeZone;
        DateTimeOffset Due(LocalDate date) => date.AtStartOfDayInZone(zone).ToDateTimeOffset();
        void Set(string key, LocalDate date) => changes[key] = ScheduleChange.Set(key, Due(date));
        void Remove(string key) => changes[key] = ScheduleChange.Remove(key);

        foreach (var e in events)
        {
            switch (e)
            {
                case SubscriptionChangeScheduled s:
                    Set(Key("change", id, s.ChangeId), s.Change.EffectiveDate ?? s.EffectiveDate);
                    break;
                case SubscriptionChangeCancelled c:
                    Remove(Key("change", id, c.ChangeId));
                    break;
                case SubscriptionCloseScheduled c:
                    Set(Key("close", id), c.CloseOn);
                    break;
                case SubscriptionPaused { ResumeOn: { } resume }:
                    Set(Key("resume", id), resume);
                    break;
                case SubscriptionResumed:
                    Remove(Key("resume", id));
                    break;
                case SubscriptionClosed:
                    Remove(Key("close", id));
                    Remove(Key("resume", id));
                    Remove(Key("term", id));
                    foreach (var pending in before.PendingChanges)
                    {
                        Remove(Key("change", id, pending.ChangeId));
                    }

                    break;
            }
        }

        if (after.Status != SubscriptionStatus.Closed && after.Schedule?.TermEnd is { } termEnd && before.Schedule?.TermEnd != termEnd)
        {
            Set(Key("term", id), termEnd);
        }

        return [.. changes.Values];
    }

    private static string Key(string kind, SubscriptionId id, string? changeId = null) =>
        changeId is null ? $"{KeyPrefix}{kind}|{id.Value}" : $"{KeyPrefix}{kind}|{id.Value}|{changeId}";

    private async Task<Loaded> LoadAsync(SubscriptionId id, CancellationToken cancellationToken)
    {
        // Start from the cached state, if any, and read only the events written since (by this or another worker).
        var cached = _cache.TryGetValue(id.Value, out var hit) ? hit : Loaded.Empty;
        List<(string EventId, SubscriptionEvent Event)>? added = null;
        var state = cached.State;
        await foreach (var stored in _store.ReadStreamAsync(id.StreamId, cached.State.Version, cancellationToken).ConfigureAwait(false))
        {
            var e = (SubscriptionEvent)EventSerializer.Decode(stored);
            state = state.Apply(e);
            (added ??= []).Add((stored.EventId, e));
        }

        if (added is null)
        {
            return cached;
        }

        var loaded = new Loaded(state, [.. cached.Events, .. added]);
        Remember(id, loaded);
        return loaded;
    }

    private void Remember(SubscriptionId id, Loaded loaded)
    {
        if (_options.StateCacheSize == 0)
        {
            return;
        }

        if (_cache.Count >= _options.StateCacheSize)
        {
            // A crude bound: start over rather than track recency; states are rebuilt from the store on demand.
            _cache.Clear();
        }

        _cache[id.Value] = loaded;
    }

    private static SubscriptionId RequireId(SubscriptionId id) =>
        id.Value is null ? throw new ArgumentException("Give a subscription id (default is none).", nameof(id)) : id;

    private static void ValidateCommandId(string? commandId, string paramName = "commandId")
    {
        if (commandId is not null && (commandId.Length is 0 or > 100 || commandId.Contains(':', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A command id is 1 to 100 characters without ':'.", paramName);
        }
    }

    private static void EnsureExists(SubscriptionId id, Subscription state)
    {
        if (state.Status == SubscriptionStatus.None)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.NotFoundCode, $"Subscription {id} does not exist.");
        }
    }

    private PortalAccessTokens Portal() =>
        _portal ?? throw new InvalidOperationException("Portal links need signing keys: set SubscriptionsOptions.PortalKeys, or PortalSigningKeyId and PortalSigningKey.");

    private SubscriptionCatalog Catalog() =>
        _catalog ?? throw new InvalidOperationException("Portal option and plan changes need a catalog: register a SubscriptionCatalog.");

    /// <summary>A subscription as loaded: its state and its events with their stored ids. Immutable, so it can be cached and shared.</summary>
    private sealed record Loaded(Subscription State, IReadOnlyList<(string EventId, SubscriptionEvent Event)> Events)
    {
        public static Loaded Empty { get; } = new(Subscription.Empty, []);
    }

    private sealed class NothingDueException : Exception;
}
