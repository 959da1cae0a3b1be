namespace Subscriptions.Storage;

/// <summary>An event as stored: its stream, its version in the stream and its position in the global feed.</summary>
/// <remarks>
/// Versions start at 1 in each stream and have no gaps: the version of a stream is the number of events in it.
/// Positions are positive and grow in commit order across all streams (see <see cref="IEventStore.ReadAllAsync"/>);
/// they may have gaps: the in-memory and SQLite stores number events 1, 2, 3..., the PostgreSQL store does not.
/// </remarks>
public sealed class RecordedEvent
{
    /// <summary>Initializes a new instance of the <see cref="RecordedEvent"/> class (for adapters).</summary>
    /// <param name="streamId">The stream that holds the event.</param>
    /// <param name="version">The event's version in its stream, from 1.</param>
    /// <param name="position">The event's position in the global feed, from 1.</param>
    /// <param name="eventId">The event id.</param>
    /// <param name="type">The event type name.</param>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <param name="metadata">The UTF-8 JSON metadata; empty when there is none.</param>
    /// <exception cref="ArgumentNullException">Thrown when a string argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="version"/> or <paramref name="position"/> is less than 1.</exception>
    public RecordedEvent(string streamId, long version, long position, string eventId, string type, ReadOnlyMemory<byte> payload, ReadOnlyMemory<byte> metadata)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        StreamId = streamId;
        Version = version;
        Position = position;
        EventId = eventId;
        Type = type;
        Payload = payload;
        Metadata = metadata;
    }

    /// <summary>Gets the id of the stream that holds the event.</summary>
    public string StreamId { get; }

    /// <summary>Gets the event's version in its stream (the first event has version 1).</summary>
    public long Version { get; }

    /// <summary>Gets the event's position in the global feed (commit order, from 1).</summary>
    public long Position { get; }

    /// <summary>Gets the event id.</summary>
    public string EventId { get; }

    /// <summary>Gets the event type name.</summary>
    public string Type { get; }

    /// <summary>Gets the UTF-8 JSON payload.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets the UTF-8 JSON metadata; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Metadata { get; }
}
