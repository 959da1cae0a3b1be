using System.Numerics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Subscriptions.Serialization;

namespace Subscriptions;

/// <summary>
/// An ISO 4217 currency: its three-letter code, its numeric code and the number of its minor units
/// (JPY 0, EUR 2, BHD 3, CLF 4).
/// </summary>
/// <remarks>
/// <para>
/// Every current ISO 4217 fund with a minor unit is known (list one, as amended to 2025: XCG, ZWG, SLE,
/// VED included). Codes whose minor unit ISO gives as "N.A." (XAU, XAG, XPT, XPD, XBA-XBD, XDR, XSU,
/// XUA, XTS) are not billing currencies and are refused like unknown codes.
/// </para>
/// <para>
/// A currency is a two-byte value: equality, hashing and ordering (by code, ordinal) cost nothing.
/// <c>default(Currency)</c> is <see cref="None"/>, ISO's "XXX" (no currency): it is never equal to a
/// real currency, and money in it cannot be combined with money in any other currency.
/// </para>
/// </remarks>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly partial struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable, ISpanFormattable, IParsable<Currency>, IComparisonOperators<Currency, Currency, bool>
{
    private static readonly Currency[] AllCurrencies = CreateAll();
    private static readonly byte[] IndexByCode = CreateIndexByCode();
    private static readonly string[] Codes = CreateCodes();
    private static readonly decimal[] MinorUnitSizes = [1m, 0.1m, 0.01m, 0.001m, 0.0001m];

    private readonly byte _index;

    private Currency(byte index) => _index = index;

    /// <summary>Gets the "no currency" value (ISO code XXX), which <c>default(Currency)</c> also stands for.</summary>
    public static Currency None => default;

    /// <summary>Gets the euro (EUR, 2 minor units).</summary>
    public static Currency Eur { get; } = FromCode("EUR");

    /// <summary>Gets the United States dollar (USD, 2 minor units).</summary>
    public static Currency Usd { get; } = FromCode("USD");

    /// <summary>Gets the pound sterling (GBP, 2 minor units).</summary>
    public static Currency Gbp { get; } = FromCode("GBP");

    /// <summary>Gets the Swiss franc (CHF, 2 minor units; cash is rounded to 0.05).</summary>
    public static Currency Chf { get; } = FromCode("CHF");

    /// <summary>Gets the yen (JPY, no minor unit).</summary>
    public static Currency Jpy { get; } = FromCode("JPY");

    /// <summary>Gets every known currency, ordered by code; <see cref="None"/> is not among them.</summary>
    public static IReadOnlyList<Currency> All { get; } = Array.AsReadOnly(AllCurrencies);

    /// <summary>Gets the three-letter ISO 4217 code in upper case, such as <c>EUR</c>; <c>XXX</c> for <see cref="None"/>.</summary>
    public string Code => Codes[_index];

    /// <summary>Gets the ISO 4217 numeric code, such as 978 for EUR; 999 for <see cref="None"/>.</summary>
    public int NumericCode => ((Table[(_index * EntryLength) + 3] - '0') * 100) + ((Table[(_index * EntryLength) + 4] - '0') * 10) + (Table[(_index * EntryLength) + 5] - '0');

    /// <summary>Gets the number of decimal places of the minor unit (0 for JPY, 2 for EUR, 3 for BHD, 4 for CLF).</summary>
    public int MinorUnits => Table[(_index * EntryLength) + 6] - '0';

    /// <summary>Gets the size of the minor unit as an amount: 0.01 for EUR, 1 for JPY, 0.001 for BHD.</summary>
    public decimal MinorUnit => MinorUnitSizes[MinorUnits];

    /// <summary>Gets a value indicating whether this is <see cref="None"/> (the default value), not a real currency.</summary>
    public bool IsNone => _index == 0;

    /// <summary>Gets the currency with the given ISO 4217 code, compared case-insensitively.</summary>
    /// <param name="code">A three-letter code such as <c>EUR</c> or <c>eur</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException">Thrown when no billing currency has that code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code.AsSpan(), out var currency) ? currency : throw new UnknownCurrencyException(code);
    }

    /// <summary>Tries to find the currency with the given ISO 4217 code, compared case-insensitively.</summary>
    /// <param name="code">A three-letter code such as <c>EUR</c>.</param>
    /// <param name="currency">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when the code names a known billing currency.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out Currency currency)
    {
        currency = default;
        if (code.Length != 3)
        {
            return false;
        }

        var key = 0;
        foreach (var c in code)
        {
            var upper = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            if (upper is < 'A' or > 'Z')
            {
                return false;
            }

            key = (key * 26) + (upper - 'A');
        }

        var index = IndexByCode[key];
        if (index == 0)
        {
            return false;
        }

        currency = new Currency(index);
        return true;
    }

    /// <summary>Tries to find the currency with the given ISO 4217 code, compared case-insensitively.</summary>
    /// <param name="code">A three-letter code such as <c>EUR</c>; may be null.</param>
    /// <param name="currency">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when the code names a known billing currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is null)
        {
            currency = default;
            return false;
        }

        return TryFromCode(code.AsSpan(), out currency);
    }

    /// <summary>Gets the currency with the given ISO 4217 numeric code, such as 978 for EUR.</summary>
    /// <param name="numericCode">The numeric code.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="UnknownCurrencyException">Thrown when no billing currency has that numeric code.</exception>
    public static Currency FromNumericCode(int numericCode)
    {
        foreach (var currency in AllCurrencies)
        {
            if (currency.NumericCode == numericCode)
            {
                return currency;
            }
        }

        throw new UnknownCurrencyException(numericCode.ToString("D3", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses an ISO 4217 code, compared case-insensitively.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="s"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException">Thrown when no billing currency has that code.</exception>
    public static Currency Parse(string s, IFormatProvider? provider) => FromCode(s);

    /// <summary>Tries to parse an ISO 4217 code, compared case-insensitively.</summary>
    /// <param name="s">The code; may be null.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <param name="result">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when the code names a known billing currency.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result) => TryFromCode(s, out result);

    /// <summary>Returns whether two currencies are the same.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both are the same currency.</returns>
    public static bool operator ==(Currency left, Currency right) => left._index == right._index;

    /// <summary>Returns whether two currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the currencies differ.</returns>
    public static bool operator !=(Currency left, Currency right) => left._index != right._index;

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/> by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator <(Currency left, Currency right) => left._index < right._index;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/> by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator <=(Currency left, Currency right) => left._index <= right._index;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/> by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator >(Currency left, Currency right) => left._index > right._index;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/> by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator >=(Currency left, Currency right) => left._index >= right._index;

    /// <inheritdoc />
    public bool Equals(Currency other) => _index == other._index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _index;

    /// <summary>Compares two currencies by code (ordinal); <see cref="None"/> sorts first.</summary>
    /// <param name="other">The other currency.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(Currency other) => _index.CompareTo(other._index);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with must be a Currency.", nameof(obj)),
    };

    /// <summary>Returns the ISO 4217 code, such as <c>EUR</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the ISO 4217 code: the format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <summary>Writes the ISO 4217 code into a span of characters.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written (3, or 0 when the span is too short).</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 3)
        {
            charsWritten = 0;
            return false;
        }

        Table.AsSpan(_index * EntryLength, 3).CopyTo(destination);
        charsWritten = 3;
        return true;
    }

    private static Currency[] CreateAll()
    {
        var count = (Table.Length / EntryLength) - 1;
        var all = new Currency[count];
        for (var i = 0; i < count; i++)
        {
            all[i] = new Currency((byte)(i + 1));
        }

        return all;
    }

    private static string[] CreateCodes()
    {
        var codes = new string[Table.Length / EntryLength];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = Table.Substring(i * EntryLength, 3);
        }

        return codes;
    }

    private static byte[] CreateIndexByCode()
    {
        var index = new byte[26 * 26 * 26];
        for (var i = 1; i < Table.Length / EntryLength; i++)
        {
            var at = i * EntryLength;
            var key = ((Table[at] - 'A') * 676) + ((Table[at + 1] - 'A') * 26) + (Table[at + 2] - 'A');
            index[key] = (byte)i;
        }

        return index;
    }
}
