using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class ProductCatalogTests
{
    private static readonly LocalDate Mar1 = new(2026, 3, 1);

    [Fact]
    public void PriceFor_BeforeAndAfterAPriceChange_UsesTheEffectiveDate()
    {
        var v1 = ProductCatalog.Create([Recurring()], Jan1);
        var v2 = v1.WithPriceChange(new PriceChange("crm", Recurrence.Monthly, Eur(12m), Mar1));

        Assert.Equal(2, v2.Version);
        Assert.Equal(Eur(10m), v2.PriceFor("crm", Recurrence.Monthly, Mar1.PlusDays(-1)).Price);
        var after = v2.PriceFor("crm", Recurrence.Monthly, Mar1);
        Assert.Equal(Eur(12m), after.Price);
        Assert.Equal(2, after.Version);
        Assert.Equal(Mar1, after.EffectiveFrom);
        Assert.Equal(Eur(100m), v2.PriceFor("crm", Recurrence.Yearly, Mar1).Price);
    }

    [Fact]
    public void PriceFor_ExistingSubscription_KeepsItsPrice()
    {
        var v2 = ProductCatalog.Create([Recurring()], Jan1).WithPriceChange(new PriceChange("crm", Recurrence.Monthly, Eur(12m), Mar1));

        var price = v2.PriceFor("crm", Recurrence.Monthly, Mar1.PlusMonths(6), pricedAtVersion: 1);

        Assert.Equal(Eur(10m), price.Price);
        Assert.Equal(1, price.Version);
    }

    [Fact]
    public void PriceFor_ChangeAppliedToExisting_MovesExistingSubscriptionsFromItsDate()
    {
        var v2 = ProductCatalog.Create([Recurring()], Jan1).WithPriceChange(new PriceChange("crm", Recurrence.Monthly, Eur(12m), Mar1, appliesToExistingSubscriptions: true));

        Assert.Equal(Eur(10m), v2.PriceFor("crm", Recurrence.Monthly, Mar1.PlusDays(-1), pricedAtVersion: 1).Price);
        Assert.Equal(Eur(12m), v2.PriceFor("crm", Recurrence.Monthly, Mar1, pricedAtVersion: 1).Price);
    }

    [Fact]
    public void WithPriceChange_LeavesTheOldVersionUnchanged()
    {
        var v1 = ProductCatalog.Create([Recurring()], Jan1);

        _ = v1.WithPriceChange(new PriceChange("crm", Recurrence.Monthly, Eur(12m), Jan1));

        Assert.Equal(1, v1.Version);
        Assert.Equal(Eur(10m), v1.PriceFor("crm", Recurrence.Monthly, Mar1).Price);
    }

    [Fact]
    public void WithProduct_AddsAVersionAndTheProductPricesFromItsDate()
    {
        var v2 = ProductCatalog.Create([Recurring()], Jan1).WithProduct(OneTime(), Mar1);

        Assert.Equal(2, v2.Version);
        Assert.Equal(2, v2.PriceFor("onboarding", null, Mar1).Version);
        Assert.Throws<MissingRecurrencePriceException>(() => v2.PriceFor("onboarding", null, Jan1));
        Assert.Equal(2, v2.Products.Count);
    }

    [Fact]
    public void WithProduct_DuplicateId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ProductCatalog.Create([Recurring()], Jan1).WithProduct(Recurring(), Jan1));

    [Fact]
    public void PriceFor_UnknownProduct_ThrowsUnknownProduct()
    {
        var error = Assert.Throws<UnknownProductException>(() => ProductCatalog.Create([], Jan1).PriceFor("x", null, Jan1));

        Assert.Equal("catalog.unknown_product", error.ErrorCode);
    }

    [Fact]
    public void WithPriceChange_RecurrenceWithoutPrice_ThrowsNoPriceForRecurrence() =>
        Assert.Throws<MissingRecurrencePriceException>(() => ProductCatalog.Create([Recurring()], Jan1).WithPriceChange(new PriceChange("crm", Recurrence.Weekly, Eur(1m), Jan1)));

    [Fact]
    public void PriceFor_BeforeTheCatalogStarts_ThrowsNoPrice() =>
        Assert.Throws<MissingRecurrencePriceException>(() => ProductCatalog.Create([Recurring()], Mar1).PriceFor("crm", Recurrence.Monthly, Jan1));
}
