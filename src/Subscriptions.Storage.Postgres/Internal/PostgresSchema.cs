using System.Globalization;
using Npgsql;

namespace Subscriptions.Storage.Postgres.Internal;

/// <summary>Applies the numbered, embedded, idempotent scripts (Scripts/NNN_name.sql) in one transaction and records them.</summary>
internal static class PostgresSchema
{
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts = Load();

    public static int CurrentVersion => Scripts[^1].Version;

    public static async Task ApplyAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ApplyAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {

        // Two processes starting at once must not both run the scripts: serialize on a lock named after the schema.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext($1))", cancellationToken, "subscriptions-schema:" + schema).ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer NOT NULL PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
        var applied = await ReadVersionAsync(connection, schema, cancellationToken).ConfigureAwait(false);
        CheckNotNewer(applied);
        foreach (var (version, name, sql) in Scripts)
        {
            if (version > applied)
            {
                await ExecuteAsync(connection, sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_version (version, script) VALUES ($1, $2)", cancellationToken, version, name).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task VerifyAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = schema + ".schema_version" });
        var version = (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
            ? await ReadVersionAsync(connection, schema, cancellationToken).ConfigureAwait(false)
            : 0;
        CheckNotNewer(version);
        if (version < CurrentVersion)
        {
            throw new StorageException("storage.schema_not_current", $"The PostgreSQL schema '{schema}' is at version {version}, this store needs version {CurrentVersion}. Set InitializeSchema = true or apply the scripts first.");
        }
    }

    private static void CheckNotNewer(long version)
    {
        if (version > CurrentVersion)
        {
            throw new StorageException("storage.schema_too_new", $"The PostgreSQL schema is at version {version}, newer than this store knows ({CurrentVersion}). Upgrade the Subscriptions.Storage.Postgres package.");
        }
    }

    private static async Task<long> ReadVersionAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant SQL with the validated schema name.
        using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
#pragma warning disable CA2100 // Embedded scripts of this assembly with the validated schema name.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PostgresSchema).Assembly;
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
