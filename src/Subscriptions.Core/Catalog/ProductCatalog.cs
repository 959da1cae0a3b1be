using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>A change of a product's list price from a date, optionally applied to existing subscriptions.</summary>
public sealed class PriceChange
{
    /// <summary>Initializes a new instance of the <see cref="PriceChange"/> class.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="recurrence">The recurrence whose price changes, or null for the one-time price.</param>
    /// <param name="newPrice">The new price.</param>
    /// <param name="effectiveFrom">The first day the new price applies (inclusive).</param>
    /// <param name="appliesToExistingSubscriptions">Whether subscriptions priced by an earlier catalog version also move to the new price from <paramref name="effectiveFrom"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="productId"/> is blank or <paramref name="newPrice"/> is default.</exception>
    public PriceChange(string productId, Recurrence? recurrence, UnitPrice newPrice, LocalDate effectiveFrom, bool appliesToExistingSubscriptions = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        if (newPrice.Currency.IsNone)
        {
            throw new ArgumentException("A new price needs a currency.", nameof(newPrice));
        }

        ProductId = productId;
        Recurrence = recurrence;
        NewPrice = newPrice;
        EffectiveFrom = effectiveFrom;
        AppliesToExistingSubscriptions = appliesToExistingSubscriptions;
    }

    /// <summary>Gets the product.</summary>
    public string ProductId { get; }

    /// <summary>Gets the recurrence whose price changes, or null.</summary>
    public Recurrence? Recurrence { get; }

    /// <summary>Gets the new price.</summary>
    public UnitPrice NewPrice { get; }

    /// <summary>Gets the first day the new price applies.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets a value indicating whether existing subscriptions also move to the new price.</summary>
    public bool AppliesToExistingSubscriptions { get; }
}

/// <summary>A list price found in a catalog, with the catalog version that set it.</summary>
public readonly struct CatalogPrice
{
    internal CatalogPrice(UnitPrice price, int version, LocalDate effectiveFrom)
    {
        Price = price;
        Version = version;
        EffectiveFrom = effectiveFrom;
    }

    /// <summary>Gets the price.</summary>
    public UnitPrice Price { get; }

    /// <summary>Gets the catalog version that set this price.</summary>
    public int Version { get; }

    /// <summary>Gets the first day this price applies.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Price} (catalog v{Version}, from {EffectiveFrom:uuuu-MM-dd})";
}

