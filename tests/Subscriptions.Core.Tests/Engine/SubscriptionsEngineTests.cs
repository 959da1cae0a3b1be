using System.Text;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Portal;
using Subscriptions.Scheduling;
using Subscriptions.Serialization;
using Subscriptions.Storage;
using Subscriptions.Storage.Sqlite;
using Subscriptions.Testing;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Engine;

/// <summary>The engine's scenarios, run on every store a host would use: the in-memory reference and a real SQLite file.</summary>
public abstract class SubscriptionsEngineTests : IAsyncLifetime
{
    private static readonly AccessTokenKeyRing Keys = new(new AccessTokenKey("k1", Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef")));

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

    protected SubscriptionsEngine NewEngine(SubscriptionsOptions? options = null) =>
        new(Store, Clock, options ?? new SubscriptionsOptions { PortalKeys = Keys }, CatalogFixture.Catalog);

    [Fact]
    public async Task Scenario_StartChangeCloseByTheCustomerAndReactivate_StoresEveryStepWithExactProration()
    {
        await Engine.ExecuteAsync(Id, Start(access: CustomerAccessLevel.UpgradeAndDowngrade), Actor.Staff("bob"));

        // The customer opens the portal link and adds the backup option mid-May.
        Clock.Now = Noon(2012, 5, 12);
        var token = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.Manage);
        var overview = await Engine.ViewFromPortalAsync(token, Id);
        Assert.Equal("Pro", overview.PlanName);
        Assert.Equal(new LocalDate(2012, 6, 1), overview.NextInvoiceDate);
        Assert.Equal("backup", Assert.Single(overview.AvailableOptions).ProductId);
        Assert.Equal("ada@example.com", overview.Contact.Email);

        var added = await Engine.ExecuteFromPortalAsync(token, Id, new AddOptionRequest("backup"));
        var option = Assert.IsType<SubscriptionLinesChanged>(Assert.Single(added.Events));
        Assert.Equal(new Money(20m, Eur), Assert.Single(option.Prorations).Amount); // 20/31 of the catalog's 31.00
        Assert.Equal(Actor.Customer(Customer), option.By);

        // Upsell and downsell the seats the same day: the two changes net to zero.
        var up = await Engine.ExecuteFromPortalAsync(token, Id, new ChangeQuantityRequest("base", 3m));
        var down = await Engine.ExecuteFromPortalAsync(token, Id, new ChangeQuantityRequest("base", 1m));
        Assert.Equal(0m, up.Events.Concat(down.Events).Cast<SubscriptionLinesChanged>().SelectMany(e => e.Prorations).Sum(p => p.Amount.Amount));

        // The customer closes at the end of the period with a configured reason...
        var close = await Engine.ExecuteFromPortalAsync(token, Id, new CloseRequest("Too expensive"));
        Assert.Equal(new LocalDate(2012, 6, 1), Assert.IsType<SubscriptionCloseScheduled>(Assert.Single(close.Events)).CloseOn);
        Assert.Equal(0, await Engine.ProcessDueAsync());

        // ...and the engine carries it out when the day comes.
        Clock.Now = Noon(2012, 6, 1);
        Assert.Equal(1, await Engine.ProcessDueAsync());
        var closed = await Engine.GetSubscriptionAsync(Id);
        Assert.Equal(SubscriptionStatus.Closed, closed.Status);
        Assert.Equal(ClosedBy.Customer, closed.ClosedBy);
        Assert.Equal("Too expensive", closed.CloseReason);
        Assert.Equal(0, await Engine.ProcessDueAsync());

        // Staff reactivate it in July.
        Clock.Now = Noon(2012, 7, 12);
        var reopened = await Engine.ExecuteAsync(Id, new ReopenSubscription(), Actor.Staff("bob"));
        Assert.Equal(SubscriptionStatus.InProgress, reopened.Subscription.Status);
        Assert.Equal(new Money(280.95m, Eur), reopened.Subscription.Mrr);

        var events = await Engine.GetEventsAsync(Id);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Version));
        Assert.Equal(
            ["SubscriptionStarted", "SubscriptionLinesChanged", "SubscriptionLinesChanged", "SubscriptionLinesChanged", "SubscriptionCloseScheduled", "SubscriptionClosed", "SubscriptionReopened"],
            events.Select(e => e.GetType().Name));
    }

    [Fact]
    public async Task Portal_RestrictedPlan_RefusesChangesButShowsTheSubscription()
    {
        await Engine.ExecuteAsync(Id, Start(access: CustomerAccessLevel.Restricted, customerMayClose: false), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        var token = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.Manage);

        var overview = await Engine.ViewFromPortalAsync(token, Id);
        var addError = await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteFromPortalAsync(token, Id, new AddOptionRequest("backup")));
        var closeError = await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteFromPortalAsync(token, Id, new CloseRequest("Other")));

        Assert.Empty(overview.AvailableOptions);
        Assert.False(overview.CustomerMayClose);
        Assert.Equal(SubscriptionRuleException.CustomerAccessDeniedCode, addError.ErrorCode);
        Assert.Equal(SubscriptionRuleException.CustomerMayNotCloseCode, closeError.ErrorCode);
        Assert.Single(await Engine.GetEventsAsync(Id));
    }

    [Fact]
    public async Task Portal_ChangePlanFromTheCatalog_UpgradesWithPricesTheCustomerCannotSet()
    {
        await Engine.ExecuteAsync(Id, Start(access: CustomerAccessLevel.UpgradeOnly), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        var token = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.Manage);

        var result = await Engine.ExecuteFromPortalAsync(token, Id, new ChangePlanRequest("team"));
        var downgrade = await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteFromPortalAsync(token, Id, new ChangePlanRequest("pro")));
        var unknown = await Assert.ThrowsAsync<UnknownPlanException>(() => Engine.ExecuteFromPortalAsync(token, Id, new ChangePlanRequest("gold")));
        var notOffered = await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteFromPortalAsync(token, Id, new AddOptionRequest("pro")));

        var changed = Assert.IsType<SubscriptionPlanChanged>(Assert.Single(result.Events));
        Assert.Equal("team", changed.Terms.PlanId);
        Assert.Equal(new Money(499m, Eur), changed.MrrAfter);
        Assert.Equal(SubscriptionRuleException.DowngradeNotAllowedCode, downgrade.ErrorCode);
        Assert.Equal("gold", unknown.PlanId);
        Assert.Equal(SubscriptionRuleException.UnknownLineCode, notOffered.ErrorCode);
    }

    [Fact]
    public async Task Portal_BadTokens_AreRejectedAndChangeNothing()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        await Engine.ExecuteAsync(new SubscriptionId("S-2"), Start(), Actor.Staff("bob"));
        var view = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.View);
        var manage = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.Manage);

        var wrongPurpose = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ExecuteFromPortalAsync(view, Id, new ChangeQuantityRequest("base", 2m)));
        var wrongDocument = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewFromPortalAsync(manage, new SubscriptionId("S-2")));
        var tampered = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewFromPortalAsync(manage[..^1] + (manage[^1] == 'A' ? 'B' : 'A'), Id));
        Clock.Advance(Duration.FromDays(31));
        var expired = await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewFromPortalAsync(manage, Id));

        Assert.Equal(AccessTokenRejection.WrongPurpose, wrongPurpose.Reason);
        Assert.Equal(AccessTokenRejection.WrongDocument, wrongDocument.Reason);
        Assert.Equal(AccessTokenRejection.Tampered, tampered.Reason);
        Assert.Equal(AccessTokenRejection.Expired, expired.Reason);
        Assert.Single(await Engine.GetEventsAsync(Id));
    }

    [Fact]
    public async Task Portal_LinksIssuedBeforeARevocation_StopWorking()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        var old = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.View);

        await Engine.ExecuteAsync(Id, new RevokePortalLinks(), Actor.Staff("bob"));
        var fresh = await Engine.IssuePortalTokenAsync(Id, PortalPurpose.View);

        Assert.Equal(AccessTokenRejection.Revoked, (await Assert.ThrowsAsync<AccessTokenRejectedException>(() => Engine.ViewFromPortalAsync(old, Id))).Reason);
        Assert.Equal(Id, (await Engine.ViewFromPortalAsync(fresh, Id)).Id);
    }

    [Fact]
    public async Task Execute_SameCommandIdTwice_RecordsItOnce()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);

        var first = await Engine.ExecuteAsync(Id, new ChangeQuantity("base", 2m), Actor.Staff("bob"), "req-42");
        var again = await Engine.ExecuteAsync(Id, new ChangeQuantity("base", 2m), Actor.Staff("bob"), "req-42");

        Assert.False(first.WasRepeat);
        Assert.True(again.WasRepeat);
        Assert.Equal(first.Events.Select(e => (e.Version, e.GetType(), e.MrrAfter)), again.Events.Select(e => (e.Version, e.GetType(), e.MrrAfter)));
        Assert.Equal(2, (await Engine.GetEventsAsync(Id)).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => Engine.ExecuteAsync(Id, new ChangeQuantity("base", 2m), Actor.Staff("bob"), "bad:id"));
    }

    [Fact]
    public async Task Execute_ConcurrentWritersOnOneSubscription_AllCommandsLandInOrder()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        var engines = Enumerable.Range(0, 4).Select(_ => NewEngine()).ToArray();

        await Task.WhenAll(engines.Select((engine, i) => Task.Run(() => engine.ExecuteAsync(Id, new AddOption(Option($"opt-{i}", 10m)), Actor.Staff("bob")))));

        var state = await Engine.GetSubscriptionAsync(Id);
        Assert.Equal(5, state.Version);
        Assert.Equal(new Money(289.95m, Eur), state.Mrr);
        Assert.Equal(5, state.Lines.Count);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(0)]
    public async Task Load_AfterAnotherWorkerWrote_SeesItsEvents(int cacheSize)
    {
        var mine = NewEngine(new SubscriptionsOptions { StateCacheSize = cacheSize });
        await mine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        Assert.Equal(1, (await mine.GetSubscriptionAsync(Id)).Version);
        Clock.Now = Noon(2012, 5, 12);

        await NewEngine().ExecuteAsync(Id, new ChangeQuantity("base", 2m), Actor.Staff("eve"));
        var seen = await mine.GetSubscriptionAsync(Id);
        var next = await mine.ExecuteAsync(Id, new ChangeQuantity("base", 3m), Actor.Staff("bob"));

        Assert.Equal(2, seen.Version);
        Assert.Equal(2m, seen.Lines.Single().Quantity);
        Assert.Equal(3, next.Subscription.Version);
        Assert.Equal(new Money(-322.52m, Eur), ((SubscriptionLinesChanged)next.Events[0]).Prorations.Single(p => p.Kind == ProrationItemKind.Credit).Amount);
    }

    [Fact]
    public async Task Execute_RejectedCommand_LeavesTheStreamUnchanged()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        var before = await Store.GetStreamVersionAsync(Id.StreamId, CancellationToken.None);

        await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteAsync(Id, new ChangeQuantity("base", -1m), Actor.Staff("bob")));
        await Assert.ThrowsAsync<SubscriptionRuleException>(() => Engine.ExecuteAsync(new SubscriptionId("nobody"), new ChangeQuantity("base", 1m), Actor.Staff("bob")));

        Assert.Equal(before, await Store.GetStreamVersionAsync(Id.StreamId, CancellationToken.None));
        Assert.Equal(0, await Store.GetStreamVersionAsync("subscription-nobody", CancellationToken.None));
    }

    [Fact]
    public async Task ProcessDue_FutureDatedChangePauseAndFixedTerm_AreCarriedOutOnTheirDates()
    {
        await Engine.ExecuteAsync(Id, Start(termPeriods: 3, autoRenew: false), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        var scheduled = await Engine.ExecuteAsync(Id, new ChangeQuantity("base", 4m) { EffectiveDate = new LocalDate(2012, 5, 20) }, Actor.Staff("bob"));
        Assert.IsType<SubscriptionChangeScheduled>(Assert.Single(scheduled.Events));

        Clock.Now = Noon(2012, 5, 19);
        Assert.Equal(0, await Engine.ProcessDueAsync());
        Clock.Now = Noon(2012, 5, 21); // a day late: the change still takes effect on its own date
        Assert.Equal(1, await Engine.ProcessDueAsync());
        var changed = await Engine.GetSubscriptionAsync(Id);
        Assert.Equal(4m, changed.Lines.Single().Quantity);
        var applied = Assert.IsType<SubscriptionLinesChanged>((await Engine.GetEventsAsync(Id))[^1]);
        Assert.Equal(new LocalDate(2012, 5, 20), applied.EffectiveDate);
        Assert.Equal(Actor.System, applied.By);

        await Engine.ExecuteAsync(Id, new PauseSubscription(new LocalDate(2012, 6, 10)), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 6, 10);
        Assert.Equal(1, await Engine.ProcessDueAsync());
        Assert.Equal(SubscriptionStatus.InProgress, (await Engine.GetSubscriptionAsync(Id)).Status);

        // The 3-month term ends on 2012-08-01 without renewal: the engine closes it at the end of its term.
        Clock.Now = Noon(2012, 8, 1);
        Assert.Equal(1, await Engine.ProcessDueAsync());
        var ended = await Engine.GetSubscriptionAsync(Id);
        Assert.Equal(SubscriptionStatus.Closed, ended.Status);
        Assert.Equal(ClosedBy.EndOfTerm, ended.ClosedBy);
    }

    [Fact]
    public async Task ProcessDue_ScheduledChangeThatNoLongerFits_IsCancelledVisibly()
    {
        await Engine.ExecuteAsync(Id, Start(lines: [Base, Option()]), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        await Engine.ExecuteAsync(Id, new ChangeQuantity("backup", 3m) { EffectiveDate = new LocalDate(2012, 6, 1) }, Actor.Staff("bob"));
        await Engine.ExecuteAsync(Id, new RemoveOption("backup"), Actor.Staff("bob"));

        Clock.Now = Noon(2012, 6, 1);
        Assert.Equal(0, await Engine.ProcessDueAsync());

        var events = await Engine.GetEventsAsync(Id);
        Assert.IsType<SubscriptionChangeCancelled>(events[^1]);
        Assert.Equal(Actor.System, events[^1].By);
        Assert.Empty((await Engine.GetSubscriptionAsync(Id)).PendingChanges);
        Assert.Equal(0, await Engine.ProcessDueAsync());
    }

    [Fact]
    public async Task ProcessDue_AutoRenewingTerm_RenewsAtItsEnd()
    {
        await Engine.ExecuteAsync(Id, Start(termPeriods: 12, autoRenew: true), Actor.Staff("bob"));

        Clock.Now = Noon(2013, 5, 1);
        Assert.Equal(1, await Engine.ProcessDueAsync());

        var renewed = await Engine.GetSubscriptionAsync(Id);
        Assert.Equal(SubscriptionStatus.InProgress, renewed.Status);
        Assert.Equal(new LocalDate(2014, 5, 1), renewed.Schedule!.TermEnd);
        Assert.Equal(0, await Engine.ProcessDueAsync());
    }

    [Fact]
    public async Task Load_UnknownFutureEventType_IsRefusedNotIgnored()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        await Store.CommitAsync(new Commit(new StreamAppend(Id.StreamId, 1, new EventData("x", "subscription.teleported.v9", Encoding.UTF8.GetBytes("{}")))), CancellationToken.None);

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => Engine.GetSubscriptionAsync(Id));

        Assert.Equal("subscription.teleported.v9", error.TypeName);
        Assert.Equal(2, error.Version);
        Assert.Equal("serialization.unknown_event_type", error.ErrorCode);
    }

    [Fact]
    public async Task Engine_WithoutPortalKeysOrCatalog_SaysWhatIsMissing()
    {
        var bare = new SubscriptionsEngine(Store, Clock, new SubscriptionsOptions());
        await bare.ExecuteAsync(Id, Start(), Actor.Staff("bob"));

        var noKeys = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.IssuePortalTokenAsync(Id, PortalPurpose.View));

        Assert.Contains("PortalKeys", noKeys.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Engine.GetSubscriptionAsync(default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Engine.ProcessDueAsync(0));
        Assert.Throws<ArgumentNullException>(() => new SubscriptionsEngine(null!, Clock, new SubscriptionsOptions()));
    }
}

public sealed class InMemorySubscriptionsEngineTests : SubscriptionsEngineTests
{
    protected override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(new InMemoryStore());
}

public sealed class SqliteSubscriptionsEngineTests : SubscriptionsEngineTests
{
    private readonly TempSqliteFile _file = new("subscriptions-engine");

    public override async Task DisposeAsync()
    {
        await _file.CloseAndDeleteAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Reopen_TheSqliteFile_RebuildsTheSameSubscription()
    {
        await Engine.ExecuteAsync(Id, Start(), Actor.Staff("bob"));
        Clock.Now = Noon(2012, 5, 12);
        await Engine.ExecuteAsync(Id, new ChangeQuantity("base", 2m), Actor.Staff("bob"));
        var before = await Engine.GetSubscriptionAsync(Id);
        await ((SqliteStore)Store).DisposeAsync();

        var reopened = _file.Open();
        var after = await new SubscriptionsEngine(reopened, Clock, new SubscriptionsOptions()).GetSubscriptionAsync(Id);

        Assert.Equal(StateText.Of(before), StateText.Of(after));
    }

    protected override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(_file.Open());
}
