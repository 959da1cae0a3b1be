namespace Subscriptions.Storage;

/// <summary>Event streams with an atomic multi-stream commit, and the global feed in commit order.</summary>
/// <remarks>Implementations are thread-safe. Every method validates its arguments before touching storage.</remarks>
public interface IEventStore
{
    /// <summary>Applies one commit atomically: all its appends, outbox messages and schedule changes, or nothing.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">A token to cancel the operation; a cancelled commit writes nothing.</param>
    /// <returns>The stream versions after the commit.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="commit"/> is null.</exception>
    /// <exception cref="StreamVersionConflictException">Thrown when a stream's version is not the expected one.</exception>
    /// <exception cref="EventIdConflictException">Thrown when an event id is stored with a different type or payload.</exception>
    /// <exception cref="MessageIdConflictException">Thrown when an outbox message id is stored with a different type or payload.</exception>
    Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken);

    /// <summary>Applies several commits in order, in one transaction: all of them, or none.</summary>
    /// <param name="commits">The commits; each one sees the effects of those before it (expected versions chain).</param>
    /// <param name="cancellationToken">A token to cancel the operation; a cancelled batch writes nothing.</param>
    /// <returns>One result per commit, in order.</returns>
    /// <remarks>
    /// This is the billing run's shape: many small commits paying for one transaction. Adapters may bound the size of
    /// one transaction (the PostgreSQL store takes at most 1,048,575 events) and throw <see cref="ArgumentException"/> above it.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="commits"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="commits"/> is empty, or larger than the adapter takes in one transaction.</exception>
    /// <exception cref="StreamVersionConflictException">Thrown when a stream's version is not the expected one.</exception>
    /// <exception cref="EventIdConflictException">Thrown when an event id is stored with a different type or payload.</exception>
    /// <exception cref="MessageIdConflictException">Thrown when an outbox message id is stored with a different type or payload.</exception>
    Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken);

    /// <summary>Gets the version of a stream: the number of events in it, 0 when it does not exist.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The stream's version.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="streamId"/> is null, blank or too long.</exception>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Reads the events of one stream with a version greater than <paramref name="afterVersion"/>, in order.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="afterVersion">The version the caller already has: 0 reads the whole stream.</param>
    /// <param name="cancellationToken">A token to cancel the enumeration.</param>
    /// <returns>The events, read lazily in batches; empty when the stream does not exist.</returns>
    /// <exception cref="ArgumentException">Thrown (eagerly) when <paramref name="streamId"/> is null, blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown (eagerly) when <paramref name="afterVersion"/> is negative.</exception>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion, CancellationToken cancellationToken);

    /// <summary>Reads the global feed: every event with a position greater than <paramref name="afterPosition"/>, in commit order.</summary>
    /// <param name="afterPosition">The last position the caller has processed: 0 reads from the start.</param>
    /// <param name="batchSize">How many events to fetch per round trip.</param>
    /// <param name="cancellationToken">A token to cancel the enumeration.</param>
    /// <returns>The events, fetched lazily in batches, until the end of the feed as it is when each batch is read.</returns>
    /// <remarks>
    /// A consumer checkpoints the <see cref="RecordedEvent.Position"/> of the last event it processed and resumes
    /// after it: no committed event is ever skipped. The events of one commit are contiguous and in append order,
    /// and a commit that started after another one finished always comes after it. (Two commits running at the
    /// same time may appear in either order; a PostgreSQL store shows a commit once every older transaction ended.)
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Thrown (eagerly) when <paramref name="afterPosition"/> is negative or <paramref name="batchSize"/> is not positive.</exception>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, int batchSize, CancellationToken cancellationToken);
}
