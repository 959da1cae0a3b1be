using Microsoft.Data.Sqlite;

namespace Subscriptions.Storage.Sqlite.Internal;

/// <summary>The store's prepared statements on its one connection.</summary>
internal sealed class SqliteStatements : IDisposable
{
    public SqliteStatements(SqliteConnection connection, string p)
    {
        Connection = connection;
        GetVersion = new(connection, $"SELECT version FROM {p}events WHERE stream_id = $s ORDER BY version DESC LIMIT 1", "$s");
        InsertEvent = new(connection, $"INSERT INTO {p}events (stream_id, version, event_id, type, payload, metadata) VALUES ($s, $v, $id, $t, $p, $m) ON CONFLICT (stream_id, event_id) DO NOTHING", "$s", "$v", "$id", "$t", "$p", "$m");
        InsertEvents = new Prepared[MaxRowsPerInsert + 1];
        for (var rows = 1; rows <= MaxRowsPerInsert; rows++)
        {
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => $"($s, $v{r}, $id{r}, $t{r}, $p{r}, $m{r})"));
            var names = Enumerable.Repeat("$s", 1).Concat(Enumerable.Range(0, rows).SelectMany(r => new[] { $"$v{r}", $"$id{r}", $"$t{r}", $"$p{r}", $"$m{r}" })).ToArray();
            InsertEvents[rows] = new(connection, $"INSERT INTO {p}events (stream_id, version, event_id, type, payload, metadata) VALUES {values} ON CONFLICT (stream_id, event_id) DO NOTHING", names);
        }

        FindEvent = new(connection, $"SELECT type, payload FROM {p}events WHERE stream_id = $s AND event_id = $id", "$s", "$id");
        InsertMessage = new(connection, $"INSERT INTO {p}outbox (message_id, type, payload) VALUES ($id, $t, $p) ON CONFLICT (message_id) DO NOTHING", "$id", "$t", "$p");
        FindMessage = new(connection, $"SELECT type, payload FROM {p}outbox WHERE message_id = $id", "$id");
        SetSchedule = new(connection, $"INSERT INTO {p}schedule (key, due, lease_owner, lease_until) VALUES ($k, $d, NULL, NULL) ON CONFLICT (key) DO UPDATE SET due = excluded.due, lease_owner = NULL, lease_until = NULL", "$k", "$d");
        RemoveSchedule = new(connection, $"DELETE FROM {p}schedule WHERE key = $k", "$k");
        ReadStream = new(connection, $"SELECT position, version, event_id, type, payload, metadata FROM {p}events WHERE stream_id = $s AND version > $after ORDER BY version LIMIT $n", "$s", "$after", "$n");
        ReadAll = new(connection, $"SELECT position, stream_id, version, event_id, type, payload, metadata FROM {p}events WHERE position > $after ORDER BY position LIMIT $n", "$after", "$n");
        ClaimDue = new(connection, $"UPDATE {p}schedule SET lease_owner = $o, lease_until = $u WHERE key IN (SELECT key FROM {p}schedule WHERE due <= $now AND (lease_until IS NULL OR lease_until <= $now) ORDER BY due, key LIMIT $max) RETURNING key, due", "$o", "$u", "$now", "$max");
        Complete = new(connection, $"DELETE FROM {p}schedule WHERE key = $k AND lease_owner = $o", "$k", "$o");
        Reschedule = new(connection, $"UPDATE {p}schedule SET due = $d, lease_owner = NULL, lease_until = NULL WHERE key = $k AND lease_owner = $o", "$k", "$o", "$d");
        Release = new(connection, $"UPDATE {p}schedule SET lease_owner = NULL, lease_until = NULL WHERE key = $k AND lease_owner = $o", "$k", "$o");
        GetEntry = new(connection, $"SELECT due, lease_owner, lease_until FROM {p}schedule WHERE key = $k", "$k");
        ClaimMessages = new(connection, $"UPDATE {p}outbox SET lease_owner = $o, lease_until = $u, attempts = attempts + 1 WHERE seq IN (SELECT seq FROM {p}outbox WHERE done = 0 AND (lease_until IS NULL OR lease_until <= $now) ORDER BY seq LIMIT $max) RETURNING seq, message_id, type, payload, attempts", "$o", "$u", "$now", "$max");
        MarkDone = new(connection, $"UPDATE {p}outbox SET done = 1, lease_owner = NULL, lease_until = NULL WHERE message_id = $id AND done = 0", "$id");
        ReleaseMessage = new(connection, $"UPDATE {p}outbox SET lease_owner = NULL, lease_until = NULL WHERE message_id = $id AND lease_owner = $o AND done = 0", "$id", "$o");
    }

    /// <summary>The most rows one multi-row insert statement writes.</summary>
    public const int MaxRowsPerInsert = 8;

    public SqliteConnection Connection { get; }

    /// <summary>Multi-row inserts of events: index = number of rows (1 to <see cref="MaxRowsPerInsert"/>), index 0 unused.</summary>
    public Prepared[] InsertEvents { get; }

    public Prepared GetVersion { get; }

    public Prepared InsertEvent { get; }

    public Prepared FindEvent { get; }

    public Prepared InsertMessage { get; }

    public Prepared FindMessage { get; }

    public Prepared SetSchedule { get; }

    public Prepared RemoveSchedule { get; }

    public Prepared ReadStream { get; }

    public Prepared ReadAll { get; }

    public Prepared ClaimDue { get; }

    public Prepared Complete { get; }

    public Prepared Reschedule { get; }

    public Prepared Release { get; }

    public Prepared GetEntry { get; }

    public Prepared ClaimMessages { get; }

    public Prepared MarkDone { get; }

    public Prepared ReleaseMessage { get; }

    public void Dispose()
    {
        foreach (var prepared in new[] { GetVersion, InsertEvent, FindEvent, InsertMessage, FindMessage, SetSchedule, RemoveSchedule, ReadStream, ReadAll, ClaimDue, Complete, Reschedule, Release, GetEntry, ClaimMessages, MarkDone, ReleaseMessage })
        {
            prepared.Dispose();
        }

        foreach (var prepared in InsertEvents.Skip(1))
        {
            prepared.Dispose();
        }

        Connection.Dispose();
    }
}
