using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Taxes;

namespace Subscriptions;

/// <summary>A generated tax document: a configuration and its lines (for properties over TAXES.md).</summary>
internal sealed record TaxDocumentCase(TaxConfiguration Configuration, TaxLine[] Lines, Currency Currency)
{
    public override string ToString() =>
        $"{Currency.Code}: taxes [{string.Join(", ", Configuration.Taxes)}]; lines [{string.Join("; ", Lines.Select(l => $"{l.PriceUnit} x {l.Quantity} -{l.DiscountPercent}% [{string.Join(",", l.Taxes.Taxes.Select(t => t.Id))}]"))}]";
}

internal static partial class Generators
{
    private const string TaxCompany = "gen";

    /// <summary>A tax rate in percent: the usual VAT rates and odd ones with two decimals, 0 to 30.</summary>
    public static Gen<decimal> TaxRate { get; } = Gen.OneOf(
        Gen.Elements(0m, 5m, 6m, 7.7m, 10m, 12m, 16m, 19m, 20m, 21m, 23m, 25m),
        Gen.Choose(1, 3000).Select(i => i / 100m));

    /// <summary>A unit price with 0 to 4 decimals, 0 to 100,000.</summary>
    public static Gen<decimal> TaxablePrice { get; } = Gen.OneOf(
        Gen.Choose(0, 100_000).Select(i => i / 100m),
        Gen.Choose(0, 10_000_000).Select(i => i / 100m),
        Gen.Choose(0, 1_000_000).Select(i => i / 10_000m));

    /// <summary>A positive quantity: whole, halves, and awkward decimals such as 12.12.</summary>
    public static Gen<decimal> TaxableQuantity { get; } = Gen.OneOf(
        Gen.Choose(1, 20).Select(i => (decimal)i),
        Gen.Elements(0.5m, 1.5m, 12.12m, 0.333m, 7m));

    /// <summary>A discount in percent: mostly none.</summary>
    public static Gen<decimal> Discount { get; } = Gen.OneOf(Gen.Constant(0m), Gen.Constant(0m), Gen.Choose(0, 5000).Select(i => i / 100m));

    /// <summary>A currency with 0, 2 or 3 minor units.</summary>
    public static Gen<Currency> TaxCurrency { get; } = Gen.Elements(Subscriptions.Currency.Eur, Subscriptions.Currency.Jpy, Subscriptions.Currency.FromCode("BHD"));

    /// <summary>One to four price-included taxes (percent, division, fixed) with random sequences and base flags.</summary>
    public static Gen<Tax[]> IncludedTaxes { get; } =
        from count in Gen.Choose(1, 4)
        from specs in Gen.ArrayOf(IncludedTaxSpec, count)
        select specs.Select((s, i) => s(i + 1)).ToArray();

    /// <summary>One to three taxes of any kind (percent, division, fixed; included or not; base flags).</summary>
    public static Gen<Tax[]> AnyTaxes { get; } =
        from count in Gen.Choose(1, 3)
        from specs in Gen.ArrayOf(AnyTaxSpec, count)
        select specs.Select((s, i) => s(i + 1)).ToArray();

    /// <summary>A document of 1 to 20 lines, each with a subset of the configuration's taxes.</summary>
    public static Gen<TaxDocumentCase> TaxDocument(TaxRoundingMethod method, bool singleExcludedPercentPerLine = false) =>
        from currency in TaxCurrency
        from taxes in singleExcludedPercentPerLine ? ExcludedPercents : AnyTaxes
        from count in Gen.Choose(1, 20)
        from lines in Gen.ArrayOf(LineSpec(taxes.Length, singleExcludedPercentPerLine), count)
        select Build(method, currency, taxes, lines);

    private static Gen<Tax[]> ExcludedPercents { get; } =
        from count in Gen.Choose(1, 3)
        from rates in Gen.ArrayOf(TaxRate, count)
        select rates.Select((r, i) => new Tax(i + 1, TaxCompany, $"P{r}", TaxAmountType.Percent, r, sequence: i)).ToArray();

    private static Gen<Func<int, Tax>> IncludedTaxSpec { get; } =
        from type in Gen.Elements(TaxAmountType.Percent, TaxAmountType.Percent, TaxAmountType.Division, TaxAmountType.Fixed)
        from rate in TaxRate
        from sequence in Gen.Choose(0, 5)
        from includeBase in Gen.Elements(false, false, true)
        from affected in Gen.Elements(true, true, false)
        select (Func<int, Tax>)(id => new Tax(id, TaxCompany, $"{type}{rate}", type, type == TaxAmountType.Fixed ? rate / 10m : rate, sequence, priceIncluded: true, includeBase, affected));

    private static Gen<Func<int, Tax>> AnyTaxSpec { get; } =
        from type in Gen.Elements(TaxAmountType.Percent, TaxAmountType.Percent, TaxAmountType.Division, TaxAmountType.Fixed)
        from rate in TaxRate
        from sequence in Gen.Choose(0, 5)
        from included in Gen.Elements(false, true)
        from includeBase in Gen.Elements(false, false, true)
        from affected in Gen.Elements(true, true, false)
        select (Func<int, Tax>)(id => new Tax(id, TaxCompany, $"{type}{rate}", type, type == TaxAmountType.Fixed ? rate / 10m : rate, sequence, included, includeBase, affected));

    private static Gen<(decimal Price, decimal Quantity, decimal Discount, int Mask)> LineSpec(int taxCount, bool single) =>
        from price in TaxablePrice
        from quantity in TaxableQuantity
        from discount in Discount
        from mask in single ? Gen.Choose(0, taxCount - 1).Select(i => 1 << i) : Gen.Choose(0, (1 << taxCount) - 1)
        select (price, quantity, discount, mask);

    private static TaxDocumentCase Build(TaxRoundingMethod method, Currency currency, Tax[] taxes, (decimal Price, decimal Quantity, decimal Discount, int Mask)[] lines)
    {
        var configuration = new TaxConfiguration(TaxCompany, "BE", taxes, method);
        var sets = new Dictionary<int, TaxSet>();
        var built = lines.Select(l =>
        {
            if (!sets.TryGetValue(l.Mask, out var set))
            {
                set = configuration.CreateSet(taxes.Where((_, i) => (l.Mask & (1 << i)) != 0));
                sets[l.Mask] = set;
            }

            return new TaxLine(l.Price, l.Quantity, set, l.Discount);
        }).ToArray();
        return new TaxDocumentCase(configuration, built, currency);
    }
}

/// <summary>Generators of catalog values.</summary>
internal static partial class Generators
{
    /// <summary>A list price with 0 to 4 decimals, 0 to 10,000.</summary>
    public static Gen<decimal> ListPriceAmount { get; } = Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select(i => i / 100m),
        Gen.Choose(0, 100_000_000).Select(i => i / 10_000m));

    /// <summary>A pricelist discount in percent, 0 to 100 with two decimals.</summary>
    public static Gen<decimal> PricelistDiscount { get; } = Gen.Choose(0, 10_000).Select(i => i / 100m);

    /// <summary>A unit ratio such as 12 (dozen), 8 (day of hours), 0.5 or 1/3 rounded.</summary>
    public static Gen<decimal> UnitRatio { get; } = Gen.Elements(1m, 2m, 8m, 12m, 24m, 0.5m, 0.001m, 1000m);
}
