namespace Subscriptions.Storage;

/// <summary>The limits every store enforces, so that data accepted by one adapter is accepted by all.</summary>
public static class StorageLimits
{
    /// <summary>The largest payload (or metadata) in bytes of one event or outbox message: 1 MiB.</summary>
    public const int MaxPayloadBytes = 1 << 20;

    /// <summary>The longest stream id, event id, event type, message id, schedule key or owner, in characters: 200.</summary>
    public const int MaxIdLength = 200;

    internal static ReadOnlyMemory<byte> CheckPayload(ReadOnlyMemory<byte> payload, string id)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new PayloadTooLargeException(id, payload.Length);
        }

        return payload;
    }
}
