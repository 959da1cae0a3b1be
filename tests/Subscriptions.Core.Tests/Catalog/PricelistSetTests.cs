using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class PricelistSetTests
{
    private static PricelistSet Set(params PricelistRule[] rules) => new([new Pricelist("pl", "Public", Currency.Eur, rules)]);

    private static PricedLine PriceCrm(PricelistSet set, decimal quantity = 1m, LocalDate? date = null, Recurrence? recurrence = null) =>
        set.Price("pl", Recurring(), quantity, date ?? Jan1, recurrence ?? Recurrence.Monthly);

    [Fact]
    public void Price_NoRule_IsTheListPrice()
    {
        var line = PriceCrm(Set());

        Assert.Equal(Eur(10m), line.NetUnitPrice);
        Assert.Equal(Eur(10m), line.ListPrice);
        Assert.Equal(0m, line.DiscountPercent);
        Assert.Null(line.RuleId);
    }

    [Fact]
    public void Price_PerRecurrence_HonoursTheYearlyPrice() =>
        Assert.Equal(Eur(100m), PriceCrm(Set(), recurrence: Recurrence.Yearly).NetUnitPrice);

    [Fact]
    public void Price_ProductCategoryAndGlobalRules_MostSpecificWins()
    {
        var set = Set(
            new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Discount(5m)),
            new PricelistRule(2, PricelistRuleScope.Category, "software", PriceComputation.Discount(10m)),
            new PricelistRule(3, PricelistRuleScope.Category, "saas", PriceComputation.Discount(15m)),
            new PricelistRule(4, PricelistRuleScope.Product, "crm", PriceComputation.Discount(20m)));

        Assert.Equal(4, PriceCrm(set).RuleId);
        Assert.Equal(Eur(8m), PriceCrm(set).NetUnitPrice);
        Assert.Equal(3, set.Price("pl", Recurring("erp"), 1m, Jan1, Recurrence.Monthly).RuleId);
        Assert.Equal(2, set.Price("pl", Recurring("ide", category: Software), 1m, Jan1, Recurrence.Monthly).RuleId);
        Assert.Equal(1, set.Price("pl", OneTime(), 1m, Jan1).RuleId);
    }

    [Fact]
    public void Price_CategoryRule_AppliesToDescendantCategories()
    {
        var set = Set(new PricelistRule(1, PricelistRuleScope.Category, "software", PriceComputation.Fixed(7m)));

        Assert.Equal(Eur(7m), PriceCrm(set).NetUnitPrice);
    }

    [Theory]
    [InlineData("1", "10")]
    [InlineData("9.99", "10")]
    [InlineData("10", "9")]
    [InlineData("100", "8")]
    public void Price_MinimumQuantities_HighestMatchingWins(string quantity, string expected)
    {
        var set = Set(
            new PricelistRule(1, PricelistRuleScope.Product, "crm", PriceComputation.Fixed(9m), minQuantity: 10m),
            new PricelistRule(2, PricelistRuleScope.Product, "crm", PriceComputation.Fixed(8m), minQuantity: 100m));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceCrm(set, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)).NetUnitPrice.Amount);
    }

    [Theory]
    [InlineData("2025-12-31", "10")]
    [InlineData("2026-01-01", "5")]
    [InlineData("2026-01-31", "5")]
    [InlineData("2026-02-01", "10")]
    public void Price_ValidityWindow_IsInclusiveAtBothEnds(string date, string expected)
    {
        var set = Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Fixed(5m), validFrom: Jan1, validTo: new LocalDate(2026, 1, 31)));

        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceCrm(set, date: on).NetUnitPrice.Amount);
    }

    [Fact]
    public void Price_RecurrenceRestrictedRule_AppliesOnlyToThatRecurrence()
    {
        var set = Set(new PricelistRule(1, PricelistRuleScope.Product, "crm", PriceComputation.Discount(50m), recurrence: Recurrence.Yearly));

        Assert.Equal(Eur(10m), PriceCrm(set).NetUnitPrice);
        Assert.Equal(Eur(50m), PriceCrm(set, recurrence: Recurrence.Yearly).NetUnitPrice);
    }

    [Fact]
    public void Price_RecurrenceRuleBeforeGeneralRuleOfSameQuantity()
    {
        var set = Set(
            new PricelistRule(9, PricelistRuleScope.Product, "crm", PriceComputation.Discount(10m)),
            new PricelistRule(1, PricelistRuleScope.Product, "crm", PriceComputation.Discount(20m), recurrence: Recurrence.Monthly));

        Assert.Equal(1, PriceCrm(set).RuleId);
    }

    [Fact]
    public void Price_Discount_StaysVisibleOnTheLine()
    {
        var line = PriceCrm(Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Discount(15m))));

        Assert.Equal(Eur(10m), line.ListPrice);
        Assert.Equal(15m, line.DiscountPercent);
        Assert.Equal(Eur(8.5m), line.NetUnitPrice);
        Assert.Contains("-15%", line.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Price_FixedPriceAboveList_ShowsNoDiscount()
    {
        var line = PriceCrm(Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Fixed(11m))));

        Assert.Equal(0m, line.DiscountPercent);
        Assert.Equal(Eur(11m), line.ListPrice);
    }

    [Fact]
    public void Price_Formula_DiscountRoundingSurcharge()
    {
        // 10 * (1 - 0.13) = 8.70 -> rounded to 1 -> 9, + (-0.01) -> 8.99.
        var line = PriceCrm(Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(discountPercent: 13m, roundingIncrement: 1m, surcharge: -0.01m))));

        Assert.Equal(Eur(8.99m), line.NetUnitPrice);
        Assert.Equal(10.1m, line.DiscountPercent);
    }

    [Fact]
    public void Price_Formula_MinimumMarginRaisesThePrice()
    {
        var line = PriceCrm(Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(discountPercent: 50m, minMargin: -2m))));

        Assert.Equal(Eur(8m), line.NetUnitPrice);
    }

    [Fact]
    public void Price_Formula_MaximumMarginCapsThePrice()
    {
        var line = PriceCrm(Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(discountPercent: -50m, maxMargin: 2m))));

        Assert.Equal(Eur(12m), line.NetUnitPrice);
    }

    [Fact]
    public void Price_FormulaOnAnotherPricelist_StartsFromItsPrice()
    {
        var partner = new Pricelist("partner", "Partner", Currency.Eur, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Discount(20m))]);
        var reseller = new Pricelist("reseller", "Reseller", Currency.Eur, [new PricelistRule(2, PricelistRuleScope.All, null, PriceComputation.Formula(discountPercent: 10m, basePricelistId: "partner"))]);
        var set = new PricelistSet([partner, reseller]);

        var line = set.Price("reseller", Recurring(), 1m, Jan1, Recurrence.Monthly);

        Assert.Equal(Eur(7.2m), line.NetUnitPrice);
        Assert.Equal(Eur(10m), line.ListPrice);
        Assert.Equal(28m, line.DiscountPercent);
    }

    [Fact]
    public void Price_PricelistInAnotherCurrency_ConvertsWithTheRate()
    {
        var usd = new Pricelist("usd", "US", Currency.Usd, []);
        var set = new PricelistSet([usd], new ExchangeRates([(Currency.Eur, Currency.Usd, 1.1m)]));

        var line = set.Price("usd", Recurring(), 1m, Jan1, Recurrence.Monthly);

        Assert.Equal(new UnitPrice(11m, Currency.Usd), line.NetUnitPrice);
    }

    [Fact]
    public void Price_BasePricelistInAnotherCurrency_ConvertsBothWays()
    {
        var usd = new Pricelist("usd", "US", Currency.Usd, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Fixed(22m))]);
        var eur = new Pricelist("eur", "EU", Currency.Eur, [new PricelistRule(2, PricelistRuleScope.All, null, PriceComputation.Formula(basePricelistId: "usd"))]);
        var set = new PricelistSet([usd, eur], new ExchangeRates([(Currency.Eur, Currency.Usd, 1.1m)]));

        Assert.Equal(Eur(20m), set.Price("eur", Recurring(), 1m, Jan1, Recurrence.Monthly).NetUnitPrice);
    }

    [Fact]
    public void Price_ConversionWithoutRate_ThrowsMissingExchangeRate()
    {
        var set = new PricelistSet([new Pricelist("usd", "US", Currency.Usd, [])]);

        var error = Assert.Throws<MissingExchangeRateException>(() => set.Price("usd", Recurring(), 1m, Jan1, Recurrence.Monthly));

        Assert.Equal("catalog.missing_exchange_rate", error.ErrorCode);
        Assert.Equal(Currency.Eur, error.From);
    }

    [Fact]
    public void Constructor_CycleBetweenPricelists_ThrowsPricelistCycle()
    {
        var a = new Pricelist("a", "A", Currency.Eur, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(basePricelistId: "b"))]);
        var b = new Pricelist("b", "B", Currency.Eur, [new PricelistRule(2, PricelistRuleScope.Product, "crm", PriceComputation.Formula(basePricelistId: "c"))]);
        var c = new Pricelist("c", "C", Currency.Eur, [new PricelistRule(3, PricelistRuleScope.All, null, PriceComputation.Formula(basePricelistId: "a"))]);

        var error = Assert.Throws<PricelistCycleException>(() => new PricelistSet([a, b, c]));

        Assert.Equal("catalog.pricelist_cycle", error.ErrorCode);
        Assert.Equal(["a", "b", "c", "a"], error.Cycle);
    }

    [Fact]
    public void Constructor_PricelistBasedOnItself_ThrowsPricelistCycle() =>
        Assert.Throws<PricelistCycleException>(() => new PricelistSet([new Pricelist("a", "A", Currency.Eur, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(basePricelistId: "a"))])]));

    [Fact]
    public void Constructor_BaseOnUnknownPricelist_ThrowsUnknownPricelist()
    {
        var error = Assert.Throws<UnknownPricelistException>(() => new PricelistSet([new Pricelist("a", "A", Currency.Eur, [new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Formula(basePricelistId: "zz"))])]));

        Assert.Equal("zz", error.PricelistId);
    }

    [Fact]
    public void Price_UnknownPricelist_ThrowsUnknownPricelist() =>
        Assert.Throws<UnknownPricelistException>(() => Set().Price("nope", Recurring(), 1m, Jan1, Recurrence.Monthly));

    [Fact]
    public void Price_LineInDozens_ConvertsQuantityForRulesAndPricePerDozen()
    {
        var pens = new Product("pen", "Pen", ProductKind.OneTime, Services, Unit, [new ProductPrice(Eur(1m))]);
        var set = Set(new PricelistRule(1, PricelistRuleScope.Product, "pen", PriceComputation.Discount(10m), minQuantity: 24m));

        var line = set.Price("pl", pens, 2m, Jan1, null, Dozen);

        Assert.Equal(Eur(12m), line.ListPrice);
        Assert.Equal(Eur(10.8m), line.NetUnitPrice);
        Assert.Equal(new Money(21.6m, Currency.Eur), line.Subtotal);
    }

    [Fact]
    public void Price_LineInAnotherCategory_ThrowsMismatch() =>
        Assert.Throws<UnitOfMeasureMismatchException>(() => Set().Price("pl", Recurring(), 1m, Jan1, Recurrence.Monthly, Hour));

    [Fact]
    public void Price_NegativeQuantity_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceCrm(Set(), -1m));

    [Fact]
    public void PriceFromCatalog_RecordsTheCatalogVersionThatPricedTheLine()
    {
        var catalog = ProductCatalog.Create([Recurring()], Jan1).WithPriceChange(new PriceChange("crm", Recurrence.Monthly, Eur(12m), new LocalDate(2026, 3, 1)));
        var set = Set(new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Discount(50m)));

        var newCustomer = set.PriceFromCatalog("pl", catalog, "crm", 1m, new LocalDate(2026, 4, 1), Recurrence.Monthly);
        var existing = set.PriceFromCatalog("pl", catalog, "crm", 1m, new LocalDate(2026, 4, 1), Recurrence.Monthly, pricedAtVersion: 1);

        Assert.Equal(2, newCustomer.CatalogVersion);
        Assert.Equal(Eur(6m), newCustomer.NetUnitPrice);
        Assert.Equal(1, existing.CatalogVersion);
        Assert.Equal(Eur(5m), existing.NetUnitPrice);
    }

    [Fact]
    public void Price_TenThousandRules_FindsTheProductsRule()
    {
        var rules = Enumerable.Range(0, 10_000).Select(i => new PricelistRule(i, PricelistRuleScope.Product, $"p{i}", PriceComputation.Fixed(i)));
        var set = Set([.. rules]);

        Assert.Equal(Eur(4321m), set.Price("pl", Recurring("p4321"), 1m, Jan1, Recurrence.Monthly).NetUnitPrice);
    }

    [Fact]
    public void PricelistRule_ProductScopeWithoutTarget_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PricelistRule(1, PricelistRuleScope.Product, null, PriceComputation.Fixed(1m)));

    [Fact]
    public void PricelistRule_WindowEndingBeforeStart_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PricelistRule(1, PricelistRuleScope.All, null, PriceComputation.Fixed(1m), validFrom: Jan1, validTo: Jan1.PlusDays(-1)));

    [Fact]
    public void PriceComputation_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceComputation.Fixed(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceComputation.Discount(101m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceComputation.Formula(minMargin: 5m, maxMargin: 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceComputation.Formula(roundingIncrement: -1m));
    }

    [Fact]
    public void Constructor_DuplicatePricelistId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PricelistSet([new Pricelist("a", "A", Currency.Eur, []), new Pricelist("a", "B", Currency.Eur, [])]));

    [Fact]
    public void ExchangeRates_NonPositiveRate_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRates([(Currency.Eur, Currency.Usd, 0m)]));
}
