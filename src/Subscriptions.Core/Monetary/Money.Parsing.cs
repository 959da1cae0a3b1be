using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Subscriptions;

public readonly partial struct Money : IParsable<Money>
{
    /// <summary>Parses the invariant form written by <see cref="ToString()"/>, such as <c>EUR 1234.56</c> or <c>1234.56 EUR</c>.</summary>
    /// <param name="s">The text: a currency code and an amount, in either order, separated by white space.</param>
    /// <returns>The amount, exactly as written (not rounded).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">Thrown when the text is not a code and an amount.</exception>
    /// <exception cref="UnknownCurrencyException">Thrown when the code is not a known billing currency.</exception>
    public static Money ParseInvariant(string s) => Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Parses a currency code and an amount written in a culture's number format, such as <c>EUR 1.234,56</c> in de-DE.</summary>
    /// <param name="s">The text: a currency code and an amount, in either order, separated by white space.</param>
    /// <param name="provider">The culture or number format of the amount; the current culture when null.</param>
    /// <returns>The amount, exactly as written (not rounded).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">Thrown when the text is not a code and an amount.</exception>
    /// <exception cref="UnknownCurrencyException">Thrown when the code is not a known billing currency.</exception>
    public static Money Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!TrySplit(s, out var code, out var number))
        {
            throw new FormatException($"'{s}' is not money: write a currency code and an amount, such as 'EUR 12.50'.");
        }

        var currency = Currency.FromCode(code.ToString());
        if (!decimal.TryParse(number, NumberStyles.Number, provider, out var amount))
        {
            throw new FormatException($"'{number}' in '{s}' is not an amount.");
        }

        return new Money(amount, currency);
    }

    /// <summary>Tries to parse the invariant form, such as <c>EUR 1234.56</c>.</summary>
    /// <param name="s">The text; may be null.</param>
    /// <param name="result">The amount when the text is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text is a known currency code and an amount.</returns>
    public static bool TryParseInvariant([NotNullWhen(true)] string? s, out Money result) => TryParse(s, CultureInfo.InvariantCulture, out result);

    /// <summary>Tries to parse a currency code and an amount written in a culture's number format.</summary>
    /// <param name="s">The text; may be null.</param>
    /// <param name="provider">The culture or number format of the amount; the current culture when null.</param>
    /// <param name="result">The amount when the text is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text is a known currency code and an amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result)
    {
        result = default;
        if (s is null
            || !TrySplit(s, out var code, out var number)
            || !Currency.TryFromCode(code, out var currency)
            || !decimal.TryParse(number, NumberStyles.Number, provider, out var amount))
        {
            return false;
        }

        result = new Money(amount, currency);
        return true;
    }

    private static bool TrySplit(string s, out ReadOnlySpan<char> code, out ReadOnlySpan<char> number)
    {
        var text = s.AsSpan().Trim();
        code = default;
        number = default;
        if (text.Length < 5)
        {
            return false;
        }

        if (char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]) && char.IsAsciiLetter(text[2]) && char.IsWhiteSpace(text[3]))
        {
            code = text[..3];
            number = text[4..].TrimStart();
            return true;
        }

        var end = text.Length;
        if (char.IsAsciiLetter(text[end - 1]) && char.IsAsciiLetter(text[end - 2]) && char.IsAsciiLetter(text[end - 3]) && char.IsWhiteSpace(text[end - 4]))
        {
            code = text[(end - 3)..];
            number = text[..(end - 4)].TrimEnd();
            return true;
        }

        return false;
    }
}
