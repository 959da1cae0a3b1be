using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>
/// The pricelists of a company with the exchange rates that convert between them: prices lines, following
/// formulas based on other pricelists.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. The constructor checks that every pricelist a formula is
/// based on exists (<see cref="UnknownPricelistException"/>) and that no pricelists are based on each other in
/// a cycle (<see cref="PricelistCycleException"/>), so pricing always terminates. Pricing a line does a few
/// dictionary lookups and scans only the rules of the line's product, category chain and the global rules;
/// it allocates nothing.
/// </remarks>
public sealed class PricelistSet
{
    private readonly Dictionary<string, Pricelist> _pricelists = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="PricelistSet"/> class.</summary>
    /// <param name="pricelists">The pricelists.</param>
    /// <param name="exchangeRates">The rates to convert list prices and base pricelists, or null for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="pricelists"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when two pricelists share an id.</exception>
    /// <exception cref="UnknownPricelistException">Thrown when a formula is based on a pricelist that is not in the set.</exception>
    /// <exception cref="PricelistCycleException">Thrown when pricelists are based on each other in a cycle.</exception>
    public PricelistSet(IEnumerable<Pricelist> pricelists, ExchangeRates? exchangeRates = null)
    {
        ArgumentNullException.ThrowIfNull(pricelists);
        foreach (var pricelist in pricelists)
        {
            ArgumentNullException.ThrowIfNull(pricelist, nameof(pricelists));
            if (!_pricelists.TryAdd(pricelist.Id, pricelist))
            {
                throw new ArgumentException($"Two pricelists share the id '{pricelist.Id}'.", nameof(pricelists));
            }
        }

        ExchangeRates = exchangeRates ?? ExchangeRates.None;
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in _pricelists.Keys)
        {
            Visit(id, state, []);
        }
    }

    /// <summary>Gets the exchange rates.</summary>
    public ExchangeRates ExchangeRates { get; }

    /// <summary>Gets the pricelists.</summary>
    public IReadOnlyCollection<Pricelist> Pricelists => _pricelists.Values;

    /// <summary>Returns the pricelist with an id.</summary>
    /// <param name="pricelistId">The id.</param>
    /// <returns>The pricelist.</returns>
    /// <exception cref="UnknownPricelistException">Thrown when no pricelist has that id.</exception>
    public Pricelist Get(string pricelistId) =>
        _pricelists.TryGetValue(pricelistId, out var pricelist) ? pricelist : throw new UnknownPricelistException(pricelistId);

    /// <summary>Prices a line from the product's own list price.</summary>
    /// <param name="pricelistId">The pricelist.</param>
    /// <param name="product">The product.</param>
    /// <param name="quantity">The quantity in <paramref name="unit"/> (or the product's unit), zero or more.</param>
    /// <param name="date">The date the price is for (rule validity windows).</param>
    /// <param name="recurrence">The recurrence of the line, or null for a one-time price.</param>
    /// <param name="unit">The line's unit of measure, or null for the product's.</param>
    /// <returns>The priced line, in the pricelist's currency.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="product"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="quantity"/> is negative.</exception>
    /// <exception cref="UnknownPricelistException">Thrown when the pricelist is not in the set.</exception>
    /// <exception cref="MissingRecurrencePriceException">Thrown when the product has no price for <paramref name="recurrence"/>.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a conversion needs a rate that is missing.</exception>
    /// <exception cref="UnitOfMeasureMismatchException">Thrown when <paramref name="unit"/> is in another category than the product's unit.</exception>
    public PricedLine Price(string pricelistId, Product product, decimal quantity, LocalDate date, Recurrence? recurrence = null, UnitOfMeasure? unit = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        var listPrice = product.ListPrice(recurrence);
        return PriceCore(Get(pricelistId), product, listPrice, null, quantity, date, recurrence, unit);
    }

    /// <summary>Prices a line from a versioned catalog's list price, for a new subscription or one priced by an earlier version.</summary>
    /// <param name="pricelistId">The pricelist.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">The quantity, zero or more.</param>
    /// <param name="date">The date the price is for.</param>
    /// <param name="recurrence">The recurrence, or null for a one-time price.</param>
    /// <param name="pricedAtVersion">The catalog version an existing subscription was priced with, or null.</param>
    /// <param name="unit">The line's unit of measure, or null for the product's.</param>
    /// <returns>The priced line, with the catalog version that set its list price.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="quantity"/> is negative.</exception>
    /// <exception cref="UnknownPricelistException">Thrown when the pricelist is not in the set.</exception>
    /// <exception cref="UnknownProductException">Thrown when the product is not in the catalog.</exception>
    /// <exception cref="MissingRecurrencePriceException">Thrown when no price for <paramref name="recurrence"/> is effective on <paramref name="date"/>.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a conversion needs a rate that is missing.</exception>
    /// <exception cref="UnitOfMeasureMismatchException">Thrown when <paramref name="unit"/> is in another category than the product's unit.</exception>
    public PricedLine PriceFromCatalog(string pricelistId, ProductCatalog catalog, string productId, decimal quantity, LocalDate date, Recurrence? recurrence = null, int? pricedAtVersion = null, UnitOfMeasure? unit = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var product = catalog.GetProduct(productId);
        var listPrice = catalog.PriceFor(productId, recurrence, date, pricedAtVersion);
        return PriceCore(Get(pricelistId), product, listPrice.Price, listPrice.Version, quantity, date, recurrence, unit);
    }

    private PricedLine PriceCore(Pricelist pricelist, Product product, UnitPrice listPrice, int? version, decimal quantity, LocalDate date, Recurrence? recurrence, UnitOfMeasure? unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var lineUnit = unit ?? product.UnitOfMeasure;
        var productQuantity = ReferenceEquals(lineUnit, product.UnitOfMeasure) ? quantity : lineUnit.ConvertQuantity(quantity, product.UnitOfMeasure);
        var list = ExchangeRates.Convert(listPrice.Amount, listPrice.Currency, pricelist.Currency);
        var net = NetPrice(pricelist, product, list, listPrice, productQuantity, date, recurrence, out var rule);
        if (!ReferenceEquals(lineUnit, product.UnitOfMeasure))
        {
            list = product.UnitOfMeasure.ConvertPrice(list, lineUnit);
            net = product.UnitOfMeasure.ConvertPrice(net, lineUnit);
        }

        if (net >= list)
        {
            list = net;
        }

        return new PricedLine(product.Id, pricelist.Id, rule?.Id, version, quantity, new UnitPrice(list, pricelist.Currency), new UnitPrice(net, pricelist.Currency));
    }

    /// <summary>The net price per product unit in the pricelist's currency; <paramref name="list"/> is the list price already converted.</summary>
    private decimal NetPrice(Pricelist pricelist, Product product, decimal list, UnitPrice listPrice, decimal quantity, LocalDate date, Recurrence? recurrence, out PricelistRule? rule)
    {
        rule = pricelist.FindRule(product, quantity, date, recurrence);
        if (rule is null)
        {
            return list;
        }

        var computation = rule.Computation;
        switch (computation.Kind)
        {
            case PriceComputationKind.Fixed:
                return computation.FixedPrice;
            case PriceComputationKind.PercentDiscount:
                return list * computation.DiscountFactor;
            default:
                var basePrice = list;
                if (computation.BasePricelistId is { } baseId)
                {
                    // Terminates: the constructor refused cycles.
                    var other = _pricelists[baseId];
                    var otherList = ExchangeRates.Convert(listPrice.Amount, listPrice.Currency, other.Currency);
                    var otherNet = NetPrice(other, product, otherList, listPrice, quantity, date, recurrence, out _);
                    basePrice = ExchangeRates.Convert(otherNet, other.Currency, pricelist.Currency);
                }

                return computation.Apply(basePrice);
        }
    }

    private void Visit(string id, Dictionary<string, int> state, List<string> path)
    {
        // 1 = on the current path, 2 = done.
        if (state.TryGetValue(id, out var s))
        {
            if (s == 1)
            {
                var start = path.IndexOf(id);
                throw new PricelistCycleException([.. path.Skip(start), id]);
            }

            return;
        }

        if (!_pricelists.TryGetValue(id, out var pricelist))
        {
            throw new UnknownPricelistException(id);
        }

        state[id] = 1;
        path.Add(id);
        foreach (var next in pricelist.BasePricelistIds())
        {
            Visit(next, state, path);
        }

        path.RemoveAt(path.Count - 1);
        state[id] = 2;
    }
}