/// <summary>
/// A versioned catalog of products: every change (a product added, a price changed) makes a new version;
/// a price change has an effective date, and existing subscriptions keep their price unless the change says
/// it applies to them.
/// </summary>
/// <remarks>
/// Immutable: <see cref="WithPriceChange"/> and <see cref="WithProduct"/> return a new catalog and leave this
/// one unchanged. A subscription remembers the <see cref="Version"/> it was priced with and passes it to
/// <see cref="PriceFor"/>; a new subscription passes null.
/// </remarks>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, Product> _products;
    private readonly Dictionary<(string ProductId, Recurrence? Recurrence), PriceEntry[]> _history;

    private ProductCatalog(int version, Dictionary<string, Product> products, Dictionary<(string, Recurrence?), PriceEntry[]> history)
    {
        Version = version;
        _products = products;
        _history = history;
    }

    /// <summary>Gets the current version, 1 for a new catalog.</summary>
    public int Version { get; }

    /// <summary>Gets the products.</summary>
    public IReadOnlyCollection<Product> Products => _products.Values;

    /// <summary>Creates version 1 of a catalog whose products' prices apply from a date.</summary>
    /// <param name="products">The products.</param>
    /// <param name="effectiveFrom">The first day the initial prices apply.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="products"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when two products share an id.</exception>
    public static ProductCatalog Create(IEnumerable<Product> products, LocalDate effectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(products);
        var catalog = new ProductCatalog(1, new Dictionary<string, Product>(StringComparer.Ordinal), []);
        foreach (var product in products)
        {
            ArgumentNullException.ThrowIfNull(product, nameof(products));
            catalog.AddProductInPlace(product, effectiveFrom, 1);
        }

        return catalog;
    }

    /// <summary>Returns the product with an id.</summary>
    /// <param name="productId">The id.</param>
    /// <returns>The product.</returns>
    /// <exception cref="UnknownProductException">Thrown when no product has that id.</exception>
    public Product GetProduct(string productId) =>
        _products.TryGetValue(productId, out var product) ? product : throw new UnknownProductException(productId);

    /// <summary>Returns a new version with a product added, its prices applying from a date.</summary>
    /// <param name="product">The product.</param>
    /// <param name="effectiveFrom">The first day its prices apply.</param>
    /// <returns>The new catalog.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="product"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a product with that id exists.</exception>
    public ProductCatalog WithProduct(Product product, LocalDate effectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(product);
        var next = Copy(Version + 1);
        next.AddProductInPlace(product, effectiveFrom, Version + 1);
        return next;
    }

    /// <summary>Returns a new version with a price change.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The new catalog.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="change"/> is null.</exception>
    /// <exception cref="UnknownProductException">Thrown when the product is not in the catalog.</exception>
    /// <exception cref="MissingRecurrencePriceException">Thrown when the product has no price for that recurrence (a change cannot add one).</exception>
    public ProductCatalog WithPriceChange(PriceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = GetProduct(change.ProductId);
        var key = (change.ProductId, change.Recurrence);
        if (!_history.TryGetValue(key, out var entries))
        {
            throw new MissingRecurrencePriceException(product.Id, change.Recurrence);
        }

        var next = Copy(Version + 1);
        next._history[key] = [.. entries, new PriceEntry(change.NewPrice, Version + 1, change.EffectiveFrom, change.AppliesToExistingSubscriptions)];
        return next;
    }

    /// <summary>Returns the list price of a product on a date, for a new subscription or one priced by an earlier version.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="recurrence">The recurrence, or null for the one-time price.</param>
    /// <param name="on">The date the price is needed for.</param>
    /// <param name="pricedAtVersion">The catalog version an existing subscription was priced with, or null for a new one.</param>
    /// <returns>The latest price effective on <paramref name="on"/> among the versions visible to the subscription, with the version that set it.</returns>
    /// <exception cref="UnknownProductException">Thrown when the product is not in the catalog.</exception>
    /// <exception cref="MissingRecurrencePriceException">Thrown when no such price is effective on <paramref name="on"/>.</exception>
    public CatalogPrice PriceFor(string productId, Recurrence? recurrence, LocalDate on, int? pricedAtVersion = null)
    {
        ArgumentNullException.ThrowIfNull(productId);
        _ = GetProduct(productId);
        if (!_history.TryGetValue((productId, recurrence), out var entries))
        {
            throw new MissingRecurrencePriceException(productId, recurrence);
        }

        PriceEntry? best = null;
        foreach (var entry in entries)
        {
            var visible = pricedAtVersion is not { } v || entry.Version <= v || entry.AppliesToExisting;
            if (!visible || entry.EffectiveFrom > on)
            {
                continue;
            }

            if (best is null || entry.EffectiveFrom > best.Value.EffectiveFrom
                || (entry.EffectiveFrom == best.Value.EffectiveFrom && entry.Version > best.Value.Version))
            {
                best = entry;
            }
        }

        return best is { } found
            ? new CatalogPrice(found.Price, found.Version, found.EffectiveFrom)
            : throw new MissingRecurrencePriceException(productId, recurrence);
    }

    private ProductCatalog Copy(int version) =>
        new(version, new Dictionary<string, Product>(_products, StringComparer.Ordinal), new Dictionary<(string, Recurrence?), PriceEntry[]>(_history));

    private void AddProductInPlace(Product product, LocalDate effectiveFrom, int version)
    {
        if (!_products.TryAdd(product.Id, product))
        {
            throw new ArgumentException($"The catalog already has a product '{product.Id}'.", nameof(product));
        }

        foreach (var price in product.Prices)
        {
            _history[(product.Id, price.Recurrence)] = [new PriceEntry(price.Price, version, effectiveFrom, true)];
        }
    }

    private readonly record struct PriceEntry(UnitPrice Price, int Version, LocalDate EffectiveFrom, bool AppliesToExisting);
}
