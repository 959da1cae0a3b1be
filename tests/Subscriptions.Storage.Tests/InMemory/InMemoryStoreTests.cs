using Subscriptions.Storage.Conformance;

namespace Subscriptions.Storage.InMemory;

public sealed class InMemoryStoreTests() : StoreConformanceTests(new InMemoryStoreFixture());

public sealed class InMemoryStoreFixture : StoreFixture
{
    public override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(new InMemoryStore());
}
