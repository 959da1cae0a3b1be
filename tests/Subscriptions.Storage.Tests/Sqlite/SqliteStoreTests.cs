using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Subscriptions.Storage.Conformance;
using Subscriptions.Storage.Sqlite;

namespace Subscriptions.Storage.SqliteAdapter;

public sealed class SqliteStoreTests() : StoreConformanceTests(new SqliteStoreFixture())
{
    private SqliteStoreFixture Files => (SqliteStoreFixture)Fixture;

    [Fact]
    public async Task Reopen_SameFile_HasEverything()
    {
        var path = Files.NewPath();
        await using (var first = SqliteStoreFixture.Open(path))
        {
            await first.CommitAsync(new Commit(
                [new StreamAppend("s-1", 0, Event("a", "{\"n\":1}", "t", "{\"m\":1}"), Event("b"))],
                [new OutboxMessage("m-1", "email", Json("{\"to\":\"x\"}")), new OutboxMessage("m-2", "email", Json("{}"))],
                [ScheduleChange.Set("k-1", T0), ScheduleChange.Set("k-2", T0.AddDays(1))]), None);
            await first.ClaimDueAsync(T0, 1, "w1", TimeSpan.FromHours(1), None);
            await first.ClaimMessagesAsync(T0, 1, "d1", TimeSpan.FromHours(1), None);
            await first.MarkDoneAsync("m-1", None);
        }

        await using var reopened = SqliteStoreFixture.Open(path);

        var events = new List<RecordedEvent>();
        await foreach (var e in reopened.ReadAllAsync(0, 10, None))
        {
            events.Add(e);
        }

        Assert.Equal(["a", "b"], events.Select(e => e.EventId));
        Assert.Equal("{\"n\":1}", Text(events[0].Payload));
        Assert.Equal("{\"m\":1}", Text(events[0].Metadata));
        Assert.Equal(2, await reopened.GetStreamVersionAsync("s-1", None));
        var k1 = await reopened.GetScheduleEntryAsync("k-1", None);
        Assert.Equal("w1", k1!.LeaseOwner);
        Assert.Equal(T0.AddHours(1), k1.LeaseExpiresAt);
        Assert.Equal(T0.AddDays(1), (await reopened.GetScheduleEntryAsync("k-2", None))!.Due);
        var pending = Assert.Single(await reopened.ClaimMessagesAsync(T0.AddDays(1), 10, "d2", TimeSpan.FromHours(1), None));
        Assert.Equal("m-2", pending.MessageId);
        Assert.Equal(1, pending.Attempts);
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => reopened.CommitAsync(Append("s-1", 0, Event("c")), None));
        Assert.Equal([3L], (await reopened.CommitAsync(Append("s-1", 2, Event("c")), None)).StreamVersions);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ConcurrentWritersAndClaimers_StayConsistent()
    {
        var path = Files.NewPath();
        await using var a = SqliteStoreFixture.Open(path);
        await using var b = SqliteStoreFixture.Open(path);
        await a.CommitAsync(new Commit([new StreamAppend("s", 0, Event("seed"))], null, Enumerable.Range(0, 500).Select(i => ScheduleChange.Set($"k{i}", T0))), None);

        var writes = await Task.WhenAll(new[] { a, b, a, b }.Select((store, w) => Task.Run(async () =>
        {
            try
            {
                await store.CommitAsync(Append("s", 1, Event($"w{w}")), None);
                return 1;
            }
            catch (StreamVersionConflictException)
            {
                return 0;
            }
        })));
        var claims = await Task.WhenAll(new[] { a, b }.Select((store, w) => Task.Run(async () =>
        {
            var keys = new List<string>();
            IReadOnlyList<ScheduleEntry> batch;
            while ((batch = await store.ClaimDueAsync(T0, 25, $"c{w}", TimeSpan.FromHours(1), None)).Count > 0)
            {
                keys.AddRange(batch.Select(e => e.Key));
            }

            return keys;
        })));

        Assert.Equal(1, writes.Sum());
        Assert.Equal(2, await b.GetStreamVersionAsync("s", None));
        var all = claims.SelectMany(k => k).ToList();
        Assert.Equal(500, all.Count);
        Assert.Equal(500, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Open_NewFile_UsesWalAndRecordsSchemaVersion()
    {
        var path = Files.NewPath();
        await using (var store = SqliteStoreFixture.Open(path))
        {
            await store.GetStreamVersionAsync("s", None);
        }

        await using (var again = SqliteStoreFixture.Open(path))
        {
            await again.GetStreamVersionAsync("s", None);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT version || ':' || script FROM subs_schema_version";
        Assert.Equal("1:001_initial.sql", command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM subs_schema_version";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Open_WithoutInitializeSchemaOnEmptyFile_ThrowsSchemaNotCurrent()
    {
        await using var store = SqliteStoreFixture.Open(Files.NewPath(), o => o.InitializeSchema = false);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.GetStreamVersionAsync("s", None));

        Assert.Equal("storage.schema_not_current", error.ErrorCode);
    }

    [Fact]
    public async Task Open_TwoPrefixesInOneFile_AreIndependent()
    {
        var path = Files.NewPath();
        await using var a = SqliteStoreFixture.Open(path, o => o.TablePrefix = "a_");
        await using var b = SqliteStoreFixture.Open(path, o => o.TablePrefix = "b_");

        await a.CommitAsync(Append("s", 0, Event("x")), None);

        Assert.Equal(1, await a.GetStreamVersionAsync("s", None));
        Assert.Equal(0, await b.GetStreamVersionAsync("s", None));
    }

    [Fact]
    public void Options_Invalid_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteStore(new SqliteStoreOptions { ConnectionString = " ", TablePrefix = "x; DROP" }));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("TablePrefix", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new SqliteStore(null!));
    }

    [Fact]
    public async Task AddSubscriptionsSqlite_RegistersOneStoreForEveryPort()
    {
        var services = new ServiceCollection();
        services.AddSubscriptionsSqlite("Data Source=:memory:", o => o.TablePrefix = "t_");
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IStore>();

        Assert.IsType<SqliteStore>(store);
        Assert.Same(store, provider.GetRequiredService<IEventStore>());
        Assert.Same(store, provider.GetRequiredService<ISchedule>());
        Assert.Same(store, provider.GetRequiredService<IOutbox>());
        await store.CommitAsync(Append("s", 0, Event("a")), None);
        Assert.Equal(1, await provider.GetRequiredService<IEventStore>().GetStreamVersionAsync("s", None));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSubscriptionsSqlite(""));
    }

    [Fact]
    public async Task AddSubscriptionsSqlite_StoreRegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryStore();
        services.AddSingleton<IStore>(mine);
        services.AddSubscriptionsSqlite("Data Source=:memory:");
        await using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IStore>());
        Assert.Same(mine, provider.GetRequiredService<IOutbox>());
    }

    [Fact]
    public async Task Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var store = SqliteStoreFixture.Open(Files.NewPath());
        await store.GetStreamVersionAsync("s", None);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetStreamVersionAsync("s", None));
    }
}

public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "subs-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string NewPath()
    {
        Directory.CreateDirectory(_folder);
        return Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
    }

    public static SqliteStore Open(string path, Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={path}" };
        configure?.Invoke(options);
        return new SqliteStore(options);
    }

    public override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(Open(NewPath()));

    public override async Task DisposeStoreAsync(IStore store)
    {
        await base.DisposeStoreAsync(store);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
