using System.Runtime.CompilerServices;

namespace Subscriptions.Storage;

/// <summary>
/// The reference store: everything in memory, thread-safe, with exactly the semantics every adapter must have.
/// </summary>
/// <remarks>
/// A host can start with it and no database; nothing survives the process. All operations take one lock, so
/// commits, claims and reads are linearizable. Reads fetch batches under the lock and never block writers for long.
/// </remarks>
public sealed class InMemoryStore : IStore
{
    private const int ReadBatch = 512;

    private readonly Lock _lock = new();
    private readonly List<RecordedEvent> _all = [];
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Stream, string EventId), RecordedEvent> _byId = [];
    private readonly Dictionary<string, Slot> _schedule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Message> _outbox = new(StringComparer.Ordinal);
    private readonly List<Message> _outboxOrder = [];

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(Apply([commit])[0]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        Guard.Commits(commits);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CommitResult>>(Apply(commits));
        }
    }

    /// <inheritdoc />
    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        Guard.Id(streamId, nameof(streamId));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(VersionOf(streamId));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        Guard.Id(streamId, nameof(streamId));
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        return Iterate(streamId, afterVersion, cancellationToken);

        async IAsyncEnumerable<RecordedEvent> Iterate(string id, long after, [EnumeratorCancellation] CancellationToken token)
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                RecordedEvent[] batch;
                lock (_lock)
                {
                    batch = _streams.TryGetValue(id, out var events) && after < events.Count
                        ? events.Skip((int)after).Take(ReadBatch).ToArray()
                        : [];
                }

                foreach (var e in batch)
                {
                    yield return e;
                }

                if (batch.Length < ReadBatch)
                {
                    yield break;
                }

                after += batch.Length;
                await Task.Yield();
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, int batchSize, CancellationToken cancellationToken)
    {
        Guard.Read(afterPosition, batchSize, nameof(afterPosition));
        return Iterate(afterPosition, batchSize, cancellationToken);

        async IAsyncEnumerable<RecordedEvent> Iterate(long after, int size, [EnumeratorCancellation] CancellationToken token)
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                RecordedEvent[] batch;
                lock (_lock)
                {
                    batch = after < _all.Count ? _all.Skip((int)after).Take(size).ToArray() : [];
                }

                foreach (var e in batch)
                {
                    yield return e;
                }

                if (batch.Length < size)
                {
                    yield break;
                }

                after += batch.Length;
                await Task.Yield();
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleEntry>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Guard.Claim(max, owner, lease);
        cancellationToken.ThrowIfCancellationRequested();
        var nowTicks = now.UtcTicks;
        var until = checked(nowTicks + lease.Ticks);
        lock (_lock)
        {
            var claimed = _schedule
                .Where(p => p.Value.Due <= nowTicks && (p.Value.Until is null || p.Value.Until <= nowTicks))
                .OrderBy(p => p.Value.Due).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(max)
                .ToArray();
            var result = new ScheduleEntry[claimed.Length];
            for (var i = 0; i < claimed.Length; i++)
            {
                var (key, slot) = (claimed[i].Key, claimed[i].Value);
                slot.Owner = owner;
                slot.Until = until;
                result[i] = ToEntry(key, slot);
            }

            return Task.FromResult<IReadOnlyList<ScheduleEntry>>(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(string key, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_schedule.TryGetValue(key, out var slot) && slot.Owner == owner && _schedule.Remove(key));
        }
    }

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string key, string owner, DateTimeOffset due, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_schedule.TryGetValue(key, out var slot) || slot.Owner != owner)
            {
                return Task.FromResult(false);
            }

            slot.Due = due.UtcTicks;
            slot.Owner = null;
            slot.Until = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_schedule.TryGetValue(key, out var slot) || slot.Owner != owner)
            {
                return Task.FromResult(false);
            }

            slot.Owner = null;
            slot.Until = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<ScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_schedule.TryGetValue(key, out var slot) ? ToEntry(key, slot) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> ClaimMessagesAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Guard.Claim(max, owner, lease);
        cancellationToken.ThrowIfCancellationRequested();
        var nowTicks = now.UtcTicks;
        var until = checked(nowTicks + lease.Ticks);
        lock (_lock)
        {
            var result = new List<OutboxEntry>();
            foreach (var m in _outboxOrder)
            {
                if (result.Count == max)
                {
                    break;
                }

                if (m.Done || (m.Until is { } u && u > nowTicks))
                {
                    continue;
                }

                m.Owner = owner;
                m.Until = until;
                m.Attempts++;
                result.Add(new OutboxEntry(m.Data.MessageId, m.Data.Type, m.Data.Payload, m.Attempts, new DateTimeOffset(until, TimeSpan.Zero)));
            }

            return Task.FromResult<IReadOnlyList<OutboxEntry>>(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkDoneAsync(string messageId, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_outbox.TryGetValue(messageId, out var m) || m.Done)
            {
                return Task.FromResult(false);
            }

            m.Done = true;
            m.Owner = null;
            m.Until = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseMessageAsync(string messageId, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        Guard.Id(owner, nameof(owner));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_outbox.TryGetValue(messageId, out var m) || m.Done || m.Owner != owner)
            {
                return Task.FromResult(false);
            }

            m.Owner = null;
            m.Until = null;
            return Task.FromResult(true);
        }
    }

    private static ScheduleEntry ToEntry(string key, Slot slot) =>
        new(key, new DateTimeOffset(slot.Due, TimeSpan.Zero), slot.Owner, slot.Until is { } u ? new DateTimeOffset(u, TimeSpan.Zero) : null);

    private long VersionOf(string streamId) => _streams.TryGetValue(streamId, out var events) ? events.Count : 0;

    // Plans every commit against the current state plus the effects of the commits before it, throwing before
    // anything is written; then applies the plan. Runs under the lock.
    private CommitResult[] Apply(IReadOnlyList<Commit> commits)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var ids = new Dictionary<(string, string), EventData>();
        var messages = new Dictionary<string, OutboxMessage>(StringComparer.Ordinal);
        var appends = new List<(string Stream, EventData[] Events)>();
        var newMessages = new List<OutboxMessage>();
        var changes = new List<ScheduleChange>();
        var results = new CommitResult[commits.Count];

        for (var c = 0; c < commits.Count; c++)
        {
            var commit = commits[c];
            var streamVersions = new long[commit.Appends.Count];
            var written = 0;
            for (var a = 0; a < commit.Appends.Count; a++)
            {
                var append = commit.Appends[a];
                var current = versions.TryGetValue(append.StreamId, out var v) ? v : VersionOf(append.StreamId);
                var fresh = new List<EventData>();
                foreach (var e in append.Events)
                {
                    if (ids.TryGetValue((append.StreamId, e.EventId), out var pending))
                    {
                        CheckSame(append.StreamId, e, pending.Type, pending.Payload.Span);
                    }
                    else if (_byId.TryGetValue((append.StreamId, e.EventId), out var stored))
                    {
                        CheckSame(append.StreamId, e, stored.Type, stored.Payload.Span);
                    }
                    else
                    {
                        fresh.Add(e);
                    }
                }

                if (fresh.Count > 0)
                {
                    if (append.ExpectedVersion != current)
                    {
                        throw new StreamVersionConflictException(append.StreamId, append.ExpectedVersion, current);
                    }

                    current += fresh.Count;
                    versions[append.StreamId] = current;
                    foreach (var e in fresh)
                    {
                        ids[(append.StreamId, e.EventId)] = e;
                    }

                    appends.Add((append.StreamId, fresh.ToArray()));
                    written++;
                }

                streamVersions[a] = current;
            }

            var replay = commit.Appends.Count > 0 && written == 0;
            if (!replay)
            {
                foreach (var m in commit.OutboxMessages)
                {
                    var existing = messages.TryGetValue(m.MessageId, out var p) ? p
                        : _outbox.TryGetValue(m.MessageId, out var s) ? s.Data : null;
                    if (existing is null)
                    {
                        messages[m.MessageId] = m;
                        newMessages.Add(m);
                    }
                    else if (existing.Type != m.Type || !existing.Payload.Span.SequenceEqual(m.Payload.Span))
                    {
                        throw new MessageIdConflictException(m.MessageId);
                    }
                }

                changes.AddRange(commit.ScheduleChanges);
            }

            results[c] = new CommitResult(streamVersions, replay);
        }

        foreach (var (stream, events) in appends)
        {
            if (!_streams.TryGetValue(stream, out var list))
            {
                list = [];
                _streams[stream] = list;
            }

            foreach (var e in events)
            {
                var recorded = new RecordedEvent(stream, list.Count + 1, _all.Count + 1, e.EventId, e.Type, e.Payload, e.Metadata);
                list.Add(recorded);
                _all.Add(recorded);
                _byId[(stream, e.EventId)] = recorded;
            }
        }

        foreach (var m in newMessages)
        {
            var message = new Message(m);
            _outbox[m.MessageId] = message;
            _outboxOrder.Add(message);
        }

        foreach (var change in changes)
        {
            if (change.Due is { } due)
            {
                _schedule[change.Key] = new Slot { Due = due.UtcTicks };
            }
            else
            {
                _schedule.Remove(change.Key);
            }
        }

        return results;
    }

    private static void CheckSame(string streamId, EventData e, string type, ReadOnlySpan<byte> payload)
    {
        if (e.Type != type || !e.Payload.Span.SequenceEqual(payload))
        {
            throw new EventIdConflictException(streamId, e.EventId);
        }
    }

    private sealed class Slot
    {
        public long Due { get; set; }

        public string? Owner { get; set; }

        public long? Until { get; set; }
    }

    private sealed class Message(OutboxMessage data)
    {
        public OutboxMessage Data { get; } = data;

        public int Attempts { get; set; }

        public string? Owner { get; set; }

        public long? Until { get; set; }

        public bool Done { get; set; }
    }
}
