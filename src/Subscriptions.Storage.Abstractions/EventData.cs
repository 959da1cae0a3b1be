namespace Subscriptions.Storage;

/// <summary>An event to append: an id, a type name, a UTF-8 JSON payload and optional metadata.</summary>
/// <remarks>
/// <para>
/// The store treats the payload and metadata as opaque bytes. The id identifies the content within its stream:
/// appending an id that is already stored, with the same <see cref="Type"/> and <see cref="Payload"/>, is a
/// no-op success; with a different type or payload it fails with <see cref="EventIdConflictException"/>.
/// Metadata is not compared (a replay may carry a new correlation id).
/// </para>
/// <para>The constructor copies the bytes, so the instance is immutable and safe to share between threads.</para>
/// </remarks>
public sealed class EventData
{
    private readonly byte[] _payload;
    private readonly byte[] _metadata;

    /// <summary>Initializes a new instance of the <see cref="EventData"/> class.</summary>
    /// <param name="eventId">The event id, unique within its stream (at most <see cref="StorageLimits.MaxIdLength"/> characters).</param>
    /// <param name="type">The event type name (at most <see cref="StorageLimits.MaxIdLength"/> characters).</param>
    /// <param name="payload">The UTF-8 JSON payload, at most <see cref="StorageLimits.MaxPayloadBytes"/> bytes.</param>
    /// <param name="metadata">Optional UTF-8 JSON metadata, at most <see cref="StorageLimits.MaxPayloadBytes"/> bytes; empty when absent.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="eventId"/> or <paramref name="type"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="eventId"/> or <paramref name="type"/> is blank or too long.</exception>
    /// <exception cref="PayloadTooLargeException">Thrown when the payload or the metadata is larger than the limit.</exception>
    public EventData(string eventId, string type, ReadOnlyMemory<byte> payload, ReadOnlyMemory<byte> metadata = default)
    {
        EventId = Guard.Id(eventId, nameof(eventId));
        Type = Guard.Id(type, nameof(type));
        _payload = StorageLimits.CheckPayload(payload, eventId).ToArray();
        _metadata = StorageLimits.CheckPayload(metadata, eventId).ToArray();
    }

    /// <summary>Gets the event id, unique within its stream.</summary>
    public string EventId { get; }

    /// <summary>Gets the event type name.</summary>
    public string Type { get; }

    /// <summary>Gets the UTF-8 JSON payload.</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>Gets the UTF-8 JSON metadata; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Metadata => _metadata;
}
