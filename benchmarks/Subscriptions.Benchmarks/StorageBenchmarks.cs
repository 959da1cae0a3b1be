using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Npgsql;
using Subscriptions.Storage;
using Subscriptions.Storage.Postgres;
using Subscriptions.Storage.PostgresAdapter;
using Subscriptions.Storage.Sqlite;

namespace Subscriptions.Benchmarks;

/// <summary>
/// How fast can each adapter commit, next to the raw speed of the same database in the same run?
/// Every figure is per event (OperationsPerInvoke = events written): events/s = 1 s / Mean.
/// "Raw" writes the same rows into a table of the same shape (same primary key and unique constraints) with plain
/// prepared INSERTs and nothing else: no version check, no idempotency, no stream table. Both sides run with
/// durable commits (SQLite WAL + synchronous=FULL; PostgreSQL fsync=on, synchronous_commit=on).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class StorageBenchmarks
{
    internal const int CommitsPerInvoke = 100;
    internal const int CommitsPerBatch = 1000;
    internal const int EventsPerCommit = 3;

    private StorageBench? _bench;

    [Params("Sqlite", "Postgres")]
    public string Database { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task Setup() => _bench = await StorageBench.StartAsync(Database);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_bench is not null)
        {
            await _bench.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CommitsPerInvoke * EventsPerCommit)]
    [BenchmarkCategory("Single commits of 3 events")]
    public Task<long> RawSingle3() => _bench!.RawAsync(CommitsPerInvoke, 1);

    [Benchmark(OperationsPerInvoke = CommitsPerInvoke * EventsPerCommit)]
    [BenchmarkCategory("Single commits of 3 events")]
    public Task<long> StoreSingle3() => _bench!.StoreSingleAsync(CommitsPerInvoke);

    [Benchmark(Baseline = true, OperationsPerInvoke = CommitsPerBatch * EventsPerCommit)]
    [BenchmarkCategory("1000 commits in one transaction")]
    public Task<long> RawBatch() => _bench!.RawAsync(1, CommitsPerBatch);

    [Benchmark(OperationsPerInvoke = CommitsPerBatch * EventsPerCommit)]
    [BenchmarkCategory("1000 commits in one transaction")]
    public Task<long> StoreBatch() => _bench!.StoreBatchAsync(CommitsPerBatch);
}

/// <summary>
/// Does the PostgreSQL store scale with concurrent writers (target: 2 writers >= 1.6x one), and how does raw
/// PostgreSQL scale in the same run? Two shapes: single commits of 3 events (each writer a web request after
/// another) and batches of 1,000 commits in one transaction (each writer a billing worker). Figures are per event
/// of one writer (OperationsPerInvoke counts one writer's events): events/s = Writers x 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class PostgresWriterScalingBenchmarks
{
    private const int CommitsPerWriter = 100;
    private const int BatchesPerWriter = 2;

    private StorageBench? _bench;

    [Params(1, 2, 4)]
    public int Writers { get; set; } = 1;

    [GlobalSetup]
    public async Task Setup() => _bench = await StorageBench.StartAsync("Postgres");

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_bench is not null)
        {
            await _bench.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CommitsPerWriter * StorageBenchmarks.EventsPerCommit)]
    [BenchmarkCategory("Single commits of 3 events")]
    public Task<long> RawSingle3PerWriter() => EachWriter(() => _bench!.RawAsync(CommitsPerWriter, 1));

    [Benchmark(OperationsPerInvoke = CommitsPerWriter * StorageBenchmarks.EventsPerCommit)]
    [BenchmarkCategory("Single commits of 3 events")]
    public Task<long> StoreSingle3PerWriter() => EachWriter(() => _bench!.StoreSingleAsync(CommitsPerWriter));

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchesPerWriter * StorageBenchmarks.CommitsPerBatch * StorageBenchmarks.EventsPerCommit)]
    [BenchmarkCategory("1000 commits in one transaction")]
    public Task<long> RawBatchPerWriter() => EachWriter(() => _bench!.RawAsync(BatchesPerWriter, StorageBenchmarks.CommitsPerBatch));

    [Benchmark(OperationsPerInvoke = BatchesPerWriter * StorageBenchmarks.CommitsPerBatch * StorageBenchmarks.EventsPerCommit)]
    [BenchmarkCategory("1000 commits in one transaction")]
    public async Task<long> StoreBatchPerWriter() => await EachWriter(async () =>
    {
        var events = 0L;
        for (var b = 0; b < BatchesPerWriter; b++)
        {
            events += await _bench!.StoreBatchAsync(StorageBenchmarks.CommitsPerBatch);
        }

        return events;
    });

    private async Task<long> EachWriter(Func<Task<long>> write)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(write)));
        return counts.Sum();
    }
}

