using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class ProductTests
{
    [Fact]
    public void ListPrice_RecurringProduct_HonoursEachRecurrence()
    {
        var product = Recurring(monthly: 10m, yearly: 100m);

        Assert.Equal(Eur(10m), product.ListPrice(Recurrence.Monthly));
        Assert.Equal(Eur(100m), product.ListPrice(Recurrence.Yearly));
    }

    [Fact]
    public void ListPrice_MissingRecurrence_ThrowsNoPriceForRecurrence()
    {
        var error = Assert.Throws<MissingRecurrencePriceException>(() => Recurring().ListPrice(Recurrence.Quarterly));

        Assert.Equal("catalog.no_price_for_recurrence", error.ErrorCode);
        Assert.Equal(Recurrence.Quarterly, error.Recurrence);
    }

    [Fact]
    public void ListPrice_OneTimeProduct_HasTheNullRecurrencePrice()
    {
        Assert.Equal(Eur(500m), OneTime().ListPrice(null));
        Assert.Throws<MissingRecurrencePriceException>(() => OneTime().ListPrice(Recurrence.Monthly));
    }

    [Fact]
    public void Constructor_RecurringPriceWithoutRecurrence_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Product("p", "P", ProductKind.Recurring, Saas, Seat, [new ProductPrice(Eur(1m))]));

    [Fact]
    public void Constructor_TwoPricesForOneRecurrence_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Product("p", "P", ProductKind.Recurring, Saas, Seat, [new ProductPrice(Eur(1m), Recurrence.Monthly), new ProductPrice(Eur(2m), Recurrence.Monthly)]));

    [Fact]
    public void Constructor_SetupFeeWithRecurrence_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Product("p", "P", ProductKind.SetupFee, Saas, Seat, [new ProductPrice(Eur(1m), Recurrence.Monthly)]));

    [Fact]
    public void Constructor_NoPrice_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Product("p", "P", ProductKind.OneTime, Saas, Seat, []));

    [Fact]
    public void Constructor_OptionalProductsAndTaxes_AreKept()
    {
        var product = new Product("p", "P", ProductKind.SetupFee, Saas, Seat, [new ProductPrice(Eur(1m))], ["addon"], [21]);

        Assert.Equal(["addon"], product.OptionalProductIds);
        Assert.Equal([21], product.TaxIds);
        Assert.Equal(ProductKind.SetupFee, product.Kind);
    }

    [Fact]
    public void ProductPrice_DefaultRecurrence_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new ProductPrice(Eur(1m), default(Recurrence)));
}
