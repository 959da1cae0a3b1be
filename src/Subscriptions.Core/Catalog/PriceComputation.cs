using System.Globalization;

namespace Subscriptions.Catalog;

/// <summary>How a pricelist rule computes a price.</summary>
public enum PriceComputationKind
{
    /// <summary>A fixed price in the pricelist's currency.</summary>
    Fixed = 1,

    /// <summary>A percentage off the list price.</summary>
    PercentDiscount = 2,

    /// <summary>A formula on the list price or on another pricelist's price: discount, rounding, surcharge, margins.</summary>
    Formula = 3,
}

/// <summary>What a formula starts from.</summary>
public enum FormulaBase
{
    /// <summary>The product's list price, converted to the pricelist's currency.</summary>
    ListPrice = 1,

    /// <summary>The price another pricelist gives, converted to this pricelist's currency.</summary>
    OtherPricelist = 2,
}

/// <summary>
/// The computation of a pricelist rule: a fixed price, a percent discount, or a formula
/// <c>price = round(base × (1 − discount/100), increment) + surcharge</c>, then clamped to
/// <c>[base + minMargin, base + maxMargin]</c>.
/// </summary>
/// <remarks>Immutable. The rounding increment rounds half away from zero (0.05, 1, 10...); 0 means no rounding.</remarks>
public sealed class PriceComputation
{
    private readonly decimal _discountPercent;

    private PriceComputation(PriceComputationKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets the kind.</summary>
    public PriceComputationKind Kind { get; }

    /// <summary>Gets the fixed price (fixed computations).</summary>
    public decimal FixedPrice { get; private init; }

    /// <summary>Gets the discount in percent (percent and formula computations); negative for a markup.</summary>
    public decimal DiscountPercent
    {
        get => _discountPercent;
        private init
        {
            _discountPercent = value;
            DiscountFactor = 1m - (value * 0.01m);
        }
    }

    /// <summary>Gets <c>1 − DiscountPercent/100</c>, precomputed (exact).</summary>
    internal decimal DiscountFactor { get; private init; } = 1m;

    /// <summary>Gets what a formula starts from.</summary>
    public FormulaBase Base { get; private init; } = FormulaBase.ListPrice;

    /// <summary>Gets the pricelist a formula starts from, when <see cref="Base"/> is <see cref="FormulaBase.OtherPricelist"/>.</summary>
    public string? BasePricelistId { get; private init; }

    /// <summary>Gets the amount added after the discount and rounding.</summary>
    public decimal Surcharge { get; private init; }

    /// <summary>Gets the rounding increment, 0 for none.</summary>
    public decimal RoundingIncrement { get; private init; }

    /// <summary>Gets the minimum margin over the base, or null.</summary>
    public decimal? MinMargin { get; private init; }

    /// <summary>Gets the maximum margin over the base, or null.</summary>
    public decimal? MaxMargin { get; private init; }

    /// <summary>Creates a fixed price.</summary>
    /// <param name="price">The price in the pricelist's currency, per the product's unit of measure.</param>
    /// <returns>The computation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="price"/> is negative.</exception>
    public static PriceComputation Fixed(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        return new PriceComputation(PriceComputationKind.Fixed) { FixedPrice = price };
    }

    /// <summary>Creates a percent discount on the list price.</summary>
    /// <param name="percent">The discount, up to 100; negative for a markup.</param>
    /// <returns>The computation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="percent"/> is above 100.</exception>
    public static PriceComputation Discount(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        return new PriceComputation(PriceComputationKind.PercentDiscount) { DiscountPercent = percent };
    }

    /// <summary>Creates a formula on the list price or on another pricelist.</summary>
    /// <param name="discountPercent">The discount in percent, up to 100; negative for a markup.</param>
    /// <param name="surcharge">The amount added after discount and rounding.</param>
    /// <param name="roundingIncrement">The rounding increment, 0 for none.</param>
    /// <param name="minMargin">The minimum margin over the base, or null.</param>
    /// <param name="maxMargin">The maximum margin over the base, or null.</param>
    /// <param name="basePricelistId">The pricelist to start from, or null to start from the list price.</param>
    /// <returns>The computation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the discount is above 100, the increment negative, or the minimum margin above the maximum.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="basePricelistId"/> is blank but not null.</exception>
    public static PriceComputation Formula(
        decimal discountPercent = 0m,
        decimal surcharge = 0m,
        decimal roundingIncrement = 0m,
        decimal? minMargin = null,
        decimal? maxMargin = null,
        string? basePricelistId = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discountPercent, 100m);
        ArgumentOutOfRangeException.ThrowIfNegative(roundingIncrement);
        if (minMargin is { } min && maxMargin is { } max && min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(minMargin), minMargin, "The minimum margin must not exceed the maximum margin.");
        }

        if (basePricelistId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(basePricelistId);
        }

        return new PriceComputation(PriceComputationKind.Formula)
        {
            DiscountPercent = discountPercent,
            Surcharge = surcharge,
            RoundingIncrement = roundingIncrement,
            MinMargin = minMargin,
            MaxMargin = maxMargin,
            Base = basePricelistId is null ? FormulaBase.ListPrice : FormulaBase.OtherPricelist,
            BasePricelistId = basePricelistId,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PriceComputationKind.Fixed => string.Create(CultureInfo.InvariantCulture, $"fixed {FixedPrice}"),
        PriceComputationKind.PercentDiscount => string.Create(CultureInfo.InvariantCulture, $"{DiscountPercent}% off"),
        _ => string.Create(CultureInfo.InvariantCulture, $"formula on {(BasePricelistId ?? "list price")}: -{DiscountPercent}%, round {RoundingIncrement}, +{Surcharge}, margins [{MinMargin}, {MaxMargin}]"),
    };

    internal decimal Apply(decimal basePrice)
    {
        var price = basePrice * DiscountFactor;
        if (RoundingIncrement > 0m)
        {
            price = decimal.Round(price / RoundingIncrement, 0, MidpointRounding.AwayFromZero) * RoundingIncrement;
        }

        price += Surcharge;
        if (MinMargin is { } min && price < basePrice + min)
        {
            price = basePrice + min;
        }

        if (MaxMargin is { } max && price > basePrice + max)
        {
            price = basePrice + max;
        }

        return price;
    }
}
