using Npgsql;
using Subscriptions.Storage.Postgres.Internal;

namespace Subscriptions.Storage.Postgres;

/// <summary>The scale-out store: event streams, outbox and schedule in PostgreSQL, shared by many billing workers.</summary>
/// <remarks>
/// <para>
/// Commits are optimistic: one round trip sends every statement of the commit (or of a whole batch of commits),
/// and unique constraints plus conditional version updates reject anything stale. When something is off (a wrong
/// expected version, an event or message id already stored) the transaction is rolled back and the commit runs
/// again statement by statement, with row locks, to apply idempotency or report the precise error.
/// </para>
/// <para>
/// Claims use <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never wait for each other nor get the same key.
/// Global positions are <c>(transaction id &lt;&lt; 20) + index</c>: they grow in commit order for commits that follow
/// one another, have gaps, and the feed only shows transactions older than the oldest one still running, so a
/// reader never skips an event that commits late. One transaction holds at most 1,048,575 events.
/// </para>
/// <para>Thread-safe: every operation takes a pooled connection from its own data source.</para>
/// </remarks>
public sealed class PostgresStore : IStore, IAsyncDisposable, IDisposable
{
    private const int StreamBatch = 500;
    private const int MaxEventsPerTransaction = (1 << 20) - 1;
    private const int MaxStatementsPerRoundTrip = 1000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly bool _initializeSchema;
    private readonly PostgresSql _sql;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Initializes a new instance of the <see cref="PostgresStore"/> class; the schema is checked or created on first use.</summary>
    /// <param name="options">The options, copied; later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the options are invalid; the message lists every problem.</exception>
    public PostgresStore(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // The store keeps no session state (no SET, temporary table, LISTEN or session lock) on the connections of
        // its own data source, so the reset Npgsql runs each time one returns to the pool (RESET ALL and friends,
        // parsed by the server on every commit) buys nothing: skipping it cut the server's CPU per commit by a quarter.
        builder.NoResetOnClose = true;
        EffectiveConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _schema = options.Schema;
        _initializeSchema = options.InitializeSchema;
        _sql = new PostgresSql(_schema);
    }

    /// <summary>Gets the connection string of the store's data source: the host's, with the store's settings.</summary>
    internal string EffectiveConnectionString { get; }

    /// <inheritdoc />
    public async Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var results = await CommitCoreAsync([commit], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Thrown when the batch holds more than 1,048,575 events.</exception>
    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        Guard.Commits(commits);
        return await CommitCoreAsync(commits, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        Guard.Id(streamId, nameof(streamId));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, _sql.GetVersion, streamId);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
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
            var connection = await OpenAsync(token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = Command(connection, _sql.ReadStream, streamId, after, StreamBatch);
                var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        page.Add(new RecordedEvent(streamId, reader.GetInt64(1), reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
                    }
                }
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
            var connection = await OpenAsync(token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = Command(connection, _sql.ReadAll, after, batchSize);
                var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        page.Add(new RecordedEvent(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(0), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<byte[]>(6)));
                    }
                }
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
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, _sql.ClaimDue, owner, until, now.UtcTicks, max);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add((reader.GetInt64(1), reader.GetString(0)));
                }
            }
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
        return ExecuteAsync(_sql.Complete, cancellationToken, key, owner);
    }

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string key, string owner, DateTimeOffset due, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(_sql.Reschedule, cancellationToken, key, owner, due.UtcTicks);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(_sql.Release, cancellationToken, key, owner);
    }

    /// <inheritdoc />
    public async Task<ScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        Guard.Id(key, nameof(key));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, _sql.GetEntry, key);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new ScheduleEntry(
                    key,
                    new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> ClaimMessagesAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Guard.Claim(max, owner, lease);
        var until = checked(now.UtcTicks + lease.Ticks);
        var expires = new DateTimeOffset(until, TimeSpan.Zero);
        var claimed = new List<(long Seq, OutboxEntry Entry)>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, _sql.ClaimMessages, owner, until, now.UtcTicks, max);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add((reader.GetInt64(0), new OutboxEntry(reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetInt32(4), expires)));
                }
            }
        }

        claimed.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return claimed.ConvertAll(c => c.Entry);
    }

    /// <inheritdoc />
    public Task<bool> MarkDoneAsync(string messageId, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        return ExecuteAsync(_sql.MarkDone, cancellationToken, messageId);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseMessageAsync(string messageId, string owner, CancellationToken cancellationToken)
    {
        Guard.Id(messageId, nameof(messageId));
        Guard.Id(owner, nameof(owner));
        return ExecuteAsync(_sql.ReleaseMessage, cancellationToken, messageId, owner);
    }

    /// <summary>Closes the store's connections. Operations after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _dataSource.Dispose();
        _initGate.Dispose();
    }

    /// <summary>Closes the store's connections. Operations after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initGate.Dispose();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
