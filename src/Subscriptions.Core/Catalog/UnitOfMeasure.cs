using System.Globalization;

namespace Subscriptions.Catalog;

/// <summary>A category of units of measure that convert into each other: units (unit, dozen), time (hour, day), seats.</summary>
/// <remarks>Compared by reference: two categories with the same name are different categories.</remarks>
public sealed class UnitOfMeasureCategory
{
    /// <summary>Initializes a new instance of the <see cref="UnitOfMeasureCategory"/> class.</summary>
    /// <param name="name">The name, such as "Unit" or "Working time".</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is blank.</exception>
    public UnitOfMeasureCategory(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// A unit of measure: a category, how many reference units of that category one of it is (a dozen is 12
/// units, a day is 8 hours of working time) and the step quantities in it are rounded to.
/// </summary>
/// <remarks>
/// Immutable. Quantities convert as <c>quantity × Ratio(from) / Ratio(to)</c>, rounded half away from zero
/// to the target unit's <see cref="Rounding"/>; prices convert the other way and are not rounded. Converting
/// across categories throws <see cref="UnitOfMeasureMismatchException"/>.
/// </remarks>
public sealed class UnitOfMeasure
{
    /// <summary>Initializes a new instance of the <see cref="UnitOfMeasure"/> class.</summary>
    /// <param name="name">The name, such as "Dozen".</param>
    /// <param name="category">The category.</param>
    /// <param name="ratio">How many reference units of the category one of this unit is (1 for the reference unit).</param>
    /// <param name="rounding">The step quantities in this unit are rounded to, such as 1 or 0.01.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="category"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="ratio"/> or <paramref name="rounding"/> is not above zero.</exception>
    public UnitOfMeasure(string name, UnitOfMeasureCategory category, decimal ratio = 1m, decimal rounding = 0.01m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounding);
        Name = name;
        Category = category;
        Ratio = ratio;
        Rounding = rounding;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the category.</summary>
    public UnitOfMeasureCategory Category { get; }

    /// <summary>Gets how many reference units of the category one of this unit is.</summary>
    public decimal Ratio { get; }

    /// <summary>Gets the step quantities in this unit are rounded to.</summary>
    public decimal Rounding { get; }

    /// <summary>Converts a quantity in this unit to another unit of the same category, rounded to the target's step.</summary>
    /// <param name="quantity">The quantity in this unit.</param>
    /// <param name="to">The target unit.</param>
    /// <returns>The quantity in <paramref name="to"/>, rounded half away from zero to <c>to.Rounding</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="to"/> is null.</exception>
    /// <exception cref="UnitOfMeasureMismatchException">Thrown when <paramref name="to"/> is in another category.</exception>
    public decimal ConvertQuantity(decimal quantity, UnitOfMeasure to)
    {
        EnsureSameCategory(to);
        if (ReferenceEquals(to, this))
        {
            return quantity;
        }

        var converted = quantity * Ratio / to.Ratio;
        return decimal.Round(converted / to.Rounding, 0, MidpointRounding.AwayFromZero) * to.Rounding;
    }

    /// <summary>Converts a price per one of this unit to a price per one of another unit of the same category.</summary>
    /// <param name="pricePerUnit">The price per one of this unit.</param>
    /// <param name="to">The target unit.</param>
    /// <returns>The price per one of <paramref name="to"/>, unrounded (EUR 1 per unit is EUR 12 per dozen).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="to"/> is null.</exception>
    /// <exception cref="UnitOfMeasureMismatchException">Thrown when <paramref name="to"/> is in another category.</exception>
    public decimal ConvertPrice(decimal pricePerUnit, UnitOfMeasure to)
    {
        EnsureSameCategory(to);
        return ReferenceEquals(to, this) ? pricePerUnit : pricePerUnit * to.Ratio / Ratio;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Ratio} x {Category.Name})");

    private void EnsureSameCategory(UnitOfMeasure to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (!ReferenceEquals(to.Category, Category))
        {
            throw new UnitOfMeasureMismatchException(Name, to.Name);
        }
    }
}
