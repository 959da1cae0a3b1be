using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>One host-provided exchange rate: one unit of <see cref="Currency"/> is worth <see cref="Rate"/> units of the reporting currency from <see cref="EffectiveFrom"/> on.</summary>
/// <param name="Currency">The currency converted from.</param>
/// <param name="EffectiveFrom">The first day the rate is in force; it stays in force until the next rate of the same currency.</param>
/// <param name="Rate">Units of the reporting currency per unit of <paramref name="Currency"/>, above zero.</param>
public readonly record struct ExchangeRate(Currency Currency, LocalDate EffectiveFrom, decimal Rate);

/// <summary>The exchange rates into one reporting currency that the analytics convert with.</summary>
/// <remarks>
/// Immutable and thread-safe. A rate is in force from its effective date until the next rate of the same currency;
/// the reporting currency converts to itself at 1. A conversion with no rate in force throws
/// <see cref="MissingExchangeRateException"/>.
/// </remarks>
public sealed class ExchangeRates
{
    private readonly Dictionary<Currency, (int[] Days, decimal[] Rates)> _byCurrency = [];

    /// <summary>Initializes a new instance of the <see cref="ExchangeRates"/> class.</summary>
    /// <param name="reportingCurrency">The currency every amount is converted to.</param>
    /// <param name="rates">The rates into <paramref name="reportingCurrency"/>; may be empty for a single-currency business.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rates"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the reporting currency is <see cref="Currency.None"/>, a rate is not above zero, names no currency or the reporting currency, or two rates of a currency share a date.</exception>
    public ExchangeRates(Currency reportingCurrency, IEnumerable<ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (reportingCurrency.IsNone)
        {
            throw new ArgumentException("The reporting currency must be a real currency.", nameof(reportingCurrency));
        }

        ReportingCurrency = reportingCurrency;
        foreach (var group in rates.GroupBy(r => r.Currency))
        {
            if (group.Key.IsNone || group.Key == reportingCurrency)
            {
                throw new ArgumentException($"A rate must convert from a currency other than the reporting currency {reportingCurrency.Code}.", nameof(rates));
            }

            var sorted = group.OrderBy(r => r.EffectiveFrom).ToArray();
            var days = new int[sorted.Length];
            var values = new decimal[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                PeriodMath.CheckIso(sorted[i].EffectiveFrom, nameof(rates));
                if (sorted[i].Rate <= 0m)
                {
                    throw new ArgumentException($"The {group.Key.Code} rate effective {PeriodMath.Iso(sorted[i].EffectiveFrom)} must be above zero.", nameof(rates));
                }

                days[i] = PeriodMath.ToDay(sorted[i].EffectiveFrom);
                values[i] = sorted[i].Rate;
                if (i > 0 && days[i] == days[i - 1])
                {
                    throw new ArgumentException($"Two {group.Key.Code} rates are effective on {PeriodMath.Iso(sorted[i].EffectiveFrom)}.", nameof(rates));
                }
            }

            _byCurrency[group.Key] = (days, values);
        }
    }

    /// <summary>Gets the currency every amount is converted to.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>Returns rates for a business that bills in its reporting currency only.</summary>
    /// <param name="reportingCurrency">The only currency.</param>
    /// <returns>Rates that convert only the reporting currency, at 1.</returns>
    /// <exception cref="ArgumentException">Thrown when the currency is <see cref="Currency.None"/>.</exception>
    public static ExchangeRates SingleCurrency(Currency reportingCurrency) => new(reportingCurrency, []);

    /// <summary>Returns the rate in force on a date from a currency into the reporting currency.</summary>
    /// <param name="currency">The currency converted from.</param>
    /// <param name="date">The date.</param>
    /// <returns>Units of the reporting currency per unit of <paramref name="currency"/>.</returns>
    /// <exception cref="MissingExchangeRateException">Thrown when no rate of that currency is in force on that date.</exception>
    public decimal GetRate(Currency currency, LocalDate date)
    {
        PeriodMath.CheckIso(date, nameof(date));
        return TryGetRate(currency, PeriodMath.ToDay(date), out var rate)
            ? rate
            : throw new MissingExchangeRateException(currency, ReportingCurrency, date);
    }

    /// <summary>Converts an amount to the reporting currency at the rate in force on a date, without rounding.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="date">The date whose rate applies.</param>
    /// <returns>The amount in the reporting currency, at full precision.</returns>
    /// <exception cref="MissingExchangeRateException">Thrown when no rate of that currency is in force on that date.</exception>
    public Money Convert(Money amount, LocalDate date) =>
        new(amount.Amount * GetRate(amount.Currency, date), ReportingCurrency);

    internal bool TryGetRate(Currency currency, int day, out decimal rate)
    {
        if (currency == ReportingCurrency)
        {
            rate = 1m;
            return true;
        }

        if (_byCurrency.TryGetValue(currency, out var table))
        {
            var index = Array.BinarySearch(table.Days, day);
            if (index < 0)
            {
                index = ~index - 1;
            }

            if (index >= 0)
            {
                rate = table.Rates[index];
                return true;
            }
        }

        rate = 0m;
        return false;
    }
}