#pragma warning disable CA2100 // The SQL is a constant of this assembly; only the validated schema name is spliced in.
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<NpgsqlBatchCommand> statements, CancellationToken cancellationToken)
    {
        for (var start = 0; start < statements.Count; start += MaxStatementsPerRoundTrip)
        {
            var batch = new NpgsqlBatch(connection, transaction);
            await using (batch.ConfigureAwait(false))
            {
                for (var i = start; i < Math.Min(statements.Count, start + MaxStatementsPerRoundTrip); i++)
                {
                    batch.BatchCommands.Add(statements[i]);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, sql, values);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (_initializeSchema)
                {
                    await PostgresSchema.ApplyAsync(connection, _schema, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await PostgresSchema.VerifyAsync(connection, _schema, cancellationToken).ConfigureAwait(false);
                }
            }

            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private async Task<CommitResult[]> CommitCoreAsync(IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        var events = commits.Sum(c => c.Appends.Sum(a => a.Events.Count));
        if (events > MaxEventsPerTransaction)
        {
            throw new ArgumentException($"Expected at most {MaxEventsPerTransaction} events in one transaction, got {events}; split the batch.", nameof(commits));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await TryFastAsync(connection, commits, cancellationToken).ConfigureAwait(false)
                        ?? await SlowAsync(connection, commits, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    // Two commits locked the same streams in opposite orders; one was chosen as the victim. Run it again.
                }
            }
        }
    }

    // The common case in one round trip (plus COMMIT): everything new, every expected version right. Returns null,
    // with the transaction rolled back, when any statement did not do exactly what it had to.
    private async Task<CommitResult[]?> TryFastAsync(NpgsqlConnection connection, IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        var statements = new List<NpgsqlBatchCommand>();
        var expected = new List<(NpgsqlBatchCommand Statement, int Rows)>();
        var results = new CommitResult[commits.Count];
        if (DistinctStreams(commits))
        {
            AddRowsAsArrays(commits, statements, expected, results);
        }
        else
        {
            AddRowByRow(commits, statements, expected, results);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            bool ok;
            try
            {
                await ExecuteAsync(connection, transaction, statements, cancellationToken).ConfigureAwait(false);
                ok = expected.TrueForAll(s => s.Statement.RecordsAffected == s.Rows);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                ok = false;
            }

            if (!ok)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
    }

    private static bool DistinctStreams(IReadOnlyList<Commit> commits)
    {
        if (commits.Count == 1 && commits[0].Appends.Count <= 1)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commit in commits)
        {
            foreach (var append in commit.Appends)
            {
                if (!seen.Add(append.StreamId))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // Every stream appears once: one statement per table, whatever the number of commits. (Two appends to one
    // stream must see each other's version, so they go row by row.)
    private void AddRowsAsArrays(IReadOnlyList<Commit> commits, List<NpgsqlBatchCommand> statements, List<(NpgsqlBatchCommand, int)> expected, CommitResult[] results)
    {
        var created = new List<string>();
        var createdVersions = new List<long>();
        var advanced = new List<string>();
        var advancedVersions = new List<long>();
        var advancedFrom = new List<long>();
        var eventCount = commits.Sum(c => c.Appends.Sum(a => a.Events.Count));
        var indexes = new long[eventCount];
        var streams = new string[eventCount];
        var versions = new long[eventCount];
        var ids = new string[eventCount];
        var types = new string[eventCount];
        var payloads = new byte[eventCount][];
        var metadata = new byte[eventCount][];
        var messageIds = new List<string>();
        var messageTypes = new List<string>();
        var messagePayloads = new List<byte[]>();
        var scheduleChanges = new List<NpgsqlBatchCommand>();
        var n = 0;
        for (var c = 0; c < commits.Count; c++)
        {
            var commit = commits[c];
            var commitVersions = new long[commit.Appends.Count];
            for (var a = 0; a < commit.Appends.Count; a++)
            {
                var append = commit.Appends[a];
                var next = append.ExpectedVersion + append.Events.Count;
                if (append.ExpectedVersion == 0)
                {
                    created.Add(append.StreamId);
                    createdVersions.Add(next);
                }
                else
                {
                    advanced.Add(append.StreamId);
                    advancedVersions.Add(next);
                    advancedFrom.Add(append.ExpectedVersion);
                }

                for (var i = 0; i < append.Events.Count; i++, n++)
                {
                    var e = append.Events[i];
                    indexes[n] = n;
                    streams[n] = append.StreamId;
                    versions[n] = append.ExpectedVersion + 1 + i;
                    ids[n] = e.EventId;
                    types[n] = e.Type;
                    payloads[n] = Bytes.Of(e.Payload);
                    metadata[n] = Bytes.Of(e.Metadata);
                }

                commitVersions[a] = next;
            }

            foreach (var m in commit.OutboxMessages)
            {
                messageIds.Add(m.MessageId);
                messageTypes.Add(m.Type);
                messagePayloads.Add(Bytes.Of(m.Payload));
            }

            AddScheduleChanges(scheduleChanges, commit);
            results[c] = new CommitResult(commitVersions, isReplay: false);
        }

        // Streams first: a stream's row is what a concurrent commit to the same stream waits on.
        if (created.Count > 0)
        {
            Expect(statements, expected, Statement(_sql.CreateStreams, created.ToArray(), createdVersions.ToArray()), created.Count);
        }

        if (advanced.Count > 0)
        {
            Expect(statements, expected, Statement(_sql.AdvanceStreams, advanced.ToArray(), advancedVersions.ToArray(), advancedFrom.ToArray()), advanced.Count);
        }

        if (eventCount > 0)
        {
            Expect(statements, expected, Statement(_sql.InsertEvents, indexes, streams, versions, ids, types, payloads, metadata), eventCount);
        }

        if (messageIds.Count > 0)
        {
            Expect(statements, expected, Statement(_sql.InsertMessages, messageIds.ToArray(), messageTypes.ToArray(), messagePayloads.ToArray()), messageIds.Count);
        }

        statements.AddRange(scheduleChanges);
    }

    private void AddRowByRow(IReadOnlyList<Commit> commits, List<NpgsqlBatchCommand> statements, List<(NpgsqlBatchCommand, int)> expected, CommitResult[] results)
    {
        long index = 0;
        for (var c = 0; c < commits.Count; c++)
        {
            var commit = commits[c];
            var versions = new long[commit.Appends.Count];
            for (var a = 0; a < commit.Appends.Count; a++)
            {
                var append = commit.Appends[a];
                var next = append.ExpectedVersion + append.Events.Count;
                Expect(statements, expected, append.ExpectedVersion == 0
                    ? Statement(_sql.CreateStream, append.StreamId, next)
                    : Statement(_sql.AdvanceStream, append.StreamId, next, append.ExpectedVersion), 1);
                for (var i = 0; i < append.Events.Count; i++)
                {
                    var e = append.Events[i];
                    Expect(statements, expected, Statement(_sql.InsertEvent, index++, append.StreamId, append.ExpectedVersion + 1 + i, e.EventId, e.Type, Bytes.Of(e.Payload), Bytes.Of(e.Metadata)), 1);
                }

                versions[a] = next;
            }

            foreach (var m in commit.OutboxMessages)
            {
                Expect(statements, expected, Statement(_sql.InsertMessage, m.MessageId, m.Type, Bytes.Of(m.Payload)), 1);
            }

            AddScheduleChanges(statements, commit);
            results[c] = new CommitResult(versions, isReplay: false);
        }
    }

    private static void Expect(List<NpgsqlBatchCommand> statements, List<(NpgsqlBatchCommand, int)> expected, NpgsqlBatchCommand statement, int rows)
    {
        statements.Add(statement);
        expected.Add((statement, rows));
    }

    // Statement by statement, with the stream rows locked: applies idempotency and reports the precise error.
    private async Task<CommitResult[]> SlowAsync(NpgsqlConnection connection, IReadOnlyList<Commit> commits, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var index = new long[1];
            var results = new CommitResult[commits.Count];
            for (var c = 0; c < commits.Count; c++)
            {
                results[c] = await ApplySlowAsync(connection, transaction, commits[c], index, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
    }

    private async Task<CommitResult> ApplySlowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Commit commit, long[] index, CancellationToken cancellationToken)
    {
        var versions = new long[commit.Appends.Count];
        var written = 0;
        for (var a = 0; a < commit.Appends.Count; a++)
        {
            var append = commit.Appends[a];
            using (var create = Command(connection, _sql.CreateStream, append.StreamId, 0L))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long current;
            using (var lockStream = Command(connection, _sql.LockStream, append.StreamId))
            {
                current = (long)(await lockStream.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!; // The row was just ensured.
            }

            var stored = new Dictionary<string, (string Type, byte[] Payload)>(StringComparer.Ordinal);
            using (var find = Command(connection, _sql.FindEvents, append.StreamId, append.Events.Select(e => e.EventId).ToArray()))
            {
                var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        stored[reader.GetString(0)] = (reader.GetString(1), reader.GetFieldValue<byte[]>(2));
                    }
                }
            }

            var fresh = new List<EventData>();
            foreach (var e in append.Events)
            {
                if (!stored.TryGetValue(e.EventId, out var s))
                {
                    fresh.Add(e);
                }
                else if (s.Type != e.Type || !s.Payload.AsSpan().SequenceEqual(e.Payload.Span))
                {
                    throw new EventIdConflictException(append.StreamId, e.EventId);
                }
            }

            if (fresh.Count == 0)
            {
                versions[a] = current;
                continue;
            }

            if (append.ExpectedVersion != current)
            {
                throw new StreamVersionConflictException(append.StreamId, append.ExpectedVersion, current);
            }

            var statements = new List<NpgsqlBatchCommand>(fresh.Count + 1);
            for (var i = 0; i < fresh.Count; i++)
            {
                var e = fresh[i];
                statements.Add(Statement(_sql.InsertEvent, index[0]++, append.StreamId, current + 1 + i, e.EventId, e.Type, Bytes.Of(e.Payload), Bytes.Of(e.Metadata)));
            }

            statements.Add(Statement(_sql.SetStreamVersion, append.StreamId, current + fresh.Count));
            await ExecuteAsync(connection, transaction, statements, cancellationToken).ConfigureAwait(false);
            versions[a] = current + fresh.Count;
            written++;
        }

        var replay = commit.Appends.Count > 0 && written == 0;
        if (!replay)
        {
            foreach (var m in commit.OutboxMessages)
            {
                using var insert = Command(connection, _sql.InsertMessage, m.MessageId, m.Type, Bytes.Of(m.Payload));
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    continue;
                }

                using var find = Command(connection, _sql.FindMessage, m.MessageId);
                var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (reader.GetString(0) != m.Type || !reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(m.Payload.Span))
                    {
                        throw new MessageIdConflictException(m.MessageId);
                    }
                }
            }

            var changes = new List<NpgsqlBatchCommand>();
            AddScheduleChanges(changes, commit);
            await ExecuteAsync(connection, transaction, changes, cancellationToken).ConfigureAwait(false);
        }

        return new CommitResult(versions, replay);
    }

    private void AddScheduleChanges(List<NpgsqlBatchCommand> statements, Commit commit)
    {
        foreach (var change in commit.ScheduleChanges)
        {
            statements.Add(change.Due is { } due
                ? Statement(_sql.SetSchedule, change.Key, due.UtcTicks)
                : Statement(_sql.RemoveSchedule, change.Key));
        }
    }
}
