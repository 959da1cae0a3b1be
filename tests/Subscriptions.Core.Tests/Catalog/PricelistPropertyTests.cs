using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using Subscriptions.Testing;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class PricelistPropertyTests
{
    [Fact]
    public void Price_PercentDiscount_StaysVisibleAndReconstructsTheNetPrice()
    {
        var cases = from list in Generators.ListPriceAmount from discount in Generators.PricelistDiscount select (list, discount);

        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var product = Recurring(monthly: c.list);
            var set = new PricelistSet([new Pricelist("pl", "P", Currency.Eur, [new PricelistRule(1, PricelistRuleScope.Product, "crm", PriceComputation.Discount(c.discount))])]);

            var line = set.Price("pl", product, 1m, Jan1, Recurrence.Monthly);

            Assert.Equal(c.list * (1m - (c.discount / 100m)), line.NetUnitPrice.Amount);
            if (c.list > 0m && c.discount > 0m)
            {
                Assert.Equal(c.list, line.ListPrice.Amount);
                Assert.Equal(c.discount, line.DiscountPercent);
            }
            else
            {
                Assert.Equal(0m, line.DiscountPercent);
            }
        }));
    }

    [Fact]
    public void ConvertPrice_ThereAndBack_IsTheSamePrice()
    {
        var cases = from price in Generators.ListPriceAmount from a in Generators.UnitRatio from b in Generators.UnitRatio select (price, a, b);

        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var category = new UnitOfMeasureCategory("c");
            var from = new UnitOfMeasure("a", category, c.a);
            var to = new UnitOfMeasure("b", category, c.b);

            var back = to.ConvertPrice(from.ConvertPrice(c.price, to), from);

            Assert.Equal(c.price, decimal.Round(back, 20));
            Assert.Equal(c.price * c.b / c.a, from.ConvertPrice(c.price, to));
        }));
    }
}
