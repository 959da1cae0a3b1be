using System.Text.Json;
using System.Text.Json.Serialization;
using Subscriptions.Lifecycle;

namespace Subscriptions.Serialization;

/// <summary>Reads and writes a <see cref="SubscriptionId"/> as its text, such as <c>"S-42"</c>.</summary>
public sealed class SubscriptionIdJsonConverter : JsonConverter<SubscriptionId>
{
    /// <inheritdoc />
    public override SubscriptionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("A subscription id must be a JSON string.")); // A String token always has a value.

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SubscriptionId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}

/// <summary>Reads and writes a <see cref="CustomerId"/> as its text, such as <c>"C-7"</c>.</summary>
public sealed class CustomerIdJsonConverter : JsonConverter<CustomerId>
{
    /// <inheritdoc />
    public override CustomerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("A customer id must be a JSON string.")); // A String token always has a value.

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}

/// <summary>Reads and writes an <see cref="Actor"/> as <c>{"Kind":"Staff","Id":"bob"}</c>.</summary>
public sealed class ActorJsonConverter : JsonConverter<Actor>
{
    /// <inheritdoc />
    public override Actor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An actor must be a JSON object such as {\"Kind\":\"Staff\",\"Id\":\"bob\"}.");
        }

        ActorKind? kind = null;
        string? id = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isKind = reader.ValueTextEquals("Kind"u8);
            var isId = !isKind && reader.ValueTextEquals("Id"u8);
            reader.Read();
            if (isKind)
            {
                kind = reader.ValueTextEquals("Staff"u8) ? ActorKind.Staff
                    : reader.ValueTextEquals("Customer"u8) ? ActorKind.Customer
                    : reader.ValueTextEquals("System"u8) ? ActorKind.System
                    : throw new JsonException("An actor's kind is Customer, Staff or System.");
            }
            else if (isId)
            {
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("An actor's id must be a string.");
            }
            else
            {
                throw new JsonException("An actor has only a Kind and an Id.");
            }
        }

        return kind is { } k && id is not null ? new Actor(k, id) : throw new JsonException("An actor needs a Kind and an Id.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Actor value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("Kind"u8, value.Kind switch
        {
            ActorKind.Customer => "Customer",
            ActorKind.Staff => "Staff",
            ActorKind.System => "System",
            _ => throw new JsonException($"Cannot write an actor of kind {(int)value.Kind}."),
        });
        writer.WriteString("Id"u8, value.Id);
        writer.WriteEndObject();
    }
}
