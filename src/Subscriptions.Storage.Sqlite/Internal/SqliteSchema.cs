using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Subscriptions.Storage.Sqlite.Internal;

/// <summary>Applies the numbered, embedded, idempotent scripts (Scripts/NNN_name.sql) in one transaction and records them.</summary>
internal static class SqliteSchema
{
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts = Load();

    public static int CurrentVersion => Scripts[^1].Version;

    public static void Apply(SqliteConnection connection, string prefix)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {prefix}schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
        var applied = ReadVersion(connection, transaction, prefix);
        CheckNotNewer(applied);
        foreach (var (version, name, sql) in Scripts)
        {
            if (version <= applied)
            {
                continue;
            }

            Execute(connection, transaction, sql.Replace("{prefix}", prefix, StringComparison.Ordinal));
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL with the validated table prefix.
            record.CommandText = $"INSERT INTO {prefix}schema_version (version, script) VALUES ($v, $s)";
#pragma warning restore CA2100
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$s", name);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static void Verify(SqliteConnection connection, string prefix)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n";
        exists.Parameters.AddWithValue("$n", prefix + "schema_version");
        var version = Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0 ? 0 : ReadVersion(connection, null, prefix);
        CheckNotNewer(version);
        if (version < CurrentVersion)
        {
            throw new StorageException("storage.schema_not_current", $"The SQLite schema '{prefix}' is at version {version}, this store needs version {CurrentVersion}. Set InitializeSchema = true or apply the scripts first.");
        }
    }

    private static void CheckNotNewer(long version)
    {
        if (version > CurrentVersion)
        {
            throw new StorageException("storage.schema_too_new", $"The SQLite schema is at version {version}, newer than this store knows ({CurrentVersion}). Upgrade the Subscriptions.Storage.Sqlite package.");
        }
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string prefix)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL with the validated table prefix.
        command.CommandText = $"SELECT coalesce(max(version), 0) FROM {prefix}schema_version";
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Embedded scripts of this assembly with the validated table prefix.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Scripts.", StringComparison.Ordinal)))
        {
            var name = resource["Scripts.".Length..];
            var version = int.Parse(name.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Missing embedded script {resource}.");
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }
}
