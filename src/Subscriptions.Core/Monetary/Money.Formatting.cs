using System.Globalization;

namespace Subscriptions;

public readonly partial struct Money : IFormattable
{
    private static readonly int[] SpacedNegativePattern = [14, 9, 12, 11, 15, 8, 13, 10, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    /// <summary>Returns the invariant, parseable form: the code, a space and the amount, such as <c>EUR 1234.56</c>.</summary>
    /// <returns>The invariant text; the amount shows at least the currency's minor units and every further significant decimal.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount.</summary>
    /// <param name="format">
    /// <c>G</c> (or null/empty): code, space, amount without grouping, such as <c>EUR 1234.56</c> (the invariant form);
    /// <c>N</c>: code, space, amount with the culture's grouping, such as <c>EUR 1,234.56</c>;
    /// <c>C</c>: the culture's currency pattern, with the culture's own symbol when the currency is the culture's region's
    /// (<c>1 234,56 €</c> in fr-FR) and the ISO code otherwise (<c>EUR 1,234.56</c> in en-US).
    /// </param>
    /// <param name="formatProvider">The culture or number format; the current culture when null.</param>
    /// <returns>The formatted text. The amount shows at least the currency's minor units and never hides a significant decimal.</returns>
    /// <exception cref="FormatException">Thrown when <paramref name="format"/> is not G, N or C.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var numbers = NumberFormatInfo.GetInstance(formatProvider);
        var decimals = DisplayDecimals();
        var digits = decimals.ToString(CultureInfo.InvariantCulture);
        switch (format)
        {
            case null or "" or "G" or "g":
                return $"{_currency.Code} {_amount.ToString("F" + digits, numbers)}";
            case "N" or "n":
                return $"{_currency.Code} {_amount.ToString("N" + digits, numbers)}";
            case "C" or "c":
                return FormatAsCurrency(formatProvider as CultureInfo ?? CultureInfo.CurrentCulture, numbers, decimals);
            default:
                throw new FormatException($"Unknown Money format '{format}': use G, N or C.");
        }
    }

    private string FormatAsCurrency(CultureInfo culture, NumberFormatInfo numbers, int decimals)
    {
        var currencyFormat = (NumberFormatInfo)numbers.Clone();
        currencyFormat.CurrencyDecimalDigits = decimals;
        if (RegionCurrency(culture) != _currency.Code)
        {
            currencyFormat.CurrencySymbol = _currency.Code;
            currencyFormat.CurrencyPositivePattern = currencyFormat.CurrencyPositivePattern switch
            {
                0 => 2,
                1 => 3,
                var spaced => spaced,
            };
            currencyFormat.CurrencyNegativePattern = SpacedNegativePattern[currencyFormat.CurrencyNegativePattern];
        }

        return _amount.ToString("C", currencyFormat);
    }

    private static string? RegionCurrency(CultureInfo culture)
    {
        if (culture.IsNeutralCulture || string.IsNullOrEmpty(culture.Name))
        {
            return null;
        }

        try
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private int DisplayDecimals()
    {
        var minor = _currency.MinorUnits;
        int scale = _amount.Scale;
        while (scale > minor && decimal.Round(_amount, scale - 1) == _amount)
        {
            scale--;
        }

        return Math.Max(scale, minor);
    }
}
