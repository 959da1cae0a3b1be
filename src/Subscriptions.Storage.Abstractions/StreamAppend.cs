namespace Subscriptions.Storage;

/// <summary>Events to append to one stream, with the version the caller expects the stream to have.</summary>
/// <remarks>
/// <para>
/// A stream that has never been written has version 0, so <c>expectedVersion: 0</c> creates a stream. The
/// events get the versions <c>expectedVersion + 1</c>, <c>+ 2</c>, and so on.
/// </para>
/// <para>
/// Idempotency: events whose id is already stored in the stream with the same type and payload are skipped.
/// When every event is already stored, the append is a no-op success whatever the stream's version (a replay).
/// Otherwise the expected version must match the stream's version, or the whole commit fails with
/// <see cref="StreamVersionConflictException"/>.
/// </para>
/// </remarks>
public sealed class StreamAppend
{
    /// <summary>Initializes a new instance of the <see cref="StreamAppend"/> class.</summary>
    /// <param name="streamId">The stream id (non-blank, at most <see cref="StorageLimits.MaxIdLength"/> characters).</param>
    /// <param name="expectedVersion">The version the stream must have: 0 for a new stream.</param>
    /// <param name="events">One or more events with distinct ids.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="streamId"/>, <paramref name="events"/> or one of the events is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="streamId"/> is blank or too long, <paramref name="events"/> is empty, or two events share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="expectedVersion"/> is negative.</exception>
    public StreamAppend(string streamId, long expectedVersion, IEnumerable<EventData> events)
    {
        StreamId = Guard.Id(streamId, nameof(streamId));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Expected at least one event to append.", nameof(events));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in list)
        {
            if (e is null)
            {
                throw new ArgumentNullException(nameof(events), "Expected no null event.");
            }

            if (!ids.Add(e.EventId))
            {
                throw new ArgumentException($"Event id '{e.EventId}' appears twice in one append; expected distinct ids.", nameof(events));
            }
        }

        ExpectedVersion = expectedVersion;
        Events = list;
    }

    /// <summary>Initializes a new instance of the <see cref="StreamAppend"/> class.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="expectedVersion">The version the stream must have: 0 for a new stream.</param>
    /// <param name="events">One or more events with distinct ids.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the stream id is blank, there is no event, or two events share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="expectedVersion"/> is negative.</exception>
    public StreamAppend(string streamId, long expectedVersion, params EventData[] events)
        : this(streamId, expectedVersion, (IEnumerable<EventData>)events)
    {
    }

    /// <summary>Gets the stream id.</summary>
    public string StreamId { get; }

    /// <summary>Gets the version the stream must have before the append (0 for a new stream).</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the events to append, in order.</summary>
    public IReadOnlyList<EventData> Events { get; }
}
