using System.Text;

namespace Subscriptions.Storage.Conformance;

/// <summary>
/// The storage conformance suite: every rule of the port, run against every adapter through a one-line subclass
/// that supplies a <see cref="StoreFixture"/>. Each test gets a fresh, empty store.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    protected static readonly CancellationToken None = CancellationToken.None;

    private IStore? _store;

    protected StoreConformanceTests(StoreFixture fixture)
    {
        Fixture = fixture;
    }

    protected StoreFixture Fixture { get; }

    protected IStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await Fixture.CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await Fixture.DisposeStoreAsync(_store);
        }
    }

    protected static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    protected static EventData Event(string id, string payload = "{}", string type = "test.happened", string metadata = "") =>
        new(id, type, Json(payload), Json(metadata));

    protected static Commit Append(string stream, long expected, params EventData[] events) => new(new StreamAppend(stream, expected, events));

    protected async Task<List<RecordedEvent>> ReadStream(string stream, long after = 0)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in Store.ReadStreamAsync(stream, after, None))
        {
            list.Add(e);
        }

        return list;
    }

    protected async Task<List<RecordedEvent>> ReadAll(long after = 0, int batchSize = 100)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(after, batchSize, None))
        {
            list.Add(e);
        }

        return list;
    }

    protected static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}

/// <summary>Creates fresh, empty stores of one adapter for the conformance suite.</summary>
public abstract class StoreFixture
{
    /// <summary>Creates a fresh, empty store.</summary>
    public abstract Task<IStore> CreateStoreAsync();

    /// <summary>Disposes a store made by <see cref="CreateStoreAsync"/> and whatever it holds.</summary>
    public virtual async Task DisposeStoreAsync(IStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
