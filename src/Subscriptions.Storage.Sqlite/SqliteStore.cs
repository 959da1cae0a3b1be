using Microsoft.Data.Sqlite;
using Subscriptions.Storage.Sqlite.Internal;

namespace Subscriptions.Storage.Sqlite;

/// <summary>The embedded default store: event streams, outbox and schedule in one SQLite file.</summary>
/// <remarks>
/// <para>
/// The store keeps one connection to the file in WAL mode, with prepared statements, and runs one operation at a
/// time on it (SQLite has one writer anyway): commits are transactions, claims are single atomic statements,
/// reads fetch batches. It opens the file, and creates or migrates the schema, on first use.
/// </para>
/// <para>Thread-safe. Several processes may share the file; SQLite's file locks serialize their writes.</para>
/// </remarks>
public sealed class SqliteStore : IStore, IAsyncDisposable, IDisposable
{
    private const int StreamBatch = 500;
    private const int UniqueConstraintFailed = 2067; // SQLITE_CONSTRAINT_UNIQUE

    private readonly string _connectionString;
    private readonly string _prefix;
    private readonly bool _initializeSchema;
    private readonly bool _durable;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteStatements? _sql;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="SqliteStore"/> class; the file is opened on first use.</summary>
    /// <param name="options">The options, copied; later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the options are invalid; the message lists every problem.</exception>
    public SqliteStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false };
        _connectionString = builder.ToString();
        _prefix = options.TablePrefix;
        _initializeSchema = options.InitializeSchema;
        _durable = options.DurableCommits;
    }

    /// <inheritdoc />
    public async Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var results = await CommitCoreAsync([commit], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        Guard.Commits(commits);
        return await CommitCoreAsync(commits, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        Guard.Id(streamId, nameof(streamId));
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return VersionOf(sql, null, streamId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        Guard.Id(streamId, nameof(streamId));
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        return Paging.ReadPagesAsync(afterVersion, StreamBatch, ReadPage, e => e.Version, cancellationToken);

        async Task<List<RecordedEvent>> ReadPage(long after, CancellationToken token)
        {
            var page = new List<RecordedEvent>(StreamBatch);
            var sql = await EnterAsync(token).ConfigureAwait(false);
            try
            {
                using var reader = sql.ReadStream.Bind(null, streamId, after, StreamBatch).ExecuteReader();
                while (reader.Read())
                {
                    page.Add(new RecordedEvent(streamId, reader.GetInt64(1), reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
                }
            }
            finally
            {
                _gate.Release();
            }

            return page;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, int batchSize, CancellationToken cancellationToken)
    {
        Guard.Read(afterPosition, batchSize, nameof(afterPosition));
        return Paging.ReadPagesAsync(afterPosition, batchSize, ReadPage, e => e.Position, cancellationToken);

        async Task<List<RecordedEvent>> ReadPage(long after, CancellationToken token)
        {
            var page = new List<RecordedEvent>(Math.Min(batchSize, 4096));
            var sql = await EnterAsync(token).ConfigureAwait(false);
            try
            {
                using var reader = sql.ReadAll.Bind(null, after, batchSize).ExecuteReader();
                while (reader.Read())
                {
                    page.Add(new RecordedEvent(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(0), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<byte[]>(6)));
                }
            }
            finally
            {
                _gate.Release();
            }

            return page;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduleEntry>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Guard.Claim(max, owner, lease);
        var until = checked(now.UtcTicks + lease.Ticks);
        var claimed = new List<(long Due, string Key)>();
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var reader = sql.ClaimDue.Bind(null, owner, until, now.UtcTicks, max).ExecuteReader();
            while (reader.Read())
            {
                claimed.Add((reader.GetInt64(1), reader.GetString(0)));
            }
        }
        finally
        {
            _gate.Release();
        }

        claimed.Sort((a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : string.CompareOrdinal(a.Key, b.Key));
        var expires = new DateTimeOffset(until, TimeSpan.Zero);
        return claimed.ConvertAll(c => new ScheduleEntry(c.Key, new DateTimeOffset(c.Due, TimeSpan.Zero), owner, expires));
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(string key, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(s => s.Complete.Bind(null, key, owner), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string key, string owner, DateTimeOffset due, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(s => s.Reschedule.Bind(null, key, owner, due.UtcTicks), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(s => s.Release.Bind(null, key, owner), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var reader = sql.GetEntry.Bind(null, key).ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new ScheduleEntry(
                key,
                new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> ClaimMessagesAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Guard.Claim(max, owner, lease);
        var until = checked(now.UtcTicks + lease.Ticks);
        var expires = new DateTimeOffset(until, TimeSpan.Zero);
        var claimed = new List<(long Seq, OutboxEntry Entry)>();
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var reader = sql.ClaimMessages.Bind(null, owner, until, now.UtcTicks, max).ExecuteReader();
            while (reader.Read())
            {
                claimed.Add((reader.GetInt64(0), new OutboxEntry(reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetInt32(4), expires)));
            }
        }
        finally
        {
            _gate.Release();
        }

        claimed.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return claimed.ConvertAll(c => c.Entry);
    }

    /// <inheritdoc />
    public Task<bool> MarkDoneAsync(string messageId, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        return ExecuteAsync(s => s.MarkDone.Bind(null, messageId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseMessageAsync(string messageId, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(s => s.ReleaseMessage.Bind(null, messageId, owner), cancellationToken);
    }

    /// <summary>Closes the file. Operations after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _sql?.Dispose();
            _sql = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file. Operations after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _sql?.Dispose();
            _sql = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long VersionOf(SqliteStatements sql, SqliteTransaction? transaction, string streamId) =>
        sql.GetVersion.Bind(transaction, streamId).ExecuteScalar() is long version ? version : 0;

    private async Task<bool> ExecuteAsync(Func<SqliteStatements, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return bind(sql).ExecuteNonQuery() > 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SqliteStatements> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _sql ??= Open();
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private SqliteStatements Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = " + (_durable ? "FULL" : "NORMAL") + "; PRAGMA busy_timeout = 30000;";
                pragma.ExecuteNonQuery();
            }

            if (_initializeSchema)
            {
                SqliteSchema.Apply(connection, _prefix);
            }
            else
            {
                SqliteSchema.Verify(connection, _prefix);
            }

            return new SqliteStatements(connection, _prefix);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task<CommitResult[]> CommitCoreAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        var sql = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return Run(sql, commits, careful: false);
            }
            catch (RetryCarefullyException)
            {
                // An event id was already stored: redo the whole transaction event by event, which handles idempotency.
                return Run(sql, commits, careful: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static CommitResult[] Run(SqliteStatements sql, IReadOnlyList<Commit> commits, bool careful)
    {
        // BEGIN IMMEDIATE: take the write lock up front, so that another process on the file cannot make us fail mid-way.
        using var transaction = sql.Connection.BeginTransaction(deferred: false);
        var results = new CommitResult[commits.Count];
        for (var i = 0; i < commits.Count; i++)
        {
            results[i] = Apply(sql, transaction, commits[i], careful);
        }

        transaction.Commit();
        return results;
    }

    // Runs inside the commit's transaction; any exception rolls the whole transaction back. Not careful: the events of
    // an append go in multi-row inserts, and a skipped row (an event id already stored) aborts with RetryCarefullyException.
    private static CommitResult Apply(SqliteStatements sql, SqliteTransaction transaction, Commit commit, bool careful)
    {
        var versions = new long[commit.Appends.Count];
        var written = 0;
        for (var a = 0; a < commit.Appends.Count; a++)
        {
            var append = commit.Appends[a];
            if (append.ExpectedVersion == 0 && !careful)
            {
                // A new stream needs no read: if the stream exists, version 1 does, and the insert fails on it.
                InsertAll(sql, transaction, append);
                versions[a] = append.Events.Count;
                written++;
                continue;
            }

            var current = VersionOf(sql, transaction, append.StreamId);
            if (append.ExpectedVersion == current && !careful)
            {
                InsertAll(sql, transaction, append);
                versions[a] = current + append.Events.Count;
                written++;
            }
            else if (append.ExpectedVersion == current)
            {
                var next = current;
                foreach (var e in append.Events)
                {
                    var inserted = sql.InsertEvent.Bind(transaction, append.StreamId, next + 1, e.EventId, e.Type, Bytes.Of(e.Payload), Bytes.Of(e.Metadata)).ExecuteNonQuery();
                    if (inserted == 1)
                    {
                        next++;
                    }
                    else
                    {
                        CheckStoredEvent(sql, transaction, append.StreamId, e);
                    }
                }

                if (next != current)
                {
                    written++;
                }

                versions[a] = next;
            }
            else
            {
                // Not the expected version: a success only if every event is already stored (a replay).
                var allStored = true;
                foreach (var e in append.Events)
                {
                    allStored &= CheckStoredEvent(sql, transaction, append.StreamId, e);
                }

                if (!allStored)
                {
                    throw new StreamVersionConflictException(append.StreamId, append.ExpectedVersion, current);
                }

                versions[a] = current;
            }
        }

        var replay = commit.Appends.Count > 0 && written == 0;
        if (!replay)
        {
            foreach (var m in commit.OutboxMessages)
            {
                if (sql.InsertMessage.Bind(transaction, m.MessageId, m.Type, Bytes.Of(m.Payload)).ExecuteNonQuery() == 0)
                {
                    using var reader = sql.FindMessage.Bind(transaction, m.MessageId).ExecuteReader();
                    reader.Read();
                    if (reader.GetString(0) != m.Type || !reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(m.Payload.Span))
                    {
                        throw new MessageIdConflictException(m.MessageId);
                    }
                }
            }

            foreach (var change in commit.ScheduleChanges)
            {
                var command = change.Due is { } due
                    ? sql.SetSchedule.Bind(transaction, change.Key, due.UtcTicks)
                    : sql.RemoveSchedule.Bind(transaction, change.Key);
                command.ExecuteNonQuery();
            }
        }

        return new CommitResult(versions, replay);
    }

    private static void InsertAll(SqliteStatements sql, SqliteTransaction transaction, StreamAppend append)
    {
        var events = append.Events;
        for (var start = 0; start < events.Count; start += SqliteStatements.MaxRowsPerInsert)
        {
            var rows = Math.Min(SqliteStatements.MaxRowsPerInsert, events.Count - start);
            var insert = sql.InsertEvents[rows];
            insert.Set(0, append.StreamId);
            for (var r = 0; r < rows; r++)
            {
                var e = events[start + r];
                var at = 1 + (5 * r);
                insert.Set(at, append.ExpectedVersion + start + r + 1);
                insert.Set(at + 1, e.EventId);
                insert.Set(at + 2, e.Type);
                insert.Set(at + 3, Bytes.Of(e.Payload));
                insert.Set(at + 4, Bytes.Of(e.Metadata));
            }

            int inserted;
            try
            {
                inserted = insert.With(transaction).ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == UniqueConstraintFailed)
            {
                // The version is taken: the stream is not where the commit expected it. Let the careful pass say why.
                throw new RetryCarefullyException();
            }

            if (inserted != rows)
            {
                throw new RetryCarefullyException();
            }
        }
    }

    // True when the event is stored with the same content, false when absent; throws when stored with another content.
    private static bool CheckStoredEvent(SqliteStatements sql, SqliteTransaction transaction, string streamId, EventData e)
    {
        using var reader = sql.FindEvent.Bind(transaction, streamId, e.EventId).ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }

        if (reader.GetString(0) != e.Type || !reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(e.Payload.Span))
        {
            throw new EventIdConflictException(streamId, e.EventId);
        }

        return true;
    }

    private sealed class RetryCarefullyException : Exception
    {
    }
}
