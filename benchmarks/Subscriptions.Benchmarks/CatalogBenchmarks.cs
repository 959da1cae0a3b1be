using BenchmarkDotNet.Attributes;
using NodaTime;
using Subscriptions;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using Subscriptions.Taxes;

namespace Subscriptions.Benchmarks;

/// <summary>
/// Questions: does pricing one line against a pricelist of 10,000 rules plus two taxes stay under 500 ns with at most
/// one allocation (the baseline scans every rule)? Does a 20-line document with global rounding stay under 5 us: the
/// stress mix, a plain invoice with price-excluded VAT, a consumer invoice with price-included VAT?
/// </summary>
/// <remarks>
/// Min and Median are shown beside Mean: on a shared VM another tenant's bursts inflate the mean, and the fastest
/// iterations show what the code does when the host is quiet.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CatalogBenchmarks
{
    private static readonly LocalDate Date = new(2026, 6, 15);
    private PricelistSet _pricelists = null!;
    private PricelistRule[] _allRulesSorted = null!;
    private Product _product = null!;
    private TaxConfiguration _taxes = null!;
    private TaxSet _taxSet = null!;
    private TaxLine[] _document = null!;
    private TaxLine[] _plainInvoice = null!;
    private TaxConfiguration _consumerTaxes = null!;
    private TaxLine[] _consumerInvoice = null!;

    [GlobalSetup]
    public void Setup()
    {
        var uomCategory = new UnitOfMeasureCategory("Unit");
        var unit = new UnitOfMeasure("Unit", uomCategory, 1m, 1m);
        var root = new ProductCategory("root", "All");
        var categories = Enumerable.Range(0, 100).Select(i => new ProductCategory($"c{i}", $"Category {i}", root)).ToArray();
        var rules = new List<PricelistRule>(10_000);
        for (var i = 0; i < 6_000; i++)
        {
            rules.Add(new PricelistRule(i, PricelistRuleScope.Product, $"p{i % 3_000}", PriceComputation.Discount(i % 30), minQuantity: i < 3_000 ? 0m : 10m, validFrom: new LocalDate(2026, 1, 1), validTo: new LocalDate(2026, 12, 31)));
        }

        for (var i = 6_000; i < 9_900; i++)
        {
            rules.Add(new PricelistRule(i, PricelistRuleScope.Category, $"c{i % 100}", PriceComputation.Formula(discountPercent: 5m, roundingIncrement: 0.05m, surcharge: 0.5m), minQuantity: i % 39));
        }

        for (var i = 9_900; i < 10_000; i++)
        {
            rules.Add(new PricelistRule(i, PricelistRuleScope.All, null, PriceComputation.Discount(1m), minQuantity: i - 9_900m));
        }

        _pricelists = new PricelistSet([new Pricelist("public", "Public", Currency.Eur, rules)]);
        _allRulesSorted = [.. rules.OrderBy(r => r.Scope).ThenByDescending(r => r.MinQuantity).ThenByDescending(r => r.Id)];
        _product = new Product("p1234", "CRM seat", ProductKind.Recurring, categories[34], unit, [new ProductPrice(new UnitPrice(10m, Currency.Eur), Recurrence.Monthly), new ProductPrice(new UnitPrice(100m, Currency.Eur), Recurrence.Yearly)]);

        var vat = new Tax(1, "acme", "VAT 21%", TaxAmountType.Percent, 21m, sequence: 2);
        var eco = new Tax(2, "acme", "Eco fee", TaxAmountType.Fixed, 0.5m, sequence: 1, includeBaseAmount: true);
        var vat6 = new Tax(3, "acme", "VAT 6% incl.", TaxAmountType.Percent, 6m, priceIncluded: true);
        _taxes = new TaxConfiguration("acme", "BE", [vat, eco, vat6], TaxRoundingMethod.Globally);
        _taxSet = _taxes.CreateSet(vat, eco);
        var included = _taxes.CreateSet(vat6, eco);
        var vatOnly = _taxes.CreateSet(vat);
        _plainInvoice = Enumerable.Range(0, 20).Select(i => new TaxLine(9.99m + (i * 1.37m), 1 + (i % 4), vatOnly)).ToArray();
        var vatIncluded = new Tax(4, "acme", "VAT 21% incl.", TaxAmountType.Percent, 21m, priceIncluded: true);
        _consumerTaxes = new TaxConfiguration("acme", "BE", [vatIncluded], TaxRoundingMethod.Globally);
        var consumerSet = _consumerTaxes.CreateSet(vatIncluded);
        _consumerInvoice = Enumerable.Range(0, 20).Select(i => new TaxLine(9.99m + (i * 1.37m), 1 + (i % 4), consumerSet)).ToArray();
        _document = Enumerable.Range(0, 20).Select(i => new TaxLine(9.99m + (i * 1.37m), 1 + (i % 4), i % 3 == 0 ? included : _taxSet, i % 5 == 0 ? 10m : 0m)).ToArray();
    }

    /// <summary>Naive pricing: scan every rule in specificity order.</summary>
    [Benchmark(Baseline = true)]
    public TaxLineResult PriceOneLineScanAllRules()
    {
        var list = _product.ListPrice(Recurrence.Monthly).Amount;
        var net = list;
        foreach (var rule in _allRulesSorted)
        {
            var applies = rule.Scope switch
            {
                PricelistRuleScope.Product => rule.TargetId == _product.Id,
                PricelistRuleScope.Category => rule.TargetId == _product.Category.Id || rule.TargetId == _product.Category.Parent?.Id,
                _ => true,
            };
            if (applies && 5m >= rule.MinQuantity && (rule.ValidFrom is not { } f || Date >= f) && (rule.ValidTo is not { } t || Date <= t))
            {
                net = rule.Computation.Kind == PriceComputationKind.Fixed ? rule.Computation.FixedPrice : list * (1m - (rule.Computation.DiscountPercent / 100m));
                break;
            }
        }

        return _taxes.ComputeLine(new TaxLine(net, 5m, _taxSet), Currency.Eur, TaxRoundingMethod.PerLine, 0.01m);
    }

    /// <summary>Indexed pricing (10,000 rules) plus two taxes: the target is at most 500 ns and one allocation.</summary>
    [Benchmark]
    public TaxLineResult PriceOneLineIndexed()
    {
        var priced = _pricelists.Price("public", _product, 5m, Date, Recurrence.Monthly);
        return _taxes.ComputeLine(new TaxLine(priced.NetUnitPrice.Amount, priced.Quantity, _taxSet), Currency.Eur, TaxRoundingMethod.PerLine, 0.01m);
    }

    /// <summary>Taxes of a 20-line document rounded per line (for comparison).</summary>
    [Benchmark]
    public TaxDocumentResult TaxDocument20LinesPerLine() => _taxes.ComputeDocument(_document, Currency.Eur, TaxRoundingMethod.PerLine, 0.01m);

    /// <summary>Taxes of a 20-line document rounded globally: the target is at most 5 us.</summary>
    [Benchmark]
    public TaxDocumentResult TaxDocument20LinesGlobal() => _taxes.ComputeDocument(_document, Currency.Eur);

    /// <summary>A plain invoice for comparison: 20 lines with one price-excluded 21 % VAT each, rounded globally.</summary>
    [Benchmark]
    public TaxDocumentResult TaxPlainInvoice20LinesGlobal() => _taxes.ComputeDocument(_plainInvoice, Currency.Eur);

    /// <summary>A consumer invoice: 20 lines with one price-included 21 % VAT each (a division per line), rounded globally.</summary>
    [Benchmark]
    public TaxDocumentResult TaxConsumerInvoice20LinesGlobal() => _consumerTaxes.ComputeDocument(_consumerInvoice, Currency.Eur);
}
