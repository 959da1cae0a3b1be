namespace Subscriptions.Taxes;

/// <summary>How a tax computes its amount from the base it sees.</summary>
public enum TaxAmountType
{
    /// <summary>A percentage of the base: <c>B·r</c> price-excluded, <c>B − B/(1+r)</c> price-included.</summary>
    Percent = 1,

    /// <summary>A fixed amount per unit: <c>amount × quantity</c>, signed like the line.</summary>
    Fixed = 2,

    /// <summary>A gross-up: the tax is <c>r</c> of the gross total, <c>B/(1−r) − B</c> price-excluded, <c>B·r</c> price-included.</summary>
    Division = 3,

    /// <summary>A group of (non-group) taxes that takes the group's position in the order.</summary>
    Group = 4,
}

/// <summary>Where amounts are rounded to the currency's step.</summary>
public enum TaxRoundingMethod
{
    /// <summary>Each line's base and each tax amount is rounded as soon as it is computed; document totals are sums of rounded values.</summary>
    PerLine = 1,

    /// <summary>Lines keep raw values; each document total is rounded once and the difference is pushed back onto the lines.</summary>
    Globally = 2,
}
