using System.Runtime.InteropServices;

namespace Subscriptions.Storage.Postgres.Internal;

internal static class Bytes
{
    // EventData and OutboxMessage own an exact array; hand it to the driver without copying it again.
    public static byte[] Of(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : memory.ToArray();
}
