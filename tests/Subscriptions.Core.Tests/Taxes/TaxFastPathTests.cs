using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;
using Subscriptions.Testing;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>
/// The fast path (<see cref="TaxFastPath"/>, lines whose taxes never divide) against the <see cref="decimal"/>
/// reference (<see cref="TaxRounding.DecimalOnly"/>): every reported value has the same bits, for any document.
/// </summary>
public class TaxFastPathTests
{
    /// <summary>Unit prices from zero to 10^14 with 0 to 12 decimals, some negative (credits) and some near 63 bits.</summary>
    private static Gen<decimal> WidePrice { get; } = Gen.Frequency(
        (4, Generators.TaxablePrice),
        (1, Gen.Choose(-100_000, 0).Select(i => i / 100m)),
        (1, from units in Gen.Choose(0, int.MaxValue) from scale in Gen.Choose(0, 12) select new decimal(units, 0, 0, false, (byte)scale)),
        (1, from units in Gen.Choose(1, 1_000_000) select units * 100_000_000m),
        (1, Gen.Elements(0m, 0.00m, -0.00m, 92_233_720_368.54775807m, 9_223_372_036_854.775807m)));

    /// <summary>Discounts: mostly none, any up to 100 %.</summary>
    private static Gen<decimal> WideDiscount { get; } = Gen.Frequency(
        (4, Generators.Discount),
        (1, Gen.Elements(100m, 99.99m, 33.333m)));

    private static Gen<decimal> WideQuantity { get; } = Gen.Frequency(
        (4, Generators.TaxableQuantity),
        (1, Gen.Elements(0m, 1_000_000m, 0.000001m, 3.14159m, 123_456.789m)));

    private static Gen<(TaxConfiguration Configuration, TaxLine[] Lines, Currency Currency, TaxRoundingMethod Method, decimal Step)> Documents { get; } =
        from currency in Generators.TaxCurrency
        from method in Gen.Elements(TaxRoundingMethod.PerLine, TaxRoundingMethod.Globally)
        from cash in Gen.Elements(false, false, false, true)
        from plain in Gen.Elements(false, true)
        from taxes in plain ? ExcludedOrFixed : Generators.AnyTaxes
        from specs in Gen.ArrayOf(
            from price in WidePrice
            from quantity in WideQuantity
            from discount in WideDiscount
            from mask in Gen.Choose(0, 7)
            from refund in Gen.Elements(false, false, true)
            select (price, quantity, discount, mask, refund))
        select Build(currency, method, cash ? 0.05m : currency.MinorUnit, taxes, specs);

    /// <summary>Taxes the fast path takes: price-excluded percents (some entering later bases), fixed taxes and price-included divisions.</summary>
    private static Gen<Tax[]> ExcludedOrFixed { get; } =
        from count in Gen.Choose(1, 3)
        from specs in Gen.ArrayOf(
            from type in Gen.Elements(TaxAmountType.Percent, TaxAmountType.Percent, TaxAmountType.Fixed, TaxAmountType.Division)
            from rate in Gen.Frequency((5, Generators.TaxRate), (1, Gen.Elements(-15m, -1m, 0.0000001m, -0.0000001m)))
            from sequence in Gen.Choose(0, 5)
            from includeBase in Gen.Elements(false, true)
            from affected in Gen.Elements(true, true, false)
            select (type, rate, sequence, includeBase, affected),
            count)
        select specs.Select((s, i) => new Tax(i + 1, "gen", $"{s.type}{s.rate}", s.type, s.type == TaxAmountType.Fixed ? s.rate / 10m : s.rate, s.sequence, priceIncluded: s.type == TaxAmountType.Division, includeBaseAmount: s.includeBase, isBaseAffected: s.affected)).ToArray();

