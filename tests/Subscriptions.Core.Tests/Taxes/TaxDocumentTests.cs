using Subscriptions.Taxes;
using static Subscriptions.Core.Tests.Taxes.TaxTestData;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>Document-level rounding (TAXES.md §2, "Document level").</summary>
public class TaxDocumentTests
{
    private static TaxDocumentResult Document(TaxRoundingMethod method, Tax tax, params (decimal Price, decimal Quantity)[] lines)
    {
        var config = Config(method, tax);
        var set = config.CreateSet(tax);
        return config.ComputeDocument(lines.Select(l => new TaxLine(l.Price, l.Quantity, set)).ToArray(), Currency.Eur);
    }

    [Fact]
    public void ComputeDocument_SevenLinesAtSixteenIncludedPerLine_SumsRoundedLines()
    {
        var prices = new[] { 1199m, 1999m, 1699m, 11999m, 11999m, 11999m, 10999m };

        var result = Document(TaxRoundingMethod.PerLine, Percent(1, 16m, included: true), prices.Select(p => (p, 1m)).ToArray());

        Assert.Equal(44735.37m, result.Untaxed.Amount);
        Assert.Equal(7157.63m, result.TaxAmount.Amount);
        Assert.Equal(51893.00m, result.Total.Amount);
        Assert.Equal(7157.63m, result.TaxTotals[0].Amount.Amount);
    }

    [Fact]
    public void ComputeDocument_TwoLinesOf2153AtTwentyOneIncludedGlobally_PushesTheDifferenceOntoOneLine()
    {
        var result = Document(TaxRoundingMethod.Globally, Percent(1, 21m, included: true), (21.53m, 1m), (21.53m, 1m));

        Assert.Equal(35.59m, result.Untaxed.Amount);
        Assert.Equal(7.47m, result.TaxAmount.Amount);
        Assert.Equal(43.06m, result.Total.Amount);
        var first = result.Lines[0];
        var second = result.Lines[1];
        Assert.Equal(17.80m, first.TotalExcluded.Amount);
        Assert.Equal(3.73m, first.Taxes[0].Amount.Amount);
        Assert.Equal(17.80m, first.Taxes[0].Base.Amount);
        Assert.Equal(0.01m, first.Taxes[0].BaseAdjustment);
        Assert.Equal(-0.01m, first.Taxes[0].AmountAdjustment);
        Assert.Equal(21.53m, first.TotalIncluded.Amount);
        Assert.Equal(17.79m, second.TotalExcluded.Amount);
        Assert.Equal(3.74m, second.Taxes[0].Amount.Amount);
        Assert.Equal(21.53m, second.TotalIncluded.Amount);
    }

    [Fact]
    public void ComputeDocument_OneStepOfATaxGlobally_GoesToTheLargestLineWithThatTax()
    {
        // Tax B: 0.0105 + 0.0147 = 0.0252 rounds to 0.03 against 0.01 + 0.01, one step to push. The largest line of
        // the document (100, tax A) does not have B; of B's lines the 0.07 one is the larger and takes the step.
        var a = Percent(1, 10m);
        var b = Percent(2, 21m);
        var config = Config(TaxRoundingMethod.Globally, a, b);
        var lines = new[]
        {
            new TaxLine(100m, 1m, config.CreateSet(a)),
            new TaxLine(0.05m, 1m, config.CreateSet(b)),
            new TaxLine(0.07m, 1m, config.CreateSet(b)),
        };

        var result = config.ComputeDocument(lines, Currency.Eur);

        Assert.Equal(0.03m, result.TaxTotals.Single(t => t.Tax == b).Amount.Amount);
        Assert.Equal(0.01m, result.Lines[1].Taxes[0].Amount.Amount);
        Assert.Equal(0.00m, result.Lines[1].Taxes[0].AmountAdjustment);
        Assert.Equal(0.02m, result.Lines[2].Taxes[0].Amount.Amount);
        Assert.Equal(0.01m, result.Lines[2].Taxes[0].AmountAdjustment);
    }

    [Fact]
    public void ComputeDocument_TwoLinesOf2153PerLine_KeepsLineRounding()
    {
        var result = Document(TaxRoundingMethod.PerLine, Percent(1, 21m, included: true), (21.53m, 1m), (21.53m, 1m));

        Assert.Equal(35.58m, result.Untaxed.Amount);
        Assert.Equal(7.48m, result.TaxAmount.Amount);
        Assert.Equal(43.06m, result.Total.Amount);
    }

