namespace Subscriptions.Storage;

/// <summary>One atomic unit of work: appends to one or more streams, outbox messages and schedule changes.</summary>
/// <remarks>
/// <para>A store applies a commit entirely or not at all.</para>
/// <para>
/// Replays: when a commit has appends and every one of them is a no-op (all its events are already stored),
/// the commit is a replay of one that already happened, and its outbox messages and schedule changes are not
/// applied again either.
/// </para>
/// </remarks>
public sealed class Commit
{
    /// <summary>Initializes a new instance of the <see cref="Commit"/> class.</summary>
    /// <param name="appends">The appends, at most one per stream.</param>
    /// <param name="outboxMessages">The outbox messages, with distinct ids; may be null or empty.</param>
    /// <param name="scheduleChanges">The schedule changes, at most one per key; may be null or empty.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="appends"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the commit is empty, or a stream, message id or schedule key appears twice.</exception>
    public Commit(IEnumerable<StreamAppend> appends, IEnumerable<OutboxMessage>? outboxMessages = null, IEnumerable<ScheduleChange>? scheduleChanges = null)
    {
        ArgumentNullException.ThrowIfNull(appends);
        Appends = Distinct(appends, a => a.StreamId, nameof(appends), "stream");
        OutboxMessages = Distinct(outboxMessages ?? [], m => m.MessageId, nameof(outboxMessages), "message id");
        ScheduleChanges = Distinct(scheduleChanges ?? [], c => c.Key, nameof(scheduleChanges), "schedule key");
        if (Appends.Count == 0 && OutboxMessages.Count == 0 && ScheduleChanges.Count == 0)
        {
            throw new ArgumentException("Expected at least one append, outbox message or schedule change.", nameof(appends));
        }
    }

    /// <summary>Initializes a new instance of the <see cref="Commit"/> class with appends only.</summary>
    /// <param name="appends">The appends, at most one per stream.</param>
    /// <exception cref="ArgumentNullException">Thrown when an append is null.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no append or a stream appears twice.</exception>
    public Commit(params StreamAppend[] appends)
        : this((IEnumerable<StreamAppend>)appends)
    {
    }

    /// <summary>Gets the appends, in order.</summary>
    public IReadOnlyList<StreamAppend> Appends { get; }

    /// <summary>Gets the outbox messages, in order.</summary>
    public IReadOnlyList<OutboxMessage> OutboxMessages { get; }

    /// <summary>Gets the schedule changes.</summary>
    public IReadOnlyList<ScheduleChange> ScheduleChanges { get; }

    private static T[] Distinct<T>(IEnumerable<T> items, Func<T, string> key, string paramName, string what)
    {
        var list = items.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is null)
            {
                throw new ArgumentNullException(paramName, "Expected no null item.");
            }

            if (!seen.Add(key(item)))
            {
                throw new ArgumentException($"The {what} '{key(item)}' appears twice in one commit; expected each at most once.", paramName);
            }
        }

        return list;
    }
}
