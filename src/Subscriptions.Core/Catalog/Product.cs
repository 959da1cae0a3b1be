using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>What a product is sold as.</summary>
public enum ProductKind
{
    /// <summary>Billed every period of a subscription, with a price per recurrence.</summary>
    Recurring = 1,

    /// <summary>Billed once.</summary>
    OneTime = 2,

    /// <summary>Billed once when a subscription starts.</summary>
    SetupFee = 3,
}

/// <summary>A product category; categories form a tree, and pricelist rules on a category apply to its descendants.</summary>
/// <remarks>Immutable; compared by reference, identified by <see cref="Id"/> in pricelist rules.</remarks>
public sealed class ProductCategory
{
    /// <summary>Initializes a new instance of the <see cref="ProductCategory"/> class.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="parent">The parent category, or null for a root.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> or <paramref name="name"/> is blank.</exception>
    public ProductCategory(string id, string name, ProductCategory? parent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Parent = parent;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the parent category, or null.</summary>
    public ProductCategory? Parent { get; }

    /// <inheritdoc />
    public override string ToString() => Parent is null ? Name : $"{Parent} / {Name}";
}

/// <summary>A list price of a product: per recurrence for recurring products, once for one-time products and setup fees.</summary>
public readonly struct ProductPrice : IEquatable<ProductPrice>
{
    /// <summary>Initializes a new instance of the <see cref="ProductPrice"/> struct.</summary>
    /// <param name="price">The price per unit of the product's unit of measure.</param>
    /// <param name="recurrence">The recurrence the price is for (10/month, 100/year), or null for a one-time price.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="price"/> is default or <paramref name="recurrence"/> is the invalid default.</exception>
    public ProductPrice(UnitPrice price, Recurrence? recurrence = null)
    {
        if (price.Currency.IsNone)
        {
            throw new ArgumentException("A product price needs a currency.", nameof(price));
        }

        if (recurrence is { IsValid: false })
        {
            throw new ArgumentException("Use a valid recurrence (not default), or null for a one-time price.", nameof(recurrence));
        }

        Price = price;
        Recurrence = recurrence;
    }

    /// <summary>Gets the price per unit.</summary>
    public UnitPrice Price { get; }

    /// <summary>Gets the recurrence, or null for a one-time price.</summary>
    public Recurrence? Recurrence { get; }

    /// <summary>Returns whether two prices are equal.</summary>
    /// <param name="left">The first price.</param>
    /// <param name="right">The second price.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ProductPrice left, ProductPrice right) => left.Equals(right);

    /// <summary>Returns whether two prices differ.</summary>
    /// <param name="left">The first price.</param>
    /// <param name="right">The second price.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProductPrice left, ProductPrice right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProductPrice other) => Price == other.Price && Nullable.Equals(Recurrence, other.Recurrence);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProductPrice other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Price, Recurrence);

    /// <inheritdoc />
    public override string ToString() => Recurrence is { } r ? $"{Price} / {r}" : Price.ToString();
}

/// <summary>
/// A product: recurring (with a price per recurrence), one-time or a setup fee; its category, default unit
/// of measure, list prices and the optional products offered with it.
/// </summary>
/// <remarks>Immutable. A versioned price history lives in <see cref="ProductCatalog"/>; the prices here are the initial ones.</remarks>
public sealed class Product
{
    private readonly ProductPrice[] _prices;
    private readonly string[] _optionalProductIds;

    /// <summary>Initializes a new instance of the <see cref="Product"/> class.</summary>
    /// <param name="id">The id (SKU).</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">Recurring, one-time or setup fee.</param>
    /// <param name="category">The category.</param>
    /// <param name="unitOfMeasure">The default unit of measure; prices are per one of it.</param>
    /// <param name="prices">The list prices: at least one, each with a distinct recurrence for recurring products; exactly one without recurrence otherwise.</param>
    /// <param name="optionalProductIds">Products offered as options with this one.</param>
    /// <param name="taxIds">The ids of the taxes applied by default.</param>
    /// <exception cref="ArgumentNullException">Thrown when a required argument is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an id or name is blank, <paramref name="kind"/> is undefined, or the prices do not fit the kind.</exception>
    public Product(
        string id,
        string name,
        ProductKind kind,
        ProductCategory category,
        UnitOfMeasure unitOfMeasure,
        IEnumerable<ProductPrice> prices,
        IEnumerable<string>? optionalProductIds = null,
        IEnumerable<int>? taxIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(unitOfMeasure);
        ArgumentNullException.ThrowIfNull(prices);
        if (kind is < ProductKind.Recurring or > ProductKind.SetupFee)
        {
            throw new ArgumentException("Use Recurring, OneTime or SetupFee.", nameof(kind));
        }

        _prices = prices.ToArray();
        if (_prices.Length == 0)
        {
            throw new ArgumentException("A product needs at least one price.", nameof(prices));
        }

        if (kind == ProductKind.Recurring)
        {
            for (var i = 0; i < _prices.Length; i++)
            {
                if (_prices[i].Recurrence is null)
                {
                    throw new ArgumentException("Every price of a recurring product names its recurrence.", nameof(prices));
                }

                for (var j = 0; j < i; j++)
                {
                    if (_prices[j].Recurrence == _prices[i].Recurrence)
                    {
                        throw new ArgumentException($"Two prices for the recurrence {_prices[i].Recurrence}.", nameof(prices));
                    }
                }
            }
        }
        else if (_prices.Length != 1 || _prices[0].Recurrence is not null)
        {
            throw new ArgumentException("A one-time product or setup fee has exactly one price, without recurrence.", nameof(prices));
        }

        Id = id;
        Name = name;
        Kind = kind;
        Category = category;
        UnitOfMeasure = unitOfMeasure;
        _optionalProductIds = optionalProductIds?.ToArray() ?? [];
        TaxIds = Array.AsReadOnly(taxIds?.ToArray() ?? []);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind.</summary>
    public ProductKind Kind { get; }

    /// <summary>Gets the category.</summary>
    public ProductCategory Category { get; }

    /// <summary>Gets the default unit of measure.</summary>
    public UnitOfMeasure UnitOfMeasure { get; }

    /// <summary>Gets the list prices.</summary>
    public IReadOnlyList<ProductPrice> Prices => Array.AsReadOnly(_prices);

    /// <summary>Gets the ids of the products offered as options with this one.</summary>
    public IReadOnlyList<string> OptionalProductIds => Array.AsReadOnly(_optionalProductIds);

    /// <summary>Gets the ids of the taxes applied by default.</summary>
    public IReadOnlyList<int> TaxIds { get; }

    /// <summary>Returns whether the product has a price for a recurrence (null: the one-time price).</summary>
    /// <param name="recurrence">The recurrence, or null.</param>
    /// <param name="price">The price found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetListPrice(Recurrence? recurrence, out UnitPrice price)
    {
        foreach (var candidate in _prices)
        {
            if (Nullable.Equals(candidate.Recurrence, recurrence))
            {
                price = candidate.Price;
                return true;
            }
        }

        price = default;
        return false;
    }

    /// <summary>Returns the list price for a recurrence (null: the one-time price).</summary>
    /// <param name="recurrence">The recurrence, or null.</param>
    /// <returns>The price.</returns>
    /// <exception cref="MissingRecurrencePriceException">Thrown when the product has no such price.</exception>
    public UnitPrice ListPrice(Recurrence? recurrence) =>
        TryGetListPrice(recurrence, out var price) ? price : throw new MissingRecurrencePriceException(Id, recurrence);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Kind})";
}