    [Theory]
    [InlineData(TaxRoundingMethod.PerLine, "293.78", "67.56")]
    [InlineData(TaxRoundingMethod.Globally, "293.79", "67.57")]
    public void ComputeDocument_TwoLinesOf1212By1212AtTwentyThree_RoundsPerMethod(TaxRoundingMethod method, string untaxed, string tax)
    {
        var result = Document(method, Percent(1, 23m), (12.12m, 12.12m), (12.12m, 12.12m));

        Assert.Equal(decimal.Parse(untaxed, System.Globalization.CultureInfo.InvariantCulture), result.Untaxed.Amount);
        Assert.Equal(decimal.Parse(tax, System.Globalization.CultureInfo.InvariantCulture), result.TaxAmount.Amount);
        Assert.Equal(result.Untaxed.Amount, result.Lines.Sum(l => l.TotalExcluded.Amount));
        Assert.Equal(result.TaxAmount.Amount, result.Lines.Sum(l => l.TaxAmount.Amount));
    }

    [Fact]
    public void ComputeDocument_TwoLinesOf1212By1212Globally_LineValuesRoundTo3379AndGiveBackOneCent()
    {
        var result = Document(TaxRoundingMethod.Globally, Percent(1, 23m), (12.12m, 12.12m), (12.12m, 12.12m));

        // Each raw line tax 33.785712 rounds to 33.79 (2 x 33.79 = 67.58) against the document's round(67.571424) = 67.57.
        Assert.All(result.Lines, l => Assert.Equal(33.79m, decimal.Round(l.Taxes[0].RawAmount, 2, MidpointRounding.AwayFromZero)));
        Assert.Equal(-0.01m, result.Lines.Sum(l => l.Taxes[0].AmountAdjustment));
        Assert.Equal(0.01m, result.Lines.Sum(l => l.TotalExcludedAdjustment));
    }

    [Fact]
    public void ComputeDocument_GlobalDifference_GoesToTheLargestLineFirst()
    {
        var result = Document(TaxRoundingMethod.Globally, Percent(1, 21m, included: true), (21.53m, 1m), (50.03m, 1m), (21.53m, 1m));

        var adjusted = result.Lines.Select((l, i) => (l.Taxes[0].AmountAdjustment, i)).Where(p => p.AmountAdjustment != 0m).ToArray();
        Assert.All(adjusted, p => Assert.Equal(1, p.i));
        Assert.Equal(result.TaxAmount.Amount, result.Lines.Sum(l => l.TaxAmount.Amount));
        Assert.Equal(result.Untaxed.Amount, result.Lines.Sum(l => l.TotalExcluded.Amount));
    }

    [Fact]
    public void ComputeDocument_DifferenceOfSeveralUnits_SharesThemByTotalInLineOrder()
    {
        // Four lines of 0.05 at 10%: each raw tax 0.005 rounds to 0.01 (0.04 in all) against round(0.02) = 0.02 on the
        // document. Equal totals give each line a factor of 1/4: ceil(1/4 x 2) = 1 unit to the first two lines.
        var result = Document(TaxRoundingMethod.Globally, Percent(1, 10m), (0.05m, 1m), (0.05m, 1m), (0.05m, 1m), (0.05m, 1m));

        Assert.Equal(0.02m, result.TaxAmount.Amount);
        Assert.Equal([0m, 0m, 0.01m, 0.01m], result.Lines.Select(l => l.Taxes[0].Amount.Amount));
        Assert.Equal([-0.01m, -0.01m, 0m, 0m], result.Lines.Select(l => l.Taxes[0].AmountAdjustment));
    }