/// <summary>One database with the store's tables and a raw table of the same shape, and the two ways to fill them.</summary>
internal sealed class StorageBench : IAsyncDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        "{\"subscription\":\"S-000042\",\"period\":{\"start\":\"2026-12-01\",\"end\":\"2027-01-01\"},\"lines\":[{\"product\":\"P-7\",\"quantity\":\"3\",\"unitPrice\":\"12.50\",\"currency\":\"EUR\"}],\"total\":\"37.50\"}");

    private static readonly byte[] Metadata = Encoding.UTF8.GetBytes("{\"run\":\"R-2026-12-01\",\"by\":\"billing\"}");

    private static readonly string[] RawParameters = ["$s", "$v", "$id", "$t", "$p", "$m"];

    private readonly IStore _store;
    private readonly Func<int, int, Task> _raw;
    private readonly Func<ValueTask> _dispose;
    private long _next;

    private StorageBench(IStore store, Func<int, int, Task> raw, Func<ValueTask> dispose)
    {
        _store = store;
        _raw = raw;
        _dispose = dispose;
    }

    public static async Task<StorageBench> StartAsync(string database) => database switch
    {
        "Sqlite" => StartSqlite(),
        "Postgres" => await StartPostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, "Expected Sqlite or Postgres."),
    };

    /// <summary>Writes <paramref name="transactions"/> transactions of <paramref name="commitsPerTransaction"/> x 3 rows with plain INSERTs.</summary>
    public async Task<long> RawAsync(int transactions, int commitsPerTransaction)
    {
        for (var t = 0; t < transactions; t++)
        {
            await _raw(commitsPerTransaction, 0);
        }

        return (long)transactions * commitsPerTransaction * StorageBenchmarks.EventsPerCommit;
    }

    public async Task<long> StoreSingleAsync(int commits)
    {
        for (var i = 0; i < commits; i++)
        {
            await _store.CommitAsync(NewCommit(), CancellationToken.None);
        }

        return (long)commits * StorageBenchmarks.EventsPerCommit;
    }

    public async Task<long> StoreBatchAsync(int commits)
    {
        var batch = new Commit[commits];
        for (var i = 0; i < commits; i++)
        {
            batch[i] = NewCommit();
        }

        var results = await _store.CommitBatchAsync(batch, CancellationToken.None);
        return results.Count * StorageBenchmarks.EventsPerCommit;
    }

    public ValueTask DisposeAsync() => _dispose();

    private static StorageBench StartSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "subs-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        var store = new SqliteStore(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" });
        store.GetStreamVersionAsync("warm-up", CancellationToken.None).GetAwaiter().GetResult();

        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using (var ddl = connection.CreateCommand())
        {
            ddl.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; " +
                "CREATE TABLE raw_events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, payload BLOB NOT NULL, metadata BLOB NOT NULL, UNIQUE (stream_id, version), UNIQUE (stream_id, event_id));";
            ddl.ExecuteNonQuery();
        }

        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO raw_events (stream_id, version, event_id, type, payload, metadata) VALUES ($s, $v, $id, $t, $p, $m)";
        var ps = RawParameters.Select(n => insert.Parameters.Add(new SqliteParameter(n, DBNull.Value))).ToArray();
        insert.Prepare();
        long n = 0;

        Task Raw(int commits, int unused)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var c = 0; c < commits; c++)
            {
                var stream = "raw-" + n++;
                for (var v = 1; v <= StorageBenchmarks.EventsPerCommit; v++)
                {
                    ps[0].Value = stream;
                    ps[1].Value = v;
                    ps[2].Value = stream + "-e" + v;
                    ps[3].Value = "invoice.posted";
                    ps[4].Value = Payload;
                    ps[5].Value = Metadata;
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return Task.CompletedTask;
        }

        return new StorageBench(store, Raw, async () =>
        {
            insert.Dispose();
            connection.Dispose();
            await store.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        });
    }

    private static async Task<StorageBench> StartPostgresAsync()
    {
        var server = await TemporaryPostgres.StartAsync(durable: true);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var store = new PostgresStore(new PostgresStoreOptions { ConnectionString = server.ConnectionString, Schema = schema });
        await store.GetStreamVersionAsync("warm-up", CancellationToken.None);
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var ddl = dataSource.CreateCommand(
            $"CREATE TABLE {schema}.raw_events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text COLLATE \"C\" NOT NULL, version bigint NOT NULL, event_id text COLLATE \"C\" NOT NULL, type text NOT NULL, payload bytea NOT NULL, metadata bytea NOT NULL, UNIQUE (stream_id, version), UNIQUE (stream_id, event_id))"))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        var sql = $"INSERT INTO {schema}.raw_events (stream_id, version, event_id, type, payload, metadata) VALUES ($1, $2, $3, $4, $5, $6)";
        long n = 0;

        async Task Raw(int commits, int unused)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var rows = new List<NpgsqlBatchCommand>(commits * StorageBenchmarks.EventsPerCommit);
            for (var c = 0; c < commits; c++)
            {
                var stream = "raw-" + Interlocked.Increment(ref n);
                for (var v = 1L; v <= StorageBenchmarks.EventsPerCommit; v++)
                {
                    var row = new NpgsqlBatchCommand(sql);
                    row.Parameters.Add(new NpgsqlParameter { Value = stream });
                    row.Parameters.Add(new NpgsqlParameter { Value = v });
                    row.Parameters.Add(new NpgsqlParameter { Value = stream + "-e" + v });
                    row.Parameters.Add(new NpgsqlParameter { Value = "invoice.posted" });
                    row.Parameters.Add(new NpgsqlParameter { Value = Payload });
                    row.Parameters.Add(new NpgsqlParameter { Value = Metadata });
                    rows.Add(row);
                }
            }

            // One round trip per 1000 rows, as the store does.
            for (var start = 0; start < rows.Count; start += 1000)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var row in rows.Skip(start).Take(1000))
                {
                    batch.BatchCommands.Add(row);
                }

                await batch.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return new StorageBench(store, Raw, async () =>
        {
            await dataSource.DisposeAsync();
            await store.DisposeAsync();
            await server.DisposeAsync();
        });
    }

    private Commit NewCommit()
    {
        var stream = "invoice-" + Interlocked.Increment(ref _next);
        return new Commit(new StreamAppend(stream, 0,
            new EventData(stream + "-e1", "invoice.posted", Payload, Metadata),
            new EventData(stream + "-e2", "invoice.posted", Payload, Metadata),
            new EventData(stream + "-e3", "invoice.posted", Payload, Metadata)));
    }
}
