using Subscriptions.Taxes;
using static Subscriptions.Core.Tests.Taxes.TaxTestData;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>The worked examples of TAXES.md §1, §2 and §2b, one line at a time.</summary>
public class TaxConfigurationTests
{
    [Fact]
    public void CreateSet_GroupAndDivision_EvaluatesDivisionThenGroupChildrenInTheirOrder()
    {
        var fixedTax = Fixed(10, 1m, sequence: 2);
        var percent = Percent(11, 10m, sequence: 3);
        var group = Tax.Group(12, Company, "G", [percent, fixedTax], sequence: 4);
        var division = Division(13, 5m, sequence: 1);
        var config = Config(group, division);

        var set = config.CreateSet(group, division);

        Assert.Equal([13, 10, 11], set.Taxes.Select(t => t.Id));
    }

    [Fact]
    public void CreateSet_GroupChildWithHighSequence_KeepsTheGroupsPosition()
    {
        var child = Percent(1, 10m, sequence: 9);
        var group = Tax.Group(2, Company, "G", [child], sequence: 1);
        var later = Percent(3, 5m, sequence: 5);
        var config = Config(group, later);

        Assert.Equal([1, 3], config.CreateSet(later, group).Taxes.Select(t => t.Id));
    }

    [Fact]
    public void AdaptPrice_GroupChildWithHighSequence_ComputesInTheGroupsOrder()
    {
        // 110 included under a 10% included tax is 100; the new set (group [10% excl, affecting] then 5% included)
        // adds back only the included 5% computed as excluded on 100 + 10 = 110: 5.5.
        var original = Percent(1, 10m, included: true);
        var child = Percent(2, 10m, sequence: 9, includeBase: true);
        var group = Tax.Group(3, Company, "G", [child], sequence: 1);
        var later = Percent(4, 5m, sequence: 5, included: true);
        var config = Config(original, group, later);

        Assert.Equal(105.5m, config.AdaptPrice(110m, config.CreateSet(original), config.CreateSet(later, group)));
    }

    [Fact]
    public void CreateSet_SameSequence_OrdersById()
    {
        var a = Percent(7, 10m, sequence: 5);
        var b = Percent(3, 10m, sequence: 5);
        var config = Config(a, b);

        Assert.Equal([3, 7], config.CreateSet(a, b).Taxes.Select(t => t.Id));
    }

    [Fact]
    public void CreateSet_TaxTwiceAfterFlattening_KeepsItOnce()
    {
        var vat = Percent(1, 21m);
        var group = Tax.Group(2, Company, "G", [vat, Fixed(3, 1m)]);
        var config = Config(group, vat);

        var set = config.CreateSet(vat, group, vat);

        Assert.Equal(2, set.Count);
        Assert.Single(set.Taxes, t => t.Id == 1);
    }

    [Fact]
    public void CreateSet_AdjacentTaxes_BatchesBySameTypeIncludedAndIncludeBase()
    {
        var a = Percent(1, 6m, sequence: 1, included: true);
        var b = Percent(2, 6m, sequence: 2, included: true);
        var c = Percent(3, 10m, sequence: 3);
        var d = Percent(4, 4m, sequence: 4, includeBase: true);
        var e = Percent(5, 4m, sequence: 5, includeBase: true, affected: true);
        var f = Percent(6, 4m, sequence: 6, includeBase: true, affected: false);
        var config = Config(a, b, c, d, e, f);

        var batches = config.CreateSet(a, b, c, d, e, f).Batches();

        // d and e both include the base and e is base-affected: separate batches; e and f join (f is not affected).
        Assert.Equal([(0, 2), (2, 1), (3, 1), (4, 2)], batches);
    }