    [Fact]
    public void ComputeDocument_TwoTaxes_ReportsEachTaxTotal()
    {
        var vat = Percent(1, 21m);
        var eco = Fixed(2, 0.5m, sequence: 2);
        var config = Config(vat, eco);
        var set = config.CreateSet(vat, eco);

        var result = config.ComputeDocument([new TaxLine(10m, 2m, set), new TaxLine(5m, 1m, set)], Currency.Eur);

        Assert.Equal(2, result.TaxTotals.Count);
        Assert.Equal(5.25m, result.TaxTotals[0].Amount.Amount);
        Assert.Equal(25m, result.TaxTotals[0].Base.Amount);
        Assert.Equal(1.5m, result.TaxTotals[1].Amount.Amount);
        Assert.Equal(31.75m, result.Total.Amount);
        Assert.Contains($"total {result.Total}", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeDocument_RefundOfEveryLine_IsTheNegatedDocument()
    {
        var tax = Percent(1, 21m, included: true);
        var config = Config(TaxRoundingMethod.Globally, tax);
        var set = config.CreateSet(tax);
        TaxLine[] lines = [new(21.53m, 1m, set), new(21.53m, 1m, set), new(3.33m, 3m, set)];

        var invoice = config.ComputeDocument(lines, Currency.Eur);
        var refund = config.ComputeDocument(lines.Select(l => l.ToRefund()).ToArray(), Currency.Eur);

        Assert.Equal(-invoice.Total, refund.Total);
        Assert.Equal(-invoice.Untaxed, refund.Untaxed);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal(-invoice.Lines[i].TotalExcluded, refund.Lines[i].TotalExcluded);
            Assert.Equal(-invoice.Lines[i].Taxes[0].Amount, refund.Lines[i].Taxes[0].Amount);
        }
    }

    [Fact]
    public void ComputeDocument_Empty_IsZero()
    {
        var config = Config();

        var result = config.ComputeDocument([], Currency.Eur);

        Assert.Equal(Money.Zero(Currency.Eur), result.Total);
        Assert.Empty(result.TaxTotals);
    }

    [Fact]
    public void Explain_GlobalDocument_SaysWhereRoundingHappened()
    {
        var text = Document(TaxRoundingMethod.Globally, Percent(1, 21m, included: true), (21.53m, 1m), (21.53m, 1m)).Explain();

        Assert.Contains("globally on the document", text, StringComparison.Ordinal);
        Assert.Contains("global rounding moved 0.01 onto the base and -0.01 onto the amount", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaxRoundingMethod.PerLine)]
    [InlineData(TaxRoundingMethod.Globally)]
    public void ComputeDocument_LinesWithDifferentTaxCounts_EachLineReportsOnlyItsOwnTaxes(TaxRoundingMethod method)
    {
        var vat = Percent(1, 21m, sequence: 2);
        var eco = Fixed(2, 0.5m, sequence: 1, includeBase: true);
        var config = Config(method, vat, eco);
        TaxLine[] lines = [new(10m, 1m, config.CreateSet(vat, eco)), new(20m, 2m, config.CreateSet()), new(30m, 1m, config.CreateSet(vat))];

        var result = config.ComputeDocument(lines, Currency.Eur);

        Assert.Equal([2, 1], result.Lines[0].Taxes.Select(t => t.Tax.Id));
        Assert.Empty(result.Lines[1].Taxes);
        Assert.Equal([1], result.Lines[2].Taxes.Select(t => t.Tax.Id));
        Assert.Equal([2.21m, 0m, 6.30m], result.Lines.Select(l => l.TaxAmount.Amount - (l.Taxes.Count > 1 ? 0.5m : 0m)));
        Assert.Equal(10.50m + 2.21m + 40m + 30m + 6.30m, result.Total.Amount);
    }

    [Fact]
    public void ComputeDocument_ListsAndOtherReadOnlyLists_GiveTheSameResultAsAnArray()
    {
        var included = Percent(1, 21m, included: true);
        var config = Config(TaxRoundingMethod.Globally, included);
        var set = config.CreateSet(included);
        decimal[] prices = [21.53m, 21.53m, 5.00m];
        var lines = prices.Select(p => new TaxLine(p, 1m, set)).ToArray();

        var fromArray = config.ComputeDocument(lines, Currency.Eur).Explain();

        Assert.Equal(fromArray, config.ComputeDocument(lines.ToList(), Currency.Eur).Explain());
        Assert.Equal(fromArray, config.ComputeDocument(Array.AsReadOnly(lines), Currency.Eur).Explain());
        Assert.Contains("global rounding moved", fromArray, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeDocument_GlobalDifferenceOfATax_GoesToTheFirstOfTheLargestLinesThatHaveIt()
    {
        var other = Percent(1, 10m);
        var vat = Percent(2, 21m, included: true);
        var config = Config(TaxRoundingMethod.Globally, other, vat);
        TaxLine[] lines = [new(500m, 1m, config.CreateSet(other)), new(21.53m, 1m, config.CreateSet(vat)), new(21.53m, 1m, config.CreateSet(vat))];

        var result = config.ComputeDocument(lines, Currency.Eur);

        // The two VAT lines tie (21.53 each); the 500.00 line is larger but has no VAT, so it takes none of the VAT's cent.
        Assert.Equal(-0.01m, result.Lines[1].Taxes[0].AmountAdjustment);
        Assert.Equal(0.01m, result.Lines[1].Taxes[0].BaseAdjustment);
        Assert.Equal(0m, result.Lines[2].Taxes[0].AmountAdjustment);
        Assert.Equal(0m, result.Lines[0].Taxes[0].AmountAdjustment);
        Assert.Equal(7.47m, result.TaxTotals.Single(t => t.Tax.Id == 2).Amount.Amount);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void ComputeDocument_LineTotalsEqualAsDoubles_TheExactlyLargerTakesTheStep(bool largerFirst, int expectedLine)
    {
        // 10.004 + 10.004 rounds to 20.01 against 10.00 + 10.00: one cent to push onto the larger line. The two totals
        // differ only in their 19th decimal, far past a double's precision: only the exact comparison tells them apart.
        var config = Config(TaxRoundingMethod.Globally, Percent(1, 21m));
        var none = config.CreateSet();
        var (smaller, larger) = (10.0040000000000000001m, 10.0040000000000000002m);
        TaxLine[] lines = largerFirst ? [new(larger, 1m, none), new(smaller, 1m, none)] : [new(smaller, 1m, none), new(larger, 1m, none)];
        Assert.Equal((double)smaller, (double)larger);

        var result = config.ComputeDocument(lines, Currency.Eur);

        Assert.Equal(20.01m, result.Untaxed.Amount);
        Assert.Equal(0.01m, result.Lines[expectedLine].TotalExcludedAdjustment);
        Assert.Equal(0m, result.Lines[1 - expectedLine].TotalExcludedAdjustment);
    }

    [Fact]
    public void ComputeDocument_BeyondTheReusedScratch_ManyLinesTaxesAndTaxesPerLine_LinesAddUpToTheRoundedTotals()
    {
        // 100 lines, a configuration of 20 taxes and lines carrying all 20: every working area is past the sizes a
        // thread's reused scratch serves. A small document computed between two runs must not leak into the next.
        var taxes = Enumerable.Range(1, 20).Select(i => Percent(i, 1m + (i * 0.37m), sequence: i)).ToArray();
        var config = Config(TaxRoundingMethod.Globally, taxes);
        var all = config.CreateSet(taxes);
        var two = config.CreateSet(taxes[3], taxes[11]);
        var lines = Enumerable.Range(0, 100).Select(i => new TaxLine(0.333m + (i * 1.0101m), 1 + (i % 3), i % 3 == 0 ? all : two)).ToArray();

        var first = config.ComputeDocument(lines, Currency.Eur);
        var small = config.ComputeDocument([new TaxLine(1.005m, 1m, two)], Currency.Eur);
        var again = config.ComputeDocument(lines, Currency.Eur);

        Assert.Equal(1.01m, small.Untaxed.Amount);
        foreach (var result in new[] { first, again })
        {
            Assert.Equal(20, result.TaxTotals.Count);
            Assert.Equal(result.Untaxed.Amount, result.Lines.Sum(l => l.TotalExcluded.Amount));
            foreach (var total in result.TaxTotals)
            {
                var details = result.Lines.SelectMany(l => l.Taxes).Where(d => d.Tax == total.Tax).ToArray();
                Assert.Equal(decimal.Round(details.Sum(d => d.RawAmount), 2, MidpointRounding.AwayFromZero), total.Amount.Amount);
                Assert.Equal(total.Amount.Amount, details.Sum(d => d.Amount.Amount));
                Assert.Equal(total.Base.Amount, details.Sum(d => d.Base.Amount));
            }
        }

        Assert.Equal(first.Total, again.Total);
        Assert.Equal(first.Lines.SelectMany(l => l.Taxes).Select(d => d.Amount), again.Lines.SelectMany(l => l.Taxes).Select(d => d.Amount));
    }
}
