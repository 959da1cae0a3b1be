using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Scheduling;
using Subscriptions.Taxes;

namespace Subscriptions;

/// <summary>
/// What the engine sells: the versioned product catalog and the plans (subscription templates). The engine prices the
/// options and plan changes a customer asks for in the portal from it, so that a customer can never set a price.
/// </summary>
public sealed class SubscriptionCatalog
{
    private readonly Dictionary<string, Plan> _plans;

    /// <summary>Initializes a new instance of the <see cref="SubscriptionCatalog"/> class.</summary>
    /// <param name="products">The versioned product catalog.</param>
    /// <param name="plans">The plans, with distinct ids.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument or a plan is null.</exception>
    /// <exception cref="ArgumentException">Thrown when two plans share an id.</exception>
    public SubscriptionCatalog(ProductCatalog products, IEnumerable<Plan> plans)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(plans);
        Products = products;
        _plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            ArgumentNullException.ThrowIfNull(plan, nameof(plans));
            if (!_plans.TryAdd(plan.Id, plan))
            {
                throw new ArgumentException($"Two plans have the id '{plan.Id}'.", nameof(plans));
            }
        }
    }

    /// <summary>Gets the versioned product catalog.</summary>
    public ProductCatalog Products { get; }

    /// <summary>Gets the plans.</summary>
    public IReadOnlyCollection<Plan> Plans => _plans.Values;

    /// <summary>Gets the pricelists a quote may be priced through, or null when quotes use the catalog's list prices only.</summary>
    /// <value>The default value is null.</value>
    public PricelistSet? Pricelists { get; init; }

    /// <summary>Gets the tax configuration that taxes quotes (with the products' taxes and the quote's fiscal position), or null to quote without taxes.</summary>
    /// <value>The default value is null.</value>
    public TaxConfiguration? Taxes { get; init; }

    /// <summary>Returns the plan with an id.</summary>
    /// <param name="planId">The plan's id.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="UnknownPlanException">Thrown when no plan has that id.</exception>
    public Plan GetPlan(string planId)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return _plans.TryGetValue(planId, out var plan) ? plan : throw new UnknownPlanException(planId);
    }

    /// <summary>Prices a product as a subscription line at the catalog price for a recurrence on a date.</summary>
    /// <param name="lineId">The new line's id.</param>
    /// <param name="productId">The product.</param>
    /// <param name="kind">The kind of line.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="recurrence">The contract's recurrence (the product's price for it is used).</param>
    /// <param name="currency">The contract's currency.</param>
    /// <param name="on">The date of the price (catalog versions are dated).</param>
    /// <returns>The priced line.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the catalog price is in another currency than the contract.</exception>
    public SubscriptionLine PriceLine(string lineId, string productId, SubscriptionLineKind kind, decimal quantity, Recurrence recurrence, Currency currency, LocalDate on)
    {
        var product = Products.GetProduct(productId);
        var price = Products.PriceFor(productId, recurrence, on).Price;
        if (price.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, price.Currency);
        }

        return new SubscriptionLine(lineId, product.Id, product.Name, kind, quantity, new Money(price.Amount, price.Currency));
    }
}
