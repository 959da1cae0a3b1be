using Subscriptions.Scheduling;

namespace Subscriptions.Analytics;

/// <summary>How discounts enter MRR.</summary>
public enum DiscountTreatment
{
    /// <summary>Every discount that applies to the current billing period is deducted (ChartMogul, ProfitWell, Baremetrics, Chargebee; the default).</summary>
    CurrentPeriod = 0,

    /// <summary>Only discounts that last forever are deducted (Stripe).</summary>
    ForeverOnly = 1,

    /// <summary>No discount is deducted: MRR at list price (Paddle).</summary>
    ListPrice = 2,
}

/// <summary>Options of <see cref="MrrNormalization"/>.</summary>
public class MrrNormalizationOptions
{
    /// <summary>Gets or sets the number of days in an average month, which normalizes daily and weekly prices.</summary>
    /// <value>The default value is 30.437 (Odoo's constant, 365.24 / 12): a week is 30.437 / 7 months.</value>
    public decimal DaysPerMonth { get; set; } = MrrNormalization.DefaultDaysPerMonth;

    /// <summary>Gets or sets which discounts are deducted.</summary>
    /// <value>The default value is <see cref="DiscountTreatment.CurrentPeriod"/>.</value>
    public DiscountTreatment Discounts { get; set; } = DiscountTreatment.CurrentPeriod;
}

/// <summary>Normalizes a recurring price to a month (METRICS.md, MRR normalisation).</summary>
/// <remarks>
/// <c>MRR_line = unit_price × quantity × (1 − discount) × factor / interval</c>, with factor month = 1,
/// year = 1/12, week = 30.437/7 and day = 30.437 by default. Month-based intervals are exact, so
/// <c>ARR = 12 × MRR</c> stays consistent with the calendar. Nothing is rounded: round only for display.
/// Taxes, one-time and setup charges, metered charges, trials and free plans are not recurring lines and must
/// not be passed here.
/// </remarks>
public static class MrrNormalization
{
    /// <summary>The default number of days in an average month: 30.437 (365.24 / 12, Odoo's constant).</summary>
    public const decimal DefaultDaysPerMonth = 30.437m;

    private static readonly MrrNormalizationOptions Defaults = new();

    /// <summary>Returns the factor that turns one period's price into a monthly amount.</summary>
    /// <param name="recurrence">The billing recurrence.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The factor: 1 for monthly, 1/12 for yearly, 30.437/7 for weekly, 30.437/45 for every 45 days.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="recurrence"/> is the invalid default value or the days per month are not above zero.</exception>
    public static decimal MonthlyFactor(Recurrence recurrence, MrrNormalizationOptions? options = null)
    {
        if (!recurrence.IsValid)
        {
            throw new ArgumentException("The recurrence must be valid, not default(Recurrence).", nameof(recurrence));
        }

        var daysPerMonth = (options ?? Defaults).DaysPerMonth;
        if (daysPerMonth <= 0m)
        {
            throw new ArgumentException("DaysPerMonth must be above zero.", nameof(options));
        }

        return recurrence.Unit switch
        {
            RecurrenceUnit.Day => daysPerMonth / recurrence.Interval,
            RecurrenceUnit.Week => daysPerMonth / (7m * recurrence.Interval),
            RecurrenceUnit.Month => 1m / recurrence.Interval,
            _ => 1m / (12m * recurrence.Interval),
        };
    }

    /// <summary>Returns the MRR of one recurring line.</summary>
    /// <param name="unitPrice">The untaxed price of one unit for one period of <paramref name="recurrence"/>.</param>
    /// <param name="quantity">The quantity, not negative.</param>
    /// <param name="discount">The discount as a fraction, from 0 (none) to 1 (100 %).</param>
    /// <param name="recurrence">The billing recurrence.</param>
    /// <param name="discountIsForever">Whether the discount lasts forever (matters only with <see cref="DiscountTreatment.ForeverOnly"/>).</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The monthly amount in the price's currency, at full precision.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the quantity is negative or the discount is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="recurrence"/> is the invalid default value.</exception>
    public static Money Monthly(Money unitPrice, decimal quantity, decimal discount, Recurrence recurrence, bool discountIsForever = true, MrrNormalizationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        if (discount is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "A discount is a fraction from 0 to 1.");
        }

        _ = MonthlyFactor(recurrence, options);
        var daysPerMonth = (options ?? Defaults).DaysPerMonth;
        var treatment = (options ?? Defaults).Discounts;
        var applied = treatment switch
        {
            DiscountTreatment.ListPrice => 0m,
            DiscountTreatment.ForeverOnly when !discountIsForever => 0m,
            _ => discount,
        };
        // Multiply first and divide last, so that a yearly 1200 gives exactly 100 a month.
        var perPeriod = unitPrice.Amount * quantity * (1m - applied);
        var monthly = recurrence.Unit switch
        {
            RecurrenceUnit.Day => perPeriod * daysPerMonth / recurrence.Interval,
            RecurrenceUnit.Week => perPeriod * daysPerMonth / (7m * recurrence.Interval),
            RecurrenceUnit.Month => perPeriod / recurrence.Interval,
            _ => perPeriod / (12m * recurrence.Interval),
        };
        return new Money(monthly, unitPrice.Currency);
    }
}