    [Fact]
    public void ComputeLine_DivisionTenPercentExcludedOn200_Gives2222()
    {
        var result = PerLine(200m, Division(1, 10m));

        Assert.Equal(22.22m, result.Taxes[0].Amount.Amount);
        Assert.Equal(222.22m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_DivisionHundredPercentIncludedOn100_GivesTax100OnBaseZero()
    {
        var result = PerLine(100m, Division(1, 100m, included: true));

        Assert.Equal(100m, result.Taxes[0].Amount.Amount);
        Assert.Equal(0m, result.Taxes[0].Base.Amount);
        Assert.Equal(0m, result.TotalExcluded.Amount);
        Assert.Equal(100m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_DivisionBatchSummingToHundredPercent_UsesMultiplierOne()
    {
        var result = PerLine(100m, Division(1, 60m), Division(2, 40m, sequence: 2));

        Assert.Equal([60m, 40m], Amounts(result));
    }

    [Fact]
    public void ComputeLine_IncludedPercentBatchSummingToMinusHundred_GivesZero()
    {
        var result = PerLine(100m, Percent(1, -60m, included: true), Percent(2, -40m, sequence: 2, included: true));

        Assert.Equal([0m, 0m], Amounts(result));
        Assert.Equal(100m, result.TotalExcluded.Amount);
    }

    [Fact]
    public void ComputeLine_Discount_AppliesToUnitPriceBeforeTaxThenQuantity()
    {
        var vat = Percent(1, 21m);
        var config = Config(vat);

        var result = config.ComputeLine(new TaxLine(100m, 2m, config.CreateSet(vat), discountPercent: 10m), Currency.Eur);

        Assert.Equal(180m, result.TotalExcluded.Amount);
        Assert.Equal(37.80m, result.Taxes[0].Amount.Amount);
    }

    [Fact]
    public void ComputeLine_TwoIncludedSixPercentTaxesOn1779_ExtractEachFromTheBatch()
    {
        var result = Line(17.79m, 1m, TaxRoundingMethod.PerLine, 0.000001m, Percent(1, 6m, included: true), Percent(2, 6m, sequence: 2, included: true));

        Assert.Equal([0.953036m, 0.953036m], Amounts(result));
        Assert.Equal(17.79m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_FiveDivisionTaxesOf3265Percent_GrossUp3233To4800297()
    {
        var result = Line(
            32.33m,
            1m,
            TaxRoundingMethod.Globally,
            0.01m,
            Division(1, 5m),
            Division(2, 10m, sequence: 2),
            Division(3, 7.65m, sequence: 3),
            Division(4, 5m, sequence: 4),
            Division(5, 5m, sequence: 5));

        Assert.Equal(48.00297m, decimal.Round(result.TotalIncluded.Amount, 5, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void ComputeLine_MinusTwentyThenAffectingFourThenTwentyTwoOn50_PropagatesTheFourPercent()
    {
        var result = PerLine(50m, Percent(1, -20m, sequence: 1), Percent(2, 4m, sequence: 2, includeBase: true), Percent(3, 22m, sequence: 3));

        Assert.Equal([-10m, 2m, 11.44m], Amounts(result));
        Assert.Equal([50m, 50m, 52m], Bases(result));
        Assert.Equal(53.44m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_FixedAffectingBaseBeforeIncludedPercent_EnlargesTheGross()
    {
        var result = PerLine(120m, Fixed(1, 1m, sequence: 1, includeBase: true), Percent(2, 21m, sequence: 2, included: true));

        Assert.Equal([1m, 21m], Amounts(result));
        Assert.Equal([99m, 100m], Bases(result));
        Assert.Equal(99m, result.TotalExcluded.Amount);
        Assert.Equal(121m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_IncludedTaxWithoutIncludeBase_SubtractsFromEarlierTaxBase()
    {
        // An excluded 10% before a 21% included one: the included tax is extracted first (pass 2) and shifts the base
        // of the earlier, not yet computed, excluded tax, which then sees 100.
        var result = PerLine(121m, Percent(1, 10m, sequence: 1), Percent(2, 21m, sequence: 2, included: true));

        Assert.Equal([10m, 21m], Amounts(result));
        Assert.Equal([100m, 100m], Bases(result));
        Assert.Equal(131m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_IncludedWithIncludeBase_ShiftsOnlyLaterNonAffectedTaxes()
    {
        var result = PerLine(110m, Percent(1, 10m, sequence: 1, included: true, includeBase: true), Percent(2, 5m, sequence: 2), Percent(3, 5m, sequence: 3, affected: false));

        // 10% extracted from 110 = 10; the affected 5% sees 110 (base includes the tax), the non-affected one 100.
        Assert.Equal([10m, 5.5m, 5m], Amounts(result));
        Assert.Equal([100m, 110m, 100m], Bases(result));
    }

    [Fact]
    public void ComputeLine_TwelvePercentIncludedOn5250PerLine_RoundsTaxFirstAndBaseIsTheRest()
    {
        var result = PerLine(52.50m, Percent(1, 12m, included: true));

        Assert.Equal(5.63m, result.Taxes[0].Amount.Amount);
        Assert.Equal(46.87m, result.Taxes[0].Base.Amount);
        Assert.Equal(46.87m, result.TotalExcluded.Amount);
        Assert.Equal(5.625m, result.Taxes[0].RawAmount);
    }

    [Fact]
    public void ComputeLine_TwelvePercentIncludedOn5250Globally_KeepsRawValues()
    {
        var result = Line(52.50m, 1m, TaxRoundingMethod.Globally, 0.01m, Percent(1, 12m, included: true));

        Assert.Equal(5.625m, result.Taxes[0].Amount.Amount);
        Assert.Equal(46.875m, result.Taxes[0].Base.Amount);
    }

    [Fact]
    public void ComputeLine_IncludedFixedOnZeroPrice_StillProducesItsAmount()
    {
        var result = PerLine(0m, Fixed(1, 0.05m, included: true));

        Assert.Equal(0.05m, result.Taxes[0].Amount.Amount);
        Assert.Equal(-0.05m, result.Taxes[0].Base.Amount);
        Assert.Equal(-0.05m, result.TotalExcluded.Amount);
        Assert.Equal(0m, result.TotalIncluded.Amount);
    }

    [Theory]
    [InlineData("132", "100", "154")]
    [InlineData("-132", "-100", "-154")]
    public void ComputeLine_NegativePrice_MirrorsThePositiveComputation(string price, string excluded, string included)
    {
        var result = PerLine(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), Percent(1, 32m, included: true), Percent(2, 22m, sequence: 2));

        Assert.Equal(decimal.Parse(excluded, System.Globalization.CultureInfo.InvariantCulture), result.TotalExcluded.Amount);
        Assert.Equal(decimal.Parse(included, System.Globalization.CultureInfo.InvariantCulture), result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_FixedTaxesPerUnit_MultiplyByQuantity()
    {
        var result = Line(10m, 5m, TaxRoundingMethod.PerLine, 0.01m, Fixed(1, 1m), Fixed(2, 2m, sequence: 2));

        Assert.Equal([5m, 10m], Amounts(result));
    }

    [Theory]
    [InlineData("-10", "-2", "2", "20")]
    [InlineData("-10", "2", "-2", "-20")]
    [InlineData("0", "-1", "-1", "0")]
    [InlineData("0", "1", "1", "0")]
    public void ComputeLine_FixedTaxSign_FollowsPriceSignTimesQuantity(string price, string quantity, string amount, string @base)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var result = Line(D(price), D(quantity), TaxRoundingMethod.PerLine, 0.01m, Fixed(1, 1m));

        Assert.Equal(D(amount), result.Taxes[0].Amount.Amount);
        Assert.Equal(D(@base), result.Taxes[0].Base.Amount);
    }

    [Fact]
    public void ComputeLine_NegativeRatesInsideGroup_AreOrdinaryNegativeTaxes()
    {
        var vat = Percent(1, 21m, sequence: 1);
        var withholding = Percent(2, -47m, sequence: 2);
        var group = Tax.Group(3, Company, "VAT + withholding", [vat, withholding]);
        var config = Config(group);

        var result = config.ComputeLine(new TaxLine(100m, 1m, config.CreateSet(group)), Currency.Eur);

        Assert.Equal([21m, -47m], Amounts(result));
        Assert.Equal(74m, result.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeLine_CashRoundingStep_RoundsToFiveCents()
    {
        var result = Line(100m, 1m, TaxRoundingMethod.PerLine, 0.05m, Percent(1, 5m, included: true));

        // 100 - 100/1.05 = 4.7619... -> 4.75 at 0.05.
        Assert.Equal(4.75m, result.Taxes[0].Amount.Amount);
    }

    [Fact]
    public void ComputeLine_NoTaxes_TotalsAreTheRawBase()
    {
        var config = Config();

        var result = config.ComputeLine(new TaxLine(12.345m, 2m, config.CreateSet()), Currency.Eur);

        Assert.Equal(24.69m, result.TotalExcluded.Amount);
        Assert.Equal(24.69m, result.TotalIncluded.Amount);
        Assert.Empty(result.Taxes);
    }

    [Fact]
    public void Explain_PerLineIncludedTax_NamesBaseAmountInclusionAndRounding()
    {
        var text = PerLine(52.50m, Percent(1, 12m, included: true)).Explain();

        Assert.Contains("rounded per line", text, StringComparison.Ordinal);
        Assert.Contains("price-included", text, StringComparison.Ordinal);
        Assert.Contains("base 46.87", text, StringComparison.Ordinal);
        Assert.Contains("amount 5.63", text, StringComparison.Ordinal);
        Assert.Contains("raw 5.625", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AdaptPrice_Table_MatchesTaxesMdSection33()
    {
        var incl21 = Percent(1, 21m, included: true);
        var incl6 = Percent(2, 6m, included: true);
        var excl15 = Percent(3, 15m);
        var excl21 = Percent(4, 21m);
        var fixedIncl = Fixed(5, 10m, included: true);
        var fixedExcl = Fixed(6, 10m);
        var config = Config(incl21, incl6, excl15, excl21, fixedIncl, fixedExcl);

        Assert.Equal(106m, config.AdaptPrice(121m, config.CreateSet(incl21), config.CreateSet(incl6)));
        Assert.Equal(100m, config.AdaptPrice(100m, config.CreateSet(excl15), config.CreateSet(incl6)));
        Assert.Equal(100m, config.AdaptPrice(121m, config.CreateSet(incl21), config.CreateSet(excl21)));
        Assert.Equal(100m, config.AdaptPrice(100m, config.CreateSet(excl15), config.CreateSet(excl21)));
        Assert.Equal(100m, config.AdaptPrice(100m, config.CreateSet(fixedIncl, excl15), config.CreateSet(fixedIncl, incl6)));
        Assert.Equal(100m, config.AdaptPrice(100m, config.CreateSet(fixedExcl, incl21), config.CreateSet(fixedExcl, excl21)));
        Assert.Equal(121m, config.AdaptPrice(121m, config.CreateSet(incl21), config.CreateSet(incl21)));
    }
}
