using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>Thrown when a quantity or price is converted between units of measure of different categories (hours to seats).</summary>
/// <remarks>Error code <c>catalog.uom_category_mismatch</c>.</remarks>
public sealed class UnitOfMeasureMismatchException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.uom_category_mismatch";

    /// <summary>Initializes a new instance of the <see cref="UnitOfMeasureMismatchException"/> class.</summary>
    /// <param name="from">The unit converted from.</param>
    /// <param name="to">The unit converted to.</param>
    public UnitOfMeasureMismatchException(string from, string to)
        : base(Code, $"Cannot convert '{from}' to '{to}': they are in different unit of measure categories; use a unit of the same category.")
    {
        From = from;
        To = to;
    }

    /// <summary>Gets the name of the unit converted from.</summary>
    public string From { get; }

    /// <summary>Gets the name of the unit converted to.</summary>
    public string To { get; }
}

/// <summary>Thrown when a product has no price for the recurrence asked (a yearly line on a monthly-only product).</summary>
/// <remarks>Error code <c>catalog.no_price_for_recurrence</c>.</remarks>
public sealed class MissingRecurrencePriceException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.no_price_for_recurrence";

    /// <summary>Initializes a new instance of the <see cref="MissingRecurrencePriceException"/> class.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="recurrence">The recurrence asked, or null for a one-time price.</param>
    public MissingRecurrencePriceException(string productId, Recurrence? recurrence)
        : base(Code, $"Product '{productId}' has no {(recurrence is { } r ? r.ToString() : "one-time")} price; add a price for that recurrence or choose another one.")
    {
        ProductId = productId;
        Recurrence = recurrence;
    }

    /// <summary>Gets the product.</summary>
    public string ProductId { get; }

    /// <summary>Gets the recurrence asked, or null.</summary>
    public Recurrence? Recurrence { get; }
}

/// <summary>Thrown when a price must be converted between currencies and no exchange rate is known.</summary>
/// <remarks>Error code <c>catalog.missing_exchange_rate</c>.</remarks>
public sealed class MissingExchangeRateException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.missing_exchange_rate";

    /// <summary>Initializes a new instance of the <see cref="MissingExchangeRateException"/> class.</summary>
    /// <param name="from">The source currency.</param>
    /// <param name="to">The target currency.</param>
    public MissingExchangeRateException(Currency from, Currency to)
        : base(Code, $"No exchange rate from {from.Code} to {to.Code}; give one to the pricelist set.")
    {
        From = from;
        To = to;
    }

    /// <summary>Gets the source currency.</summary>
    public Currency From { get; }

    /// <summary>Gets the target currency.</summary>
    public Currency To { get; }
}

/// <summary>Thrown when pricelists are based on each other in a cycle (A on B on A).</summary>
/// <remarks>Error code <c>catalog.pricelist_cycle</c>.</remarks>
public sealed class PricelistCycleException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.pricelist_cycle";

    /// <summary>Initializes a new instance of the <see cref="PricelistCycleException"/> class.</summary>
    /// <param name="cycle">The pricelist ids along the cycle, the first repeated at the end.</param>
    public PricelistCycleException(IReadOnlyList<string> cycle)
        : base(Code, $"Pricelists are based on each other in a cycle: {string.Join(" -> ", cycle)}; base one of them on the list price instead.")
    {
        Cycle = cycle;
    }

    /// <summary>Gets the pricelist ids along the cycle.</summary>
    public IReadOnlyList<string> Cycle { get; }
}

/// <summary>Thrown when a pricelist id is not known (a formula based on a missing pricelist, an unknown id asked).</summary>
/// <remarks>Error code <c>catalog.unknown_pricelist</c>.</remarks>
public sealed class UnknownPricelistException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.unknown_pricelist";

    /// <summary>Initializes a new instance of the <see cref="UnknownPricelistException"/> class.</summary>
    /// <param name="pricelistId">The id not found.</param>
    public UnknownPricelistException(string pricelistId)
        : base(Code, $"Pricelist '{pricelistId}' is not part of the pricelist set; add it first.")
    {
        PricelistId = pricelistId;
    }

    /// <summary>Gets the id not found.</summary>
    public string PricelistId { get; }
}

/// <summary>Thrown when a product id is not part of a catalog.</summary>
/// <remarks>Error code <c>catalog.unknown_product</c>.</remarks>
public sealed class UnknownProductException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.unknown_product";

    /// <summary>Initializes a new instance of the <see cref="UnknownProductException"/> class.</summary>
    /// <param name="productId">The id not found.</param>
    public UnknownProductException(string productId)
        : base(Code, $"Product '{productId}' is not part of the catalog; add it first.")
    {
        ProductId = productId;
    }

    /// <summary>Gets the id not found.</summary>
    public string ProductId { get; }
}

/// <summary>Thrown when a plan line cannot be used by its plan (a recurring product without a price for the plan's recurrence).</summary>
/// <remarks>Error code <c>catalog.invalid_plan_line</c>.</remarks>
public sealed class InvalidPlanLineException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "catalog.invalid_plan_line";

    /// <summary>Initializes a new instance of the <see cref="InvalidPlanLineException"/> class.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="productId">The product of the line.</param>
    /// <param name="reason">What is wrong.</param>
    public InvalidPlanLineException(string planId, string productId, string reason)
        : base(Code, $"Plan '{planId}' cannot offer product '{productId}': {reason}")
    {
        PlanId = planId;
        ProductId = productId;
    }

    /// <summary>Gets the plan.</summary>
    public string PlanId { get; }

    /// <summary>Gets the product of the line.</summary>
    public string ProductId { get; }
}
