using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>What a pricelist rule applies to, most specific first: a product, a category (and its descendants), or all products.</summary>
public enum PricelistRuleScope
{
    /// <summary>One product.</summary>
    Product = 1,

    /// <summary>A category and its descendants.</summary>
    Category = 2,

    /// <summary>Every product.</summary>
    All = 3,
}

/// <summary>
/// A pricelist rule: a scope (product, category, all), conditions (minimum quantity, validity window,
/// recurrence) and a computation.
/// </summary>
/// <remarks>
/// Immutable. The validity window is inclusive at both ends, and either end may be open. A rule with a
/// recurrence applies only to lines of that recurrence; a rule without applies to all.
/// </remarks>
public sealed class PricelistRule
{
    /// <summary>Initializes a new instance of the <see cref="PricelistRule"/> class.</summary>
    /// <param name="id">The id; among equally specific rules, the higher id wins.</param>
    /// <param name="scope">Product, category or all.</param>
    /// <param name="targetId">The product id or category id; null for <see cref="PricelistRuleScope.All"/>.</param>
    /// <param name="computation">The computation.</param>
    /// <param name="minQuantity">The minimum quantity, in the product's unit of measure.</param>
    /// <param name="validFrom">The first day of validity, or null.</param>
    /// <param name="validTo">The last day of validity, or null.</param>
    /// <param name="recurrence">The recurrence the rule is restricted to, or null.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="computation"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the scope is undefined, the target id does not match the scope, the window ends before it starts, or the recurrence is the invalid default.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="minQuantity"/> is negative.</exception>
    public PricelistRule(
        int id,
        PricelistRuleScope scope,
        string? targetId,
        PriceComputation computation,
        decimal minQuantity = 0m,
        LocalDate? validFrom = null,
        LocalDate? validTo = null,
        Recurrence? recurrence = null)
    {
        ArgumentNullException.ThrowIfNull(computation);
        ArgumentOutOfRangeException.ThrowIfNegative(minQuantity);
        if (scope is < PricelistRuleScope.Product or > PricelistRuleScope.All)
        {
            throw new ArgumentException("Use Product, Category or All.", nameof(scope));
        }

        if ((scope == PricelistRuleScope.All) != string.IsNullOrWhiteSpace(targetId))
        {
            throw new ArgumentException("Give a product or category id for product and category rules, and none for rules on all products.", nameof(targetId));
        }

        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw new ArgumentException("The validity window ends before it starts.", nameof(validTo));
        }

        if (recurrence is { IsValid: false })
        {
            throw new ArgumentException("Use a valid recurrence, or null for all.", nameof(recurrence));
        }

        Id = id;
        Scope = scope;
        TargetId = scope == PricelistRuleScope.All ? null : targetId;
        Computation = computation;
        MinQuantity = minQuantity;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Recurrence = recurrence;
    }

    /// <summary>Gets the id.</summary>
    public int Id { get; }

    /// <summary>Gets the scope.</summary>
    public PricelistRuleScope Scope { get; }

    /// <summary>Gets the product or category id, or null for all products.</summary>
    public string? TargetId { get; }

    /// <summary>Gets the computation.</summary>
    public PriceComputation Computation { get; }

    /// <summary>Gets the minimum quantity.</summary>
    public decimal MinQuantity { get; }

    /// <summary>Gets the first day of validity, or null.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>Gets the last day of validity (inclusive), or null.</summary>
    public LocalDate? ValidTo { get; }

    /// <summary>Gets the recurrence the rule is restricted to, or null.</summary>
    public Recurrence? Recurrence { get; }

    /// <inheritdoc />
    public override string ToString() => $"rule {Id} on {Scope} {TargetId}: {Computation}";

    internal bool Matches(decimal quantity, LocalDate date, Recurrence? recurrence) =>
        quantity >= MinQuantity
        && (ValidFrom is not { } from || date >= from)
        && (ValidTo is not { } to || date <= to)
        && (Recurrence is not { } r || (recurrence is { } asked && asked == r));
}
