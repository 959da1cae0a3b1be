using System.Runtime.CompilerServices;

namespace Subscriptions.Storage;

/// <summary>
/// The page-by-page read every adapter does for a stream or the global feed: read a page after a cursor, hand its events
/// out, stop on a short page, else go on after the last event. Compiled into each adapter, like <c>Guard.cs</c>.
/// </summary>
internal static class Paging
{
    /// <summary>Yields the events of consecutive pages.</summary>
    /// <param name="after">The cursor the first page starts after (a version or a position).</param>
    /// <param name="pageSize">The most events one page holds; a shorter page is the last.</param>
    /// <param name="readPage">Reads the page after a cursor (holding the adapter's connection or lock only for that page).</param>
    /// <param name="cursorOf">The cursor of an event: its version, or its position.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in order.</returns>
    internal static async IAsyncEnumerable<RecordedEvent> ReadPagesAsync(
        long after,
        int pageSize,
        Func<long, CancellationToken, Task<List<RecordedEvent>>> readPage,
        Func<RecordedEvent, long> cursorOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await readPage(after, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = cursorOf(page[^1]);
        }
    }
}
