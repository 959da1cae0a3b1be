using Subscriptions.Storage.Sqlite;

namespace Subscriptions.Testing;

/// <summary>A SQLite file in the temp folder for one test: opens real stores on it and deletes it (with its WAL) at the end.</summary>
public sealed class TempSqliteFile
{
    private static int _counter;
    private readonly List<SqliteStore> _opened = [];

    /// <summary>Initializes a new instance of the <see cref="TempSqliteFile"/> class with a unique path.</summary>
    public TempSqliteFile(string prefix) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}-{System.Diagnostics.Stopwatch.GetTimestamp()}.db");

    /// <summary>Gets the file's path.</summary>
    public string Path { get; }

    /// <summary>Opens a store on the file; <see cref="CloseAndDeleteAsync"/> disposes it unless disposed before.</summary>
    public SqliteStore Open()
    {
        var store = new SqliteStore(new SqliteStoreOptions { ConnectionString = $"Data Source={Path}" });
        _opened.Add(store);
        return store;
    }

    /// <summary>Disposes the stores opened on the file, then deletes it with its WAL and shared-memory files.</summary>
    public async Task CloseAndDeleteAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
