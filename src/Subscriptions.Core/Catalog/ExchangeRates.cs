namespace Subscriptions.Catalog;

/// <summary>A snapshot of exchange rates used to convert list prices into a pricelist's currency.</summary>
/// <remarks>
/// Immutable. A rate from A to B also converts B to A (by its inverse) unless a B to A rate is given.
/// Converting within one currency needs no rate; any other missing rate throws <see cref="MissingExchangeRateException"/>.
/// </remarks>
public sealed class ExchangeRates
{
    private readonly Dictionary<(Currency From, Currency To), decimal> _rates = [];

    /// <summary>Initializes a new instance of the <see cref="ExchangeRates"/> class.</summary>
    /// <param name="rates">The rates: one unit of <c>From</c> is <c>Rate</c> units of <c>To</c>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a rate is not above zero.</exception>
    /// <exception cref="ArgumentException">Thrown when a currency is <see cref="Currency.None"/>.</exception>
    public ExchangeRates(IEnumerable<(Currency From, Currency To, decimal Rate)> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        foreach (var (from, to, rate) in rates)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(rates));
            if (from.IsNone || to.IsNone)
            {
                throw new ArgumentException("Exchange rates are between real currencies.", nameof(rates));
            }

            _rates[(from, to)] = rate;
            _rates.TryAdd((to, from), 1m / rate);
        }
    }

    /// <summary>Gets an empty set of rates (only same-currency conversions work).</summary>
    public static ExchangeRates None { get; } = new([]);

    /// <summary>Converts an amount between currencies, unrounded.</summary>
    /// <param name="amount">The amount in <paramref name="from"/>.</param>
    /// <param name="from">The source currency.</param>
    /// <param name="to">The target currency.</param>
    /// <returns>The amount in <paramref name="to"/>.</returns>
    /// <exception cref="MissingExchangeRateException">Thrown when no rate is known.</exception>
    public decimal Convert(decimal amount, Currency from, Currency to)
    {
        if (from == to)
        {
            return amount;
        }

        return _rates.TryGetValue((from, to), out var rate) ? amount * rate : throw new MissingExchangeRateException(from, to);
    }
}
