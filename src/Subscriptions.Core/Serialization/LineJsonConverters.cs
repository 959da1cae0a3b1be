using System.Text.Json;
using System.Text.Json.Serialization;
using Subscriptions.Lifecycle;

namespace Subscriptions.Serialization;

/// <summary>
/// Reads and writes a <see cref="SubscriptionLine"/> as an object of its stored fields (the computed amounts are not
/// stored), without System.Text.Json's constructor binding, which boxes every argument.
/// </summary>
public sealed class SubscriptionLineJsonConverter : JsonConverter<SubscriptionLine>
{
    private static readonly MoneyJsonConverter Money = new();

    /// <inheritdoc />
    public override SubscriptionLine Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonObjects.Start(ref reader, "a subscription line");
        string? lineId = null, productId = null, description = null;
        SubscriptionLineKind? kind = null;
        decimal? quantity = null;
        Money? unitPrice = null;
        var discount = 0m;
        while (JsonObjects.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("LineId"u8)) { reader.Read(); lineId = JsonObjects.String(ref reader); }
            else if (reader.ValueTextEquals("ProductId"u8)) { reader.Read(); productId = JsonObjects.String(ref reader); }
            else if (reader.ValueTextEquals("Description"u8)) { reader.Read(); description = JsonObjects.String(ref reader); }
            else if (reader.ValueTextEquals("Kind"u8)) { reader.Read(); kind = JsonObjects.Enum<SubscriptionLineKind>(ref reader); }
            else if (reader.ValueTextEquals("Quantity"u8)) { reader.Read(); quantity = reader.GetDecimal(); }
            else if (reader.ValueTextEquals("UnitPrice"u8)) { reader.Read(); unitPrice = Money.Read(ref reader, typeof(Money), options); }
            else if (reader.ValueTextEquals("DiscountPercent"u8)) { reader.Read(); discount = reader.GetDecimal(); }
            else { reader.Read(); reader.Skip(); }
        }

        return lineId is not null && productId is not null && description is not null && kind is { } k && quantity is { } q && unitPrice is { } p
            ? new SubscriptionLine(lineId, productId, description, k, q, p, discount)
            : throw new JsonException("A subscription line needs LineId, ProductId, Description, Kind, Quantity and UnitPrice.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SubscriptionLine value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("LineId"u8, value.LineId);
        writer.WriteString("ProductId"u8, value.ProductId);
        writer.WriteString("Description"u8, value.Description);
        writer.WriteString("Kind"u8, value.Kind.ToString());
        writer.WriteNumber("Quantity"u8, value.Quantity);
        writer.WritePropertyName("UnitPrice"u8);
        Money.Write(writer, value.UnitPrice, options);
        writer.WriteNumber("DiscountPercent"u8, value.DiscountPercent);
        writer.WriteEndObject();
    }
}

/// <summary>
/// Reads and writes a <see cref="ProrationItem"/> as an object of its fields, without System.Text.Json's constructor
/// binding, which boxes every argument.
/// </summary>
public sealed class ProrationItemJsonConverter : JsonConverter<ProrationItem>
{
    private static readonly MoneyJsonConverter Money = new();
    private static readonly LocalDateJsonConverter Date = new();

    /// <inheritdoc />
    public override ProrationItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonObjects.Start(ref reader, "a proration item");
        ProrationItemKind? kind = null;
        string? lineId = null, description = null;
        NodaTime.LocalDate? from = null, to = null, referenceFrom = null, referenceTo = null;
        long? numerator = null, denominator = null;
        Money? baseAmount = null, amount = null;
        while (JsonObjects.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Kind"u8)) { reader.Read(); kind = JsonObjects.Enum<ProrationItemKind>(ref reader); }
            else if (reader.ValueTextEquals("LineId"u8)) { reader.Read(); lineId = JsonObjects.String(ref reader); }
            else if (reader.ValueTextEquals("Description"u8)) { reader.Read(); description = JsonObjects.String(ref reader); }
            else if (reader.ValueTextEquals("From"u8)) { reader.Read(); from = Date.Read(ref reader, typeof(NodaTime.LocalDate), options); }
            else if (reader.ValueTextEquals("To"u8)) { reader.Read(); to = Date.Read(ref reader, typeof(NodaTime.LocalDate), options); }
            else if (reader.ValueTextEquals("ReferenceFrom"u8)) { reader.Read(); referenceFrom = Date.Read(ref reader, typeof(NodaTime.LocalDate), options); }
            else if (reader.ValueTextEquals("ReferenceTo"u8)) { reader.Read(); referenceTo = Date.Read(ref reader, typeof(NodaTime.LocalDate), options); }
            else if (reader.ValueTextEquals("Numerator"u8)) { reader.Read(); numerator = reader.GetInt64(); }
            else if (reader.ValueTextEquals("Denominator"u8)) { reader.Read(); denominator = reader.GetInt64(); }
            else if (reader.ValueTextEquals("BaseAmount"u8)) { reader.Read(); baseAmount = Money.Read(ref reader, typeof(Money), options); }
            else if (reader.ValueTextEquals("Amount"u8)) { reader.Read(); amount = Money.Read(ref reader, typeof(Money), options); }
            else { reader.Read(); reader.Skip(); }
        }

        return kind is { } k && lineId is not null && description is not null && from is { } f && to is { } t && referenceFrom is { } rf && referenceTo is { } rt
            && numerator is { } n && denominator is { } d && baseAmount is { } b && amount is { } a
            ? new ProrationItem(k, lineId, description, f, t, rf, rt, n, d, b, a)
            : throw new JsonException("A proration item needs every one of its fields.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ProrationItem value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("Kind"u8, value.Kind.ToString());
        writer.WriteString("LineId"u8, value.LineId);
        writer.WriteString("Description"u8, value.Description);
        writer.WritePropertyName("From"u8);
        Date.Write(writer, value.From, options);
        writer.WritePropertyName("To"u8);
        Date.Write(writer, value.To, options);
        writer.WritePropertyName("ReferenceFrom"u8);
        Date.Write(writer, value.ReferenceFrom, options);
        writer.WritePropertyName("ReferenceTo"u8);
        Date.Write(writer, value.ReferenceTo, options);
        writer.WriteNumber("Numerator"u8, value.Numerator);
        writer.WriteNumber("Denominator"u8, value.Denominator);
        writer.WritePropertyName("BaseAmount"u8);
        Money.Write(writer, value.BaseAmount, options);
        writer.WritePropertyName("Amount"u8);
        Money.Write(writer, value.Amount, options);
        writer.WriteEndObject();
    }
}

internal static class JsonObjects
{
    internal static void Start(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {what} as a JSON object.");
        }
    }

    internal static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of JSON.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.EndObject => false,
            JsonTokenType.PropertyName => true,
            _ => throw new JsonException("Malformed JSON object."),
        };
    }

    internal static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a JSON string."); // A String token always has a value.

    internal static T Enum<T>(ref Utf8JsonReader reader)
        where T : struct, System.Enum =>
        reader.TokenType == JsonTokenType.String && System.Enum.TryParse<T>(reader.GetString(), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new JsonException($"Expected one of {string.Join(", ", System.Enum.GetNames<T>())}.");
}
