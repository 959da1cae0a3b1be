using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Subscriptions.Portal;
using Subscriptions.Scheduling;
using Subscriptions.Storage;
using Subscriptions.Testing;

namespace Subscriptions.Hosting;

public sealed class SubscriptionsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSubscriptions_WithAStore_ResolvesOneEngineUsingTheHostsClock()
    {
        var clock = FakeClock.At(2026, 1, 1);
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IStore>(new InMemoryStore())
            .AddSubscriptions(o => o.MaxConcurrencyRetries = 2)
            .AddSubscriptions();

        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<SubscriptionsEngine>(), provider.GetRequiredService<SubscriptionsEngine>());
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Equal(2, provider.GetRequiredService<IOptions<SubscriptionsOptions>>().Value.MaxConcurrencyRetries);
    }

    [Fact]
    public void AddSubscriptions_WithoutAStore_FailsWithAClearMessageInsteadOfFallingBackToMemory()
    {
        using var provider = new ServiceCollection().AddSubscriptions().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SubscriptionsEngine>());

        Assert.Contains("AddSubscriptionsSqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("never falls back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSubscriptions_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddSubscriptions(o =>
        {
            o.MaxConcurrencyRetries = -1;
            o.PortalLinkLifetime = TimeSpan.Zero;
            o.CloseReasons.Clear();
            o.WorkerId = " ";
            o.ProrationMethod = (ProrationMethod)42;
            o.PortalSigningKey = "not base64!";
        }));

        Assert.Equal(6, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("MaxConcurrencyRetries", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PortalLinkLifetime", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("CloseReasons", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("WorkerId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ProrationMethod", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PortalSigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSubscriptions_DuplicateOrBlankCloseReasonsOrAShortKey_AreRefused()
    {
        var duplicate = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddSubscriptions(o => o.CloseReasons.Add("other")));
        var shortKey = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddSubscriptions(o => o.PortalSigningKey = Convert.ToBase64String(new byte[16])));

        Assert.Contains("appears twice", Assert.Single(duplicate.Failures), StringComparison.Ordinal);
        Assert.Contains("32 bytes", Assert.Single(shortKey.Failures), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddSubscriptions());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddSubscriptions((IConfiguration)null!));
    }

    [Fact]
    public async Task AddSubscriptions_FromConfiguration_BindsEverySettingAndPortalKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Subscriptions:MaxConcurrencyRetries"] = "7",
            ["Subscriptions:ProrationBehavior"] = "BillNow",
            ["Subscriptions:PortalLinkLifetime"] = "7.00:00:00",
            ["Subscriptions:PortalSigningKeyId"] = "k2026",
            ["Subscriptions:PortalSigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Subscriptions:CloseReasons:0"] = "Too expensive",
            ["Subscriptions:CloseReasons:1"] = "Moving away",
        }).Build();
        var clock = FakeClock.At(2012, 5, 1);
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IStore>(new InMemoryStore())
            .AddSubscriptions(configuration.GetSection("Subscriptions"))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SubscriptionsOptions>>().Value;
        var engine = provider.GetRequiredService<SubscriptionsEngine>();
        await engine.ExecuteAsync(Lifecycle.LifecycleFixtures.Id, Lifecycle.LifecycleFixtures.Start(), Lifecycle.Actor.Staff("bob"));
        var token = await engine.IssuePortalTokenAsync(Lifecycle.LifecycleFixtures.Id, PortalPurpose.View);

        Assert.Equal(7, options.MaxConcurrencyRetries);
        Assert.Equal(ProrationBehavior.BillNow, options.ProrationBehavior);
        Assert.Equal(TimeSpan.FromDays(7), options.PortalLinkLifetime);
        Assert.Equal(["Too expensive", "Moving away"], options.CloseReasons);
        Assert.Equal("k2026", new PortalAccessTokens(new AccessTokenKeyRing(new AccessTokenKey("k2026", new byte[32]))).Verify(token, new PortalDocument(PortalDocumentKind.Subscription, "S-1"), PortalPurpose.View, 0, clock.Now).KeyId);
    }
}
