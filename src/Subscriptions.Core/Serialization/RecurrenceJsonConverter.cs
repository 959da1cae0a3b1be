using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Subscriptions.Scheduling;

namespace Subscriptions.Serialization;

/// <summary>Reads and writes a <see cref="Recurrence"/> as its ISO-8601-like text: <c>"P1M"</c>, <c>"P2W"</c>, <c>"P45D"</c>, <c>"P1Y"</c>.</summary>
public sealed class RecurrenceJsonConverter : JsonConverter<Recurrence>
{
    /// <inheritdoc />
    public override Recurrence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is { Length: >= 3 } && text[0] == 'P'
            && int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var interval)
            && interval >= 1)
        {
            RecurrenceUnit? unit = text[^1] switch
            {
                'D' => RecurrenceUnit.Day,
                'W' => RecurrenceUnit.Week,
                'M' => RecurrenceUnit.Month,
                'Y' => RecurrenceUnit.Year,
                _ => null,
            };
            if (unit is { } u)
            {
                return new Recurrence(u, interval);
            }
        }

        throw new JsonException($"'{text}' is not a recurrence such as \"P1M\", \"P2W\", \"P45D\" or \"P1Y\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Recurrence value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!value.IsValid)
        {
            throw new JsonException("Cannot write default(Recurrence): it is not a valid recurrence.");
        }

        writer.WriteStringValue(value.ToString());
    }
}
