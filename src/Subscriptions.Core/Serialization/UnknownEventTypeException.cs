namespace Subscriptions.Serialization;

/// <summary>
/// Thrown when a stored event has a type name this version of the engine does not know (written by a newer version,
/// or by another application): it is refused, never skipped, so that no state is silently lost.
/// </summary>
/// <remarks>Error code <c>serialization.unknown_event_type</c>. Upgrade the engine, or fix the stream.</remarks>
public sealed class UnknownEventTypeException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "serialization.unknown_event_type";

    /// <summary>Initializes a new instance of the <see cref="UnknownEventTypeException"/> class.</summary>
    /// <param name="streamId">The stream holding the event.</param>
    /// <param name="version">The event's version in the stream.</param>
    /// <param name="typeName">The unknown type name.</param>
    public UnknownEventTypeException(string streamId, long version, string typeName)
        : base(Code, $"Event {version} of stream '{streamId}' has the type '{typeName}', which this version of the engine does not know; upgrade the engine before reading this stream.")
    {
        StreamId = streamId;
        Version = version;
        TypeName = typeName;
    }

    /// <summary>Gets the stream holding the event.</summary>
    public string StreamId { get; }

    /// <summary>Gets the event's version in the stream.</summary>
    public long Version { get; }

    /// <summary>Gets the unknown type name.</summary>
    public string TypeName { get; }
}
