using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;
using Subscriptions.Testing;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>The invariants of TAXES.md as FsCheck properties (1,000 cases each).</summary>
public class TaxPropertyTests
{
    [Fact]
    public void ComputeLine_OnlyPriceIncludedTaxesPerLine_TotalEqualsThePrice()
    {
        var cases =
            from taxes in Generators.IncludedTaxes
            from price in Generators.TaxablePrice
            from quantity in Generators.TaxableQuantity
            from currency in Generators.TaxCurrency
            select (taxes, price, quantity, currency);

        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var config = new TaxConfiguration("gen", "BE", c.taxes);
            var result = config.ComputeLine(new TaxLine(c.price, c.quantity, config.CreateSet(c.taxes)), c.currency);
            var expected = decimal.Round(c.price * c.quantity, c.currency.MinorUnits, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, result.TotalIncluded.Amount);
            Assert.Equal(expected, result.TotalExcluded.Amount + result.Taxes.Sum(t => t.Amount.Amount));
        }));
    }

    [Fact]
    public void ComputeLine_OnlyPriceIncludedTaxesGlobally_RawTotalEqualsThePrice()
    {
        var cases =
            from taxes in Generators.IncludedTaxes
            from price in Generators.TaxablePrice
            from quantity in Generators.TaxableQuantity
            select (taxes, price, quantity);

        PropertyCheck.Check(Prop.ForAll(Arb.From(cases), c =>
        {
            var config = new TaxConfiguration("gen", "BE", c.taxes, TaxRoundingMethod.Globally);
            var result = config.ComputeLine(new TaxLine(c.price, c.quantity, config.CreateSet(c.taxes)), Currency.Eur);
            Assert.True(Math.Abs((c.price * c.quantity) - result.TotalIncluded.Amount) < 0.0000000001m, result.Explain());
        }));
    }

    [Fact]
    public void ComputeDocument_Globally_EachTotalDiffersFromTheSumOfRoundedLinesByLessThanOneUnitPerLine()
    {
        // Reading of "global and per-line rounding differ by less than one minor unit per line": for the untaxed amount
        // and for each tax, the rounded document total differs from the sum of the lines' individually rounded raw
        // values by less than one minor unit per line (at most half a unit per line plus half a unit).
        PropertyCheck.Check(Prop.ForAll(Arb.From(Generators.TaxDocument(TaxRoundingMethod.Globally)), c =>
        {
            var result = c.Configuration.ComputeDocument(c.Lines, c.Currency);
            var unit = c.Currency.MinorUnit;
            decimal Round(decimal x) => decimal.Round(x, c.Currency.MinorUnits, MidpointRounding.AwayFromZero);
            var untaxedPerLine = result.Lines.Sum(l => Round(l.RawTotalExcluded));
            Assert.True(Math.Abs(result.Untaxed.Amount - untaxedPerLine) < c.Lines.Length * unit, $"untaxed for {c}");
            foreach (var total in result.TaxTotals)
            {
                var details = result.Lines.SelectMany(l => l.Taxes).Where(t => t.Tax == total.Tax).ToArray();
                var perLine = details.Sum(t => Round(t.RawAmount));
                Assert.True(Math.Abs(total.Amount.Amount - perLine) < details.Length * unit, $"{total} for {c}");
            }
        }));
    }

    [Fact]
    public void ComputeDocument_GlobalVersusPerLineMode_DifferWithinTheRoundingBound()
    {
        // Round-per-line rounds the base before computing the tax, so each line can move by half a unit on the base
        // (carried into the tax by its rate) and half a unit on the tax; globally, each total moves by half a unit.
        PropertyCheck.Check(Prop.ForAll(Arb.From(Generators.TaxDocument(TaxRoundingMethod.PerLine, singleExcludedPercentPerLine: true)), c =>
        {
            var perLine = c.Configuration.ComputeDocument(c.Lines, c.Currency, TaxRoundingMethod.PerLine, c.Currency.MinorUnit);
            var global = c.Configuration.ComputeDocument(c.Lines, c.Currency, TaxRoundingMethod.Globally, c.Currency.MinorUnit);
            var unit = c.Currency.MinorUnit;
            var bound = c.Lines.Sum(l => unit * (1m + (l.Taxes.Taxes[0].Amount / 200m))) + (0.5m * unit * (1 + global.TaxTotals.Count));
            var difference = Math.Abs(perLine.Total.Amount - global.Total.Amount);
            Assert.True(difference <= bound, $"{difference} > {bound} for {c}");
        }));
    }

    [Fact]
    public void ComputeDocument_GlobalVersusPerLine_OneLineCanDifferByExactlyOneUnit()
    {
        var tax = new Tax(1, "gen", "P50", TaxAmountType.Percent, 50m);
        var config = new TaxConfiguration("gen", "BE", [tax]);
        TaxLine[] lines = [new(0.105m, 1m, config.CreateSet(tax))];

        var perLine = config.ComputeDocument(lines, Currency.Eur, TaxRoundingMethod.PerLine, 0.01m);
        var global = config.ComputeDocument(lines, Currency.Eur, TaxRoundingMethod.Globally, 0.01m);

        // Per line: 0.11 + round(0.055) = 0.17; globally: round(0.105) + round(0.0525) = 0.16.
        Assert.Equal(0.17m, perLine.Total.Amount);
        Assert.Equal(0.16m, global.Total.Amount);
    }

    [Theory]
    [InlineData(TaxRoundingMethod.PerLine)]
    [InlineData(TaxRoundingMethod.Globally)]
    public void ComputeDocument_Refund_IsTheNegatedInvoice(TaxRoundingMethod method)
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(Generators.TaxDocument(method)), c =>
        {
            var invoice = c.Configuration.ComputeDocument(c.Lines, c.Currency);
            var refund = c.Configuration.ComputeDocument(c.Lines.Select(l => l.ToRefund()).ToArray(), c.Currency);
            Assert.Equal(-invoice.Total, refund.Total);
            Assert.Equal(-invoice.Untaxed, refund.Untaxed);
            Assert.Equal(invoice.TaxTotals.Select(t => -t.Amount), refund.TaxTotals.Select(t => t.Amount));
            Assert.Equal(invoice.TaxTotals.Select(t => -t.Base), refund.TaxTotals.Select(t => t.Base));
            for (var i = 0; i < c.Lines.Length; i++)
            {
                Assert.Equal(-invoice.Lines[i].TotalExcluded, refund.Lines[i].TotalExcluded);
                Assert.Equal(-invoice.Lines[i].TotalIncluded, refund.Lines[i].TotalIncluded);
                Assert.Equal(invoice.Lines[i].Taxes.Select(t => -t.Amount), refund.Lines[i].Taxes.Select(t => t.Amount));
                Assert.Equal(invoice.Lines[i].Taxes.Select(t => -t.Base), refund.Lines[i].Taxes.Select(t => t.Base));
            }
        }));
    }

    [Theory]
    [InlineData(TaxRoundingMethod.PerLine)]
    [InlineData(TaxRoundingMethod.Globally)]
    public void ComputeDocument_AnyDocument_LinesAddUpToTheTotals(TaxRoundingMethod method)
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(Generators.TaxDocument(method)), c =>
        {
            var result = c.Configuration.ComputeDocument(c.Lines, c.Currency);
            Assert.Equal(result.Untaxed.Amount, result.Lines.Sum(l => l.TotalExcluded.Amount));
            Assert.Equal(result.Total.Amount, result.Lines.Sum(l => l.TotalIncluded.Amount));
            foreach (var total in result.TaxTotals)
            {
                Assert.Equal(total.Amount.Amount, result.Lines.SelectMany(l => l.Taxes).Where(t => t.Tax == total.Tax).Sum(t => t.Amount.Amount));
                Assert.Equal(total.Base.Amount, result.Lines.SelectMany(l => l.Taxes).Where(t => t.Tax == total.Tax).Sum(t => t.Base.Amount));
                Assert.True(total.Amount.IsRoundedToMinorUnit);
            }

            Assert.All(result.Lines, l => Assert.True(l.TotalIncluded.IsRoundedToMinorUnit, l.Explain()));
        }));
    }
}
