namespace Subscriptions.Storage;

/// <summary>A message to deliver after the commit that carries it (a payment request, an e-mail, a webhook).</summary>
/// <remarks>
/// The message id identifies the content: committing an id already stored, with the same type and payload, is a
/// no-op; with a different content it fails with <see cref="MessageIdConflictException"/>. Messages are delivered
/// at least once, so consumers dedupe by <see cref="MessageId"/>.
/// </remarks>
public sealed class OutboxMessage
{
    private readonly byte[] _payload;

    /// <summary>Initializes a new instance of the <see cref="OutboxMessage"/> class.</summary>
    /// <param name="messageId">The message id, unique in the outbox.</param>
    /// <param name="type">The message type name, which tells the dispatcher where it goes.</param>
    /// <param name="payload">The UTF-8 JSON payload, at most <see cref="StorageLimits.MaxPayloadBytes"/> bytes.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="messageId"/> or <paramref name="type"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="messageId"/> or <paramref name="type"/> is blank or too long.</exception>
    /// <exception cref="PayloadTooLargeException">Thrown when the payload is larger than the limit.</exception>
    public OutboxMessage(string messageId, string type, ReadOnlyMemory<byte> payload)
    {
        MessageId = Guard.Id(messageId, nameof(messageId));
        Type = Guard.Id(type, nameof(type));
        _payload = StorageLimits.CheckPayload(payload, messageId).ToArray();
    }

    /// <summary>Gets the message id.</summary>
    public string MessageId { get; }

    /// <summary>Gets the message type name.</summary>
    public string Type { get; }

    /// <summary>Gets the UTF-8 JSON payload.</summary>
    public ReadOnlyMemory<byte> Payload => _payload;
}
