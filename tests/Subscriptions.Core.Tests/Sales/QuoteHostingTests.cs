using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Subscriptions.Lifecycle;
using Subscriptions.Storage;
using Subscriptions.Testing;
using static Subscriptions.Sales.SalesFixtures;

namespace Subscriptions.Sales;

public sealed class QuoteHostingTests
{
    [Fact]
    public async Task AddSubscriptions_WithACatalogThatHasTaxes_QuotesWithTaxesAndConfirmsIntoASubscription()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IStore>(new InMemoryStore())
            .AddSingleton<IClock>(new FakeClock(Noon(2012, 4, 28)))
            .AddSingleton(SalesCatalog())
            .AddSubscriptions(options => options.PortalKeys = Keys)
            .BuildServiceProvider();
        var engine = provider.GetRequiredService<SubscriptionsEngine>();

        var drafted = await engine.DraftQuoteAsync(Q1, Request(), Actor.Staff("bob"));
        var token = await engine.SendQuoteAsync(Q1, Actor.Staff("bob"));
        var accepted = await engine.AcceptQuoteAsync(token, Q1, new AcceptQuote("Ada"));

        Assert.Equal(new Money(69.99m, Eur), drafted.Quote.Totals.Tax);
        Assert.Equal(SubscriptionStatus.InProgress, accepted.Subscription!.Status);
    }
}