    [Fact]
    public void ComputeDocument_FastPathAndDecimalReference_ReportTheSameBits()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(Documents), c =>
        {
            var fast = c.Configuration.ComputeDocument(c.Lines, c.Currency, c.Method, c.Step);
            var reference = TaxDocument.Compute(c.Configuration, c.Lines, c.Currency, c.Method, new TaxRounding(c.Step).InDecimalOnly());
            var where = $"{c.Method} at {c.Step} {c.Currency.Code}: [{string.Join("; ", c.Lines.Select(l => $"{l.PriceUnit} x {l.Quantity} -{l.DiscountPercent}% [{string.Join(",", l.Taxes.Taxes.Select(t => t.Name))}]"))}]";
            Same(reference.Untaxed.Amount, fast.Untaxed.Amount, where);
            Same(reference.TaxAmount.Amount, fast.TaxAmount.Amount, where);
            Assert.Equal(reference.TaxTotals.Count, fast.TaxTotals.Count);
            for (var t = 0; t < fast.TaxTotals.Count; t++)
            {
                Assert.Same(reference.TaxTotals[t].Tax, fast.TaxTotals[t].Tax);
                Same(reference.TaxTotals[t].RawBase, fast.TaxTotals[t].RawBase, where);
                Same(reference.TaxTotals[t].Base.Amount, fast.TaxTotals[t].Base.Amount, where);
                Same(reference.TaxTotals[t].RawAmount, fast.TaxTotals[t].RawAmount, where);
                Same(reference.TaxTotals[t].Amount.Amount, fast.TaxTotals[t].Amount.Amount, where);
            }

            for (var l = 0; l < c.Lines.Length; l++)
            {
                SameLine(reference.Lines[l], fast.Lines[l], $"line {l} of {where}");
            }

            // The raw totals are the lines' raw values added in order with plain decimal arithmetic.
            foreach (var total in fast.TaxTotals)
            {
                var (rawAmount, rawBase) = (0m, 0m);
                foreach (var detail in fast.Lines.SelectMany(line => line.Taxes).Where(d => d.Tax == total.Tax))
                {
                    rawAmount += detail.RawAmount;
                    rawBase += detail.RawBase;
                }

                Same(rawAmount, total.RawAmount, where);
                Same(rawBase, total.RawBase, where);
            }
        }));
    }

    [Fact]
    public void ComputeLine_FastPathAndDecimalReference_ReportTheSameBits()
    {
        PropertyCheck.Check(Prop.ForAll(Arb.From(Documents), c =>
        {
            foreach (var line in c.Lines)
            {
                var rounding = new TaxRounding(c.Step);
                var fast = c.Configuration.ComputeLineCore(line, c.Currency, c.Method, rounding);
                var reference = c.Configuration.ComputeLineCore(line, c.Currency, c.Method, rounding.InDecimalOnly());
                SameLine(reference, fast, $"{line.PriceUnit} x {line.Quantity} -{line.DiscountPercent}% {c.Method} at {c.Step}");
            }
        }), 300);
    }

    [Fact]
    public void TryComputeFast_TakesLinesWithoutDivisionsOnSmall_LinesThatDivideOnWide_AndLeavesTheRestToDecimal()
    {
        var vat = new Tax(1, "acme", "VAT 21%", TaxAmountType.Percent, 21m);
        var eco = new Tax(2, "acme", "Eco", TaxAmountType.Fixed, 0.5m, sequence: 0, includeBaseAmount: true);
        var included = new Tax(3, "acme", "VAT 6% incl.", TaxAmountType.Percent, 6m, priceIncluded: true);
        var gross = new Tax(4, "acme", "Gross-up 10%", TaxAmountType.Division, 10m);
        var odd = new Tax(5, "acme", "Odd rate incl.", TaxAmountType.Percent, 0.0000000001m, priceIncluded: true);
        var config = new TaxConfiguration("acme", "BE", [vat, eco, included, gross, odd], TaxRoundingMethod.Globally);
        var plain = config.CreateSet(vat, eco);
        var rounding = new TaxRounding(Currency.Eur);

        Assert.True(Small(new TaxLine(19.99m, 3m, plain), rounding));
        Assert.True(Small(new TaxLine(19.99m, 3m, plain).ToRefund(), rounding));
        Assert.True(TaxConfiguration.TryComputeFast<SmallDecimal>(new TaxLine(19.99m, 3m, plain), Currency.Eur, TaxRoundingMethod.PerLine, rounding, false, new TaxDetail[2], default, TaxWorkspace.ForLine(2), out _));
        Assert.False(Small(new TaxLine(19.99m, 3m, config.CreateSet(included)), rounding));
        Assert.False(Small(new TaxLine(19.99m, 3m, config.CreateSet(gross)), rounding));
        Assert.False(Small(new TaxLine(19.99m, 3m, plain), new TaxRounding(0.05m)));
        Assert.False(Small(new TaxLine(19.99m, 3m, plain), rounding.InDecimalOnly()));
        Assert.False(Small(new TaxLine(9_300_000_000_000_000_000m, 1m, plain), rounding));
        Assert.False(Small(new TaxLine(9_000_000_000.123456789m, 1_000_000m, plain), rounding));

        // Lines that divide (and lines too wide for 63 bits) take the wide path.
        Assert.True(Wide(new TaxLine(19.99m, 3m, config.CreateSet(included)), rounding));
        Assert.True(Wide(new TaxLine(19.99m, 3m, config.CreateSet(included, eco)).ToRefund(), rounding));
        Assert.True(Wide(new TaxLine(19.99m, 3m, config.CreateSet(gross, vat)), rounding));
        Assert.True(Wide(new TaxLine(9_300_000_000_000_000_000m, 1m, config.CreateSet(vat)), rounding));
        Assert.False(Wide(new TaxLine(19.99m, 3m, config.CreateSet(odd)), rounding)); // 1 + 10^-12 has a 41-bit coefficient
        Assert.False(Wide(new TaxLine(19.99m, 3m, config.CreateSet(included)), new TaxRounding(0.05m)));
        Assert.False(Wide(new TaxLine(19.99m, 3m, config.CreateSet(included)), rounding.InDecimalOnly()));
        Assert.False(Wide(new TaxLine(79_228_162_514_264_337_593_543_950m, 1000m, config.CreateSet(included)), rounding));

        static bool Small(TaxLine line, TaxRounding rounding) =>
            TaxConfiguration.TryComputeFast<SmallDecimal>(line, Currency.Eur, TaxRoundingMethod.Globally, rounding, true, new TaxDetail[line.Taxes.Count], default, TaxWorkspace.ForLine(line.Taxes.Count), out _);

        static bool Wide(TaxLine line, TaxRounding rounding) =>
            TaxConfiguration.TryComputeFast<WideDecimal>(line, Currency.Eur, TaxRoundingMethod.Globally, rounding, true, new TaxDetail[line.Taxes.Count], default, TaxWorkspace.ForLine(line.Taxes.Count), out _);
    }

    [Fact]
    public void ComputeDocument_PriceIncludedDocuments_OnTheWidePath_ReportTheBitsOfTheDecimalReference()
    {
        // The usual consumer invoice: one price-included VAT per line (or a batch of two), any prices, refunds.
        var documents =
            from rate in Gen.Elements(21m, 6m, 12m, 5.5m, 7.7m, 20m, 0.5m, 99m)
            from second in Gen.Elements(0m, 0m, 6m, 2.1m)
            from method in Gen.Elements(TaxRoundingMethod.PerLine, TaxRoundingMethod.Globally)
            from specs in Gen.ArrayOf(
                from price in WidePrice
                from quantity in WideQuantity
                from discount in WideDiscount
                from refund in Gen.Elements(false, false, true)
                select (price, quantity, discount, refund))
            select (rate, second, method, specs);
        PropertyCheck.Check(Prop.ForAll(Arb.From(documents), c =>
        {
            var vat = new Tax(1, "gen", "VAT incl.", TaxAmountType.Percent, c.rate, priceIncluded: true);
            var other = new Tax(2, "gen", "Other incl.", TaxAmountType.Percent, c.second, priceIncluded: true);
            var configuration = new TaxConfiguration("gen", "BE", [vat, other], c.method);
            var set = c.second == 0m ? configuration.CreateSet(vat) : configuration.CreateSet(vat, other);
            var lines = c.specs.Select(s => s.refund ? new TaxLine(s.price, s.quantity, set, s.discount).ToRefund() : new TaxLine(s.price, s.quantity, set, s.discount)).ToArray();
            var fast = configuration.ComputeDocument(lines, Currency.Eur, c.method, 0.01m);
            var reference = TaxDocument.Compute(configuration, lines, Currency.Eur, c.method, new TaxRounding(0.01m).InDecimalOnly());
            var where = $"{c.rate}% + {c.second}% {c.method}: [{string.Join("; ", lines.Select(l => $"{l.PriceUnit} x {l.Quantity} -{l.DiscountPercent}%"))}]";
            Same(reference.Untaxed.Amount, fast.Untaxed.Amount, where);
            Same(reference.TaxAmount.Amount, fast.TaxAmount.Amount, where);
            for (var t = 0; t < fast.TaxTotals.Count; t++)
            {
                Same(reference.TaxTotals[t].RawBase, fast.TaxTotals[t].RawBase, where);
                Same(reference.TaxTotals[t].RawAmount, fast.TaxTotals[t].RawAmount, where);
                Same(reference.TaxTotals[t].Amount.Amount, fast.TaxTotals[t].Amount.Amount, where);
            }

            for (var l = 0; l < lines.Length; l++)
            {
                SameLine(reference.Lines[l], fast.Lines[l], $"line {l} of {where}");
            }
        }), 500);
    }

    [Fact]
    public void ComputeLine_IncludedBatchOfMinusOneHundredPercent_GivesZeroOnTheWidePathAsInDecimal()
    {
        var a = new Tax(1, "acme", "A", TaxAmountType.Percent, -60m, priceIncluded: true);
        var b = new Tax(2, "acme", "B", TaxAmountType.Percent, -40m, priceIncluded: true);
        var config = new TaxConfiguration("acme", "BE", [a, b], TaxRoundingMethod.Globally);
        var set = config.CreateSet(a, b);
        Assert.True(set.Slots[0].BatchDivisorIsZero);
        Assert.True(set.FitsWide);
        var line = new TaxLine(12.34m, 2m, set);
        var rounding = new TaxRounding(Currency.Eur);
        var fast = config.ComputeLineCore(line, Currency.Eur, TaxRoundingMethod.Globally, rounding);
        var reference = config.ComputeLineCore(line, Currency.Eur, TaxRoundingMethod.Globally, rounding.InDecimalOnly());
        Assert.True(TaxConfiguration.TryComputeFast<WideDecimal>(line, Currency.Eur, TaxRoundingMethod.Globally, rounding, false, new TaxDetail[2], default, TaxWorkspace.ForLine(2), out _));
        SameLine(reference, fast, "-100 % batch");
        Assert.Equal(0m, fast.Taxes[0].RawAmount);
    }

    private static (TaxConfiguration, TaxLine[], Currency, TaxRoundingMethod, decimal) Build(Currency currency, TaxRoundingMethod method, decimal step, Tax[] taxes, (decimal Price, decimal Quantity, decimal Discount, int Mask, bool Refund)[] specs)
    {
        var configuration = new TaxConfiguration("gen", "BE", taxes, method);
        var lines = specs.Select(s =>
        {
            var line = new TaxLine(s.Price, s.Quantity, configuration.CreateSet(taxes.Where((_, i) => (s.Mask & (1 << i)) != 0)), s.Discount);
            return s.Refund ? line.ToRefund() : line;
        }).ToArray();
        return (configuration, lines, currency, method, step);
    }

    private static void SameLine(TaxLineResult expected, TaxLineResult actual, string where)
    {
        Same(expected.RawBase, actual.RawBase, where);
        Same(expected.RawTotalExcluded, actual.RawTotalExcluded, where);
        Same(expected.TotalExcluded.Amount, actual.TotalExcluded.Amount, where);
        Same(expected.TotalExcludedAdjustment, actual.TotalExcludedAdjustment, where);
        Assert.Equal(expected.Taxes.Count, actual.Taxes.Count);
        for (var i = 0; i < actual.Taxes.Count; i++)
        {
            var e = expected.Taxes[i];
            var a = actual.Taxes[i];
            Assert.Same(e.Tax, a.Tax);
            Assert.Equal(e.PriceIncluded, a.PriceIncluded);
            Same(e.RawBase, a.RawBase, where);
            Same(e.Base.Amount, a.Base.Amount, where);
            Same(e.RawAmount, a.RawAmount, where);
            Same(e.Amount.Amount, a.Amount.Amount, where);
            Same(e.BaseAdjustment, a.BaseAdjustment, where);
            Same(e.AmountAdjustment, a.AmountAdjustment, where);
        }
    }

    private static void Same(decimal expected, decimal actual, string where) =>
        Assert.True(decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(actual)), $"expected {expected} (scale {expected.Scale}), got {actual} (scale {actual.Scale}) in {where}");
}
