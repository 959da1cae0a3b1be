using System.Text.Json;
using System.Text.Json.Serialization;
using Subscriptions.Lifecycle;

namespace Subscriptions.Sales;

/// <summary>The id of a quote, chosen by the host.</summary>
/// <remarks>
/// <c>default</c> has a null <see cref="Value"/> and is refused wherever an id is required. At most 96 characters, so
/// that the subscription id derived from it (<c>sub-</c> + the quote id) is a valid <see cref="Lifecycle.SubscriptionId"/>.
/// </remarks>
[JsonConverter(typeof(QuoteIdJsonConverter))]
public readonly record struct QuoteId
{
    /// <summary>The longest quote id, in characters.</summary>
    public const int MaxLength = 96;

    /// <summary>Initializes a new instance of the <see cref="QuoteId"/> struct.</summary>
    /// <param name="value">1 to <see cref="MaxLength"/> characters, no white space.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="value"/> is null, empty, too long or has white space.</exception>
    public QuoteId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"A quote id is 1 to {MaxLength} characters without white space.", nameof(value));
        }

        Value = IdText.Validate(value, nameof(value));
    }

    /// <summary>Gets the id's text.</summary>
    public string Value { get; }

    /// <summary>Gets the id of the subscription a confirmation of this quote creates: <c>sub-</c> + the quote id.</summary>
    /// <exception cref="InvalidOperationException">Thrown on <c>default</c>.</exception>
    public SubscriptionId SubscriptionId => new("sub-" + (Value ?? throw new InvalidOperationException("The default quote id has no subscription.")));

    /// <summary>Gets the storage stream that holds this quote's events.</summary>
    internal string StreamId => "quote-" + Value;

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text; empty for <c>default</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}

internal sealed class QuoteIdJsonConverter : JsonConverter<QuoteId>
{
    public override QuoteId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A quote id must be a string."));

    public override void Write(Utf8JsonWriter writer, QuoteId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
