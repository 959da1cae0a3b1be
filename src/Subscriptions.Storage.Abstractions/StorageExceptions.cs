namespace Subscriptions.Storage;

/// <summary>
/// The root of every error a store raises on purpose: a concurrency conflict, an id reused with different
/// content, a payload over the store's limit.
/// </summary>
/// <remarks>
/// Each error carries a stable <see cref="ErrorCode"/> (<c>storage.snake_case_reason</c>). This package does
/// not reference the engine, so this family stands alone. Argument errors (a <see langword="null"/>, an empty
/// stream id, a negative version) keep the usual <see cref="ArgumentException"/> family and are raised when the
/// request is built, before any store is touched. A commit that raises any error writes nothing.
/// </remarks>
public class StorageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    /// <param name="errorCode">The stable error code, <c>storage.snake_case_reason</c>.</param>
    /// <param name="message">What was wrong and what to do about it.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errorCode"/> is null or blank.</exception>
    public StorageException(string errorCode, string message)
        : this(errorCode, message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class with an inner exception.</summary>
    /// <param name="errorCode">The stable error code, <c>storage.snake_case_reason</c>.</param>
    /// <param name="message">What was wrong and what to do about it.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errorCode"/> is null or blank.</exception>
    public StorageException(string errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Gets the stable, machine-readable error code, such as <c>storage.wrong_expected_version</c>.</summary>
    public string ErrorCode { get; }
}

/// <summary>Thrown when a commit appends to a stream whose version is not the one the caller expected.</summary>
/// <remarks>
/// Error code <c>storage.wrong_expected_version</c>. Another writer got there first: the whole commit was
/// rejected and nothing was written. Re-read the stream, re-decide, and commit again.
/// </remarks>
public sealed class StreamVersionConflictException : StorageException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "storage.wrong_expected_version";

    /// <summary>Initializes a new instance of the <see cref="StreamVersionConflictException"/> class.</summary>
    /// <param name="streamId">The stream whose version differed.</param>
    /// <param name="expectedVersion">The version the commit expected.</param>
    /// <param name="actualVersion">The version the stream had.</param>
    public StreamVersionConflictException(string streamId, long expectedVersion, long actualVersion)
        : base(Code, $"Stream '{streamId}' is at version {actualVersion}, but the commit expected version {expectedVersion}; nothing was written. Re-read the stream and retry.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the id of the stream whose version differed.</summary>
    public string StreamId { get; }

    /// <summary>Gets the version the commit expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the version the stream had when the commit was attempted.</summary>
    public long ActualVersion { get; }
}

/// <summary>Thrown when an event id already stored in a stream is appended again with a different type or payload.</summary>
/// <remarks>
/// Error code <c>storage.event_id_conflict</c>. Re-appending an event with the same id, type and payload is a
/// no-op success (idempotency); a different content under the same id is a bug in the id scheme.
/// </remarks>
public sealed class EventIdConflictException : StorageException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "storage.event_id_conflict";

    /// <summary>Initializes a new instance of the <see cref="EventIdConflictException"/> class.</summary>
    /// <param name="streamId">The stream that holds the event.</param>
    /// <param name="eventId">The event id that was reused.</param>
    public EventIdConflictException(string streamId, string eventId)
        : base(Code, $"Event '{eventId}' is already stored in stream '{streamId}' with a different type or payload; nothing was written. Event ids must identify one content.")
    {
        StreamId = streamId;
        EventId = eventId;
    }

    /// <summary>Gets the id of the stream that holds the event.</summary>
    public string StreamId { get; }

    /// <summary>Gets the event id that was reused.</summary>
    public string EventId { get; }
}

/// <summary>Thrown when an outbox message id already stored is committed again with a different type or payload.</summary>
/// <remarks>Error code <c>storage.message_id_conflict</c>. The same id with the same content is a no-op.</remarks>
public sealed class MessageIdConflictException : StorageException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "storage.message_id_conflict";

    /// <summary>Initializes a new instance of the <see cref="MessageIdConflictException"/> class.</summary>
    /// <param name="messageId">The message id that was reused.</param>
    public MessageIdConflictException(string messageId)
        : base(Code, $"Outbox message '{messageId}' is already stored with a different type or payload; nothing was written. Message ids must identify one content.")
    {
        MessageId = messageId;
    }

    /// <summary>Gets the message id that was reused.</summary>
    public string MessageId { get; }
}

/// <summary>Thrown when an event payload, its metadata or an outbox payload exceeds <see cref="StorageLimits.MaxPayloadBytes"/>.</summary>
/// <remarks>Error code <c>storage.payload_too_large</c>. Store large documents elsewhere and keep a reference in the event.</remarks>
public sealed class PayloadTooLargeException : StorageException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "storage.payload_too_large";

    /// <summary>Initializes a new instance of the <see cref="PayloadTooLargeException"/> class.</summary>
    /// <param name="id">The id of the event or message that carries the payload.</param>
    /// <param name="size">The payload size in bytes.</param>
    public PayloadTooLargeException(string id, int size)
        : base(Code, $"The payload of '{id}' is {size} bytes; the limit is {StorageLimits.MaxPayloadBytes} bytes. Store large documents elsewhere and reference them.")
    {
        Id = id;
        Size = size;
    }

    /// <summary>Gets the id of the event or message that carries the payload.</summary>
    public string Id { get; }

    /// <summary>Gets the payload size in bytes.</summary>
    public int Size { get; }
}
