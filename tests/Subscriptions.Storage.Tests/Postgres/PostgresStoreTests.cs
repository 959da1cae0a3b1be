using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Subscriptions.Storage.Conformance;
using Subscriptions.Storage.Postgres;

namespace Subscriptions.Storage.PostgresAdapter;

[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}

/// <summary>One throwaway PostgreSQL server for all the PostgreSQL tests; each store gets its own schema.</summary>
public sealed class PostgresServerFixture : StoreFixture, IAsyncLifetime
{
    private readonly ConcurrentDictionary<IStore, string> _schemas = new();
    private TemporaryPostgres? _server;

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await TemporaryPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public PostgresStore Open(string schema, Action<PostgresStoreOptions>? configure = null)
    {
        var options = new PostgresStoreOptions { ConnectionString = ConnectionString, Schema = schema };
        configure?.Invoke(options);
        return new PostgresStore(options);
    }

    public override Task<IStore> CreateStoreAsync()
    {
        var schema = NewSchema();
        var store = Open(schema);
        _schemas[store] = schema;
        return Task.FromResult<IStore>(store);
    }

    public string SchemaOf(IStore store) => _schemas[store];

    public override async Task DisposeStoreAsync(IStore store)
    {
        await base.DisposeStoreAsync(store);
        if (_schemas.TryRemove(store, out var schema))
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

[Collection(PostgresServerGroup.Name)]
public sealed class PostgresStoreTests(PostgresServerFixture server) : StoreConformanceTests(server)
{
    [Fact]
    public async Task Reopen_SameSchema_HasEverythingAndRecordsSchemaVersion()
    {
        var schema = PostgresServerFixture.NewSchema();
        await using (var first = server.Open(schema))
        {
            await first.CommitAsync(new Commit([new StreamAppend("s-1", 0, Event("a"))], [new OutboxMessage("m", "t", Json("{}"))], [ScheduleChange.Set("k", T0)]), None);
        }

        await using var second = server.Open(schema, o => o.InitializeSchema = false);

        Assert.Equal(1, await second.GetStreamVersionAsync("s-1", None));
        Assert.Equal(T0, (await second.GetScheduleEntryAsync("k", None))!.Due);
        Assert.Single(await second.ClaimMessagesAsync(T0, 10, "d", TimeSpan.FromMinutes(1), None));
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT string_agg(version || ':' || script, ',') FROM {schema}.schema_version", connection);
        Assert.Equal("1:001_initial.sql", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Constructor_ConnectionStringWithoutStoreSettings_PreparesStatementsAndSkipsThePoolReset()
    {
        await using var store = server.Open(PostgresServerFixture.NewSchema());
        var effective = new NpgsqlConnectionStringBuilder(store.EffectiveConnectionString);

        Assert.Equal(64, effective.MaxAutoPrepare);
        Assert.True(effective.NoResetOnClose);
    }

    [Fact]
    public async Task Constructor_HostSetsMaxAutoPrepare_KeepsTheHostsValue()
    {
        await using var store = server.Open(PostgresServerFixture.NewSchema(), o => o.ConnectionString += ";Max Auto Prepare=5");

        Assert.Equal(5, new NpgsqlConnectionStringBuilder(store.EffectiveConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public async Task Open_WithoutInitializeSchemaOnEmptyDatabase_ThrowsSchemaNotCurrent()
    {
        await using var store = server.Open(PostgresServerFixture.NewSchema(), o => o.InitializeSchema = false);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.GetStreamVersionAsync("s", None));

        Assert.Equal("storage.schema_not_current", error.ErrorCode);
    }

    [Fact]
    public async Task Open_TwoStoresMigratingTheSameSchemaAtOnce_BothWork()
    {
        var schema = PostgresServerFixture.NewSchema();
        await using var a = server.Open(schema);
        await using var b = server.Open(schema);

        await Task.WhenAll(a.GetStreamVersionAsync("s", None), b.GetStreamVersionAsync("s", None));
        await a.CommitAsync(Append("s", 0, Event("x")), None);

        Assert.Equal(1, await b.GetStreamVersionAsync("s", None));
    }

    [Fact]
    public async Task ReadAll_AnEarlierTransactionCommitsLate_IsNotSkippedByACheckpointedReader()
    {
        var schema = server.SchemaOf(Store);
        await Store.CommitAsync(Append("first", 0, Event("a")), None);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();

        // A writer that got its transaction id first but commits last, exactly as the store writes.
        await using var slow = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {schema}.streams VALUES ('late', 1); INSERT INTO {schema}.events VALUES ((pg_current_xact_id()::text::bigint << 20), 'late', 1, 'late-1', 't', '\\x7b7d'::bytea, ''::bytea)",
            connection,
            slow))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await Store.CommitAsync(Append("second", 0, Event("b")), None);
        var seen = await ReadAll();
        await slow.CommitAsync();
        var rest = await ReadAll(seen[^1].Position);

        Assert.Equal(["a"], seen.Select(e => e.EventId));
        Assert.Equal(["late-1", "b"], rest.Select(e => e.EventId));
    }

    [Fact]
    public void Options_Invalid_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresStore(new PostgresStoreOptions { ConnectionString = "", Schema = "Bad-Name" }));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSubscriptionsPostgres_RegistersOneStoreForEveryPort()
    {
        var services = new ServiceCollection();
        services.AddSubscriptionsPostgres(server.ConnectionString, o => o.Schema = PostgresServerFixture.NewSchema());
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IStore>();

        Assert.IsType<PostgresStore>(store);
        Assert.Same(store, provider.GetRequiredService<IEventStore>());
        Assert.Same(store, provider.GetRequiredService<ISchedule>());
        Assert.Same(store, provider.GetRequiredService<IOutbox>());
        await store.CommitAsync(Append("s", 0, Event("a")), None);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSubscriptionsPostgres(" "));
    }
}
