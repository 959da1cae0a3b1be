using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscriptions.Serialization;

/// <summary>
/// Reads and writes <see cref="Money"/> as <c>{"amount":"12.50","currency":"EUR"}</c>: the amount is a string,
/// exactly as held (scale kept), next to the ISO code, as in Stripe's <c>unit_amount_decimal</c>.
/// </summary>
/// <remarks>Applied to <see cref="Money"/> by an attribute, so it works in reflection-based and source-generated contexts alike. Reading also accepts a JSON number for the amount.</remarks>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be a JSON object such as {\"amount\":\"12.50\",\"currency\":\"EUR\"}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Malformed Money object.");
            }

            if (reader.ValueTextEquals("amount"u8))
            {
                reader.Read();
                amount = reader.TokenType switch
                {
                    JsonTokenType.String when TryReadAmount(ref reader, out var parsed) => parsed,
                    JsonTokenType.Number => reader.GetDecimal(),
                    _ => throw new JsonException("Money.amount must be a decimal string such as \"12.50\"."),
                };
            }
            else if (reader.ValueTextEquals("currency"u8))
            {
                reader.Read();
                currency = CurrencyJsonConverter.ReadCurrency(ref reader);
            }
            else
            {
                throw new JsonException($"Unexpected property '{reader.GetString()}' in Money: only 'amount' and 'currency' are allowed.");
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException("Money needs both 'amount' and 'currency'.");
        }

        return new Money(amount.Value, currency.Value);
    }

    private static bool TryReadAmount(ref Utf8JsonReader reader, out decimal amount)
    {
        // Straight from the UTF-8 bytes when possible (plain digits, sign and point keep their scale: "12.50" stays 12.50).
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length is > 0 and <= 40)
        {
            Span<char> chars = stackalloc char[reader.ValueSpan.Length];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)reader.ValueSpan[i];
            }

            return decimal.TryParse(chars, NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
        }

        return decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("amount"u8, value.Amount.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("currency"u8, value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>Reads and writes <see cref="Currency"/> as its ISO 4217 code, such as <c>"EUR"</c> (read case-insensitively).</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc />
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadCurrency(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }

    /// <inheritdoc />
    public override Currency ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadCurrency(ref reader);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Code);
    }

    internal static Currency ReadCurrency(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException("A currency must be a JSON string holding an ISO 4217 code such as \"EUR\".");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 3)
        {
            Span<char> chars = [(char)reader.ValueSpan[0], (char)reader.ValueSpan[1], (char)reader.ValueSpan[2]];
            if (Currency.TryFromCode(chars, out var fast))
            {
                return fast;
            }
        }

        var code = reader.GetString();
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not a known ISO 4217 billing currency code.", new UnknownCurrencyException(code ?? string.Empty));
    }
}
