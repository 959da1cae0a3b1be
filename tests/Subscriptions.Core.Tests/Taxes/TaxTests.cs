using Subscriptions.Taxes;
using static Subscriptions.Core.Tests.Taxes.TaxTestData;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>Bad inputs and their typed errors.</summary>
public class TaxTests
{
    [Fact]
    public void Group_ContainingItself_ThrowsGroupContainsItself()
    {
        var child = Percent(5, 21m);

        var error = Assert.Throws<TaxGroupContainsItselfException>(() => Tax.Group(5, Company, "G", [child]));

        Assert.Equal("taxes.group_contains_itself", error.ErrorCode);
    }

    [Fact]
    public void Group_ContainingAGroup_ThrowsNestedGroup()
    {
        var inner = Tax.Group(2, Company, "inner", [Percent(1, 10m)]);

        var error = Assert.Throws<NestedTaxGroupException>(() => Tax.Group(3, Company, "outer", [inner]));

        Assert.Equal("taxes.nested_group", error.ErrorCode);
        Assert.Equal(2, error.ChildId);
    }

    [Fact]
    public void Group_ChildOfAnotherCompany_ThrowsForeignCompany()
    {
        var foreign = new Tax(1, "other", "VAT", TaxAmountType.Percent, 21m);

        var error = Assert.Throws<TaxFromAnotherCompanyException>(() => Tax.Group(2, Company, "G", [foreign]));

        Assert.Equal("taxes.foreign_company", error.ErrorCode);
    }

    [Fact]
    public void Group_Empty_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Tax.Group(2, Company, "G", []));

    [Fact]
    public void Constructor_DivisionHundredPercentExcluded_ThrowsDivisionRate100()
    {
        var error = Assert.Throws<DivisionTaxOfHundredPercentException>(() => Division(1, 100m));

        Assert.Equal("taxes.division_rate_100", error.ErrorCode);
    }

    [Fact]
    public void Constructor_DivisionHundredPercentIncluded_IsAccepted() =>
        Assert.Equal(100m, Division(1, 100m, included: true).Amount);

    [Theory]
    [InlineData(TaxAmountType.Percent, "100.01")]
    [InlineData(TaxAmountType.Division, "-100.5")]
    public void Constructor_RateOutsideMinusHundredToHundred_ThrowsOutOfRange(TaxAmountType type, string rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tax(1, Company, "T", type, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Constructor_GroupType_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Tax(1, Company, "T", TaxAmountType.Group, 0m));

    [Fact]
    public void Constructor_BlankCompany_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Tax(1, " ", "T", TaxAmountType.Percent, 1m));

    [Fact]
    public void TaxLine_NegativeQuantityOnNonRefund_ThrowsNegativeQuantity()
    {
        var config = Config();

        var error = Assert.Throws<NegativeQuantityException>(() => new TaxLine(10m, -1m, config.CreateSet()));

        Assert.Equal("taxes.negative_quantity", error.ErrorCode);
    }

    [Fact]
    public void TaxLine_NegativeQuantityOnRefund_IsAccepted()
    {
        var config = Config();

        Assert.Equal(-1m, new TaxLine(10m, -1m, config.CreateSet(), isRefund: true).Quantity);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.5")]
    public void TaxLine_DiscountOutOfRange_ThrowsOutOfRange(string discount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxLine(10m, 1m, Config().CreateSet(), decimal.Parse(discount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void CreateSet_TaxOfAnotherCompany_ThrowsForeignCompany()
    {
        var config = Config(Percent(1, 21m));
        var foreign = new Tax(1, "other", "VAT", TaxAmountType.Percent, 21m);

        var error = Assert.Throws<TaxFromAnotherCompanyException>(() => config.CreateSet(foreign));

        Assert.Equal("other", error.TaxCompanyId);
    }

    [Fact]
    public void Constructor_TaxOfAnotherCompany_ThrowsForeignCompany() =>
        Assert.Throws<TaxFromAnotherCompanyException>(() => new TaxConfiguration(Company, "BE", [new Tax(1, "other", "VAT", TaxAmountType.Percent, 21m)]));

    [Fact]
    public void ComputeLine_SetOfAnotherCompanysConfiguration_ThrowsForeignCompany()
    {
        var tax = new Tax(1, "other", "VAT", TaxAmountType.Percent, 21m);
        var other = new TaxConfiguration("other", "FR", [tax]);
        var mine = Config();

        Assert.Throws<TaxFromAnotherCompanyException>(() => mine.ComputeLine(new TaxLine(10m, 1m, other.CreateSet(tax)), Currency.Eur));
    }

    [Fact]
    public void CreateSet_UnregisteredTax_ThrowsUnknownTax()
    {
        var config = Config(Percent(1, 21m));

        var error = Assert.Throws<UnknownTaxException>(() => config.CreateSet(Percent(2, 6m)));

        Assert.Equal("taxes.unknown_tax", error.ErrorCode);
    }

    [Fact]
    public void Constructor_TwoTaxesWithTheSameId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Config(Percent(1, 21m), Percent(1, 6m)));

    [Fact]
    public void ComputeLine_DefaultLine_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Config().ComputeLine(default, Currency.Eur));

    [Fact]
    public void ComputeLine_CurrencyNone_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Config().ComputeLine(new TaxLine(1m, 1m, Config().CreateSet()), Currency.None));

    [Fact]
    public void ComputeLine_ZeroStep_ThrowsOutOfRange()
    {
        var config = Config();

        Assert.Throws<ArgumentOutOfRangeException>(() => config.ComputeLine(new TaxLine(1m, 1m, config.CreateSet()), Currency.Eur, TaxRoundingMethod.PerLine, 0m));
    }

    [Theory]
    [InlineData("5.625", "0.01", "5.63")]
    [InlineData("66.6666665", "0.000001", "66.666667")]
    [InlineData("-5.625", "0.01", "-5.63")]
    [InlineData("47.619", "0.05", "47.60")]
    [InlineData("47.625", "0.05", "47.65")]
    [InlineData("1234.5", "1", "1235")]
    public void Round_HalfUpOnMagnitude_AtTheStep(string value, string step, string expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(D(expected), new TaxRounding(D(step)).Round(D(value)));
    }
}
