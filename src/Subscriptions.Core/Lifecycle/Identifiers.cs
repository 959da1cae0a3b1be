using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscriptions.Lifecycle;

/// <summary>The id of a subscription (a contract), chosen by the host or derived from its quote.</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is refused wherever an id is required.</remarks>
[JsonConverter(typeof(SubscriptionIdJsonConverter))]
public readonly record struct SubscriptionId
{
    /// <summary>Initializes a new instance of the <see cref="SubscriptionId"/> struct.</summary>
    /// <param name="value">1 to 100 characters, no white space.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="value"/> is null, empty, too long or has white space.</exception>
    public SubscriptionId(string value) => Value = IdText.Validate(value, nameof(value));

    /// <summary>Gets the id's text.</summary>
    public string Value { get; }

    /// <summary>Gets the storage stream that holds this subscription's events.</summary>
    internal string StreamId => StreamPrefix + Value;

    /// <summary>Gets the prefix of every subscription stream's id.</summary>
    internal static string StreamPrefix => "subscription-";

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text; empty for <c>default</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The id of a customer (an account), chosen by the host.</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is refused wherever an id is required.</remarks>
[JsonConverter(typeof(CustomerIdJsonConverter))]
public readonly record struct CustomerId
{
    /// <summary>Initializes a new instance of the <see cref="CustomerId"/> struct.</summary>
    /// <param name="value">1 to 100 characters, no white space.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="value"/> is null, empty, too long or has white space.</exception>
    public CustomerId(string value) => Value = IdText.Validate(value, nameof(value));

    /// <summary>Gets the id's text.</summary>
    public string Value { get; }

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text; empty for <c>default</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}

internal static class IdText
{
    internal static string Validate(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > 100 || value.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("An id is 1 to 100 characters without white space.", paramName);
        }

        return value;
    }
}

internal sealed class SubscriptionIdJsonConverter : JsonConverter<SubscriptionId>
{
    public override SubscriptionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A subscription id must be a string."));

    public override void Write(Utf8JsonWriter writer, SubscriptionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

internal sealed class CustomerIdJsonConverter : JsonConverter<CustomerId>
{
    public override CustomerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A customer id must be a string."));

    public override void Write(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
