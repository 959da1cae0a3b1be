namespace Subscriptions.Storage;

/// <summary>An outbox message handed to a dispatcher under a lease.</summary>
public sealed class OutboxEntry
{
    /// <summary>Initializes a new instance of the <see cref="OutboxEntry"/> class (for adapters).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="type">The message type name.</param>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <param name="attempts">How many times the message has been claimed, this claim included.</param>
    /// <param name="leaseExpiresAt">When this lease expires.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="messageId"/> or <paramref name="type"/> is null.</exception>
    public OutboxEntry(string messageId, string type, ReadOnlyMemory<byte> payload, int attempts, DateTimeOffset leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(type);
        MessageId = messageId;
        Type = type;
        Payload = payload;
        Attempts = attempts;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>Gets the message id (consumers dedupe by it: delivery is at least once).</summary>
    public string MessageId { get; }

    /// <summary>Gets the message type name.</summary>
    public string Type { get; }

    /// <summary>Gets the UTF-8 JSON payload.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets how many times the message has been claimed, this claim included (1 on the first delivery).</summary>
    public int Attempts { get; }

    /// <summary>Gets the instant (UTC) when this lease expires and another dispatcher may claim the message.</summary>
    public DateTimeOffset LeaseExpiresAt { get; }
}
