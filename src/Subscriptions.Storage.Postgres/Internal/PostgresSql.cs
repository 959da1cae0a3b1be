namespace Subscriptions.Storage.Postgres.Internal;

/// <summary>The store's SQL, with the schema spliced in once. Npgsql prepares them automatically (Max Auto Prepare).</summary>
internal sealed class PostgresSql(string s)
{
    // The position of an event: the writing transaction's id, shifted, plus the event's index in that transaction.
    public string InsertEvent { get; } = $"INSERT INTO {s}.events (position, stream_id, version, event_id, type, payload, metadata) VALUES ((pg_current_xact_id()::text::bigint << 20) + $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (stream_id, event_id) DO NOTHING";

    // The fast path of a commit (or a batch of commits) whose streams are all different: one statement per table,
    // each row an element of the array parameters. Each must affect exactly one row per element.
    public string InsertEvents { get; } = $"INSERT INTO {s}.events (position, stream_id, version, event_id, type, payload, metadata) SELECT (pg_current_xact_id()::text::bigint << 20) + u.i, u.s, u.v, u.e, u.t, u.p, u.m FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bytea[], $7::bytea[]) AS u(i, s, v, e, t, p, m) ON CONFLICT (stream_id, event_id) DO NOTHING";

    public string CreateStreams { get; } = $"INSERT INTO {s}.streams (stream_id, version) SELECT u.s, u.v FROM unnest($1::text[], $2::bigint[]) AS u(s, v) ON CONFLICT (stream_id) DO NOTHING";

    public string AdvanceStreams { get; } = $"UPDATE {s}.streams AS t SET version = u.v FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(s, v, expected) WHERE t.stream_id = u.s AND t.version = u.expected";

    // In array order, so that the outbox sequence follows the commits.
    public string InsertMessages { get; } = $"INSERT INTO {s}.outbox (message_id, type, payload) SELECT u.id, u.t, u.p FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS u(id, t, p, n) ORDER BY u.n ON CONFLICT (message_id) DO NOTHING";

    public string CreateStream { get; } = $"INSERT INTO {s}.streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING";

    public string AdvanceStream { get; } = $"UPDATE {s}.streams SET version = $2 WHERE stream_id = $1 AND version = $3";

    public string LockStream { get; } = $"SELECT version FROM {s}.streams WHERE stream_id = $1 FOR UPDATE";

    public string SetStreamVersion { get; } = $"UPDATE {s}.streams SET version = $2 WHERE stream_id = $1";

    public string FindEvents { get; } = $"SELECT event_id, type, payload FROM {s}.events WHERE stream_id = $1 AND event_id = ANY($2)";

    public string GetVersion { get; } = $"SELECT version FROM {s}.streams WHERE stream_id = $1";

    public string InsertMessage { get; } = $"INSERT INTO {s}.outbox (message_id, type, payload) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING";

    public string FindMessage { get; } = $"SELECT type, payload FROM {s}.outbox WHERE message_id = $1";

    public string SetSchedule { get; } = $"INSERT INTO {s}.schedule (key, due) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET due = EXCLUDED.due, lease_owner = NULL, lease_until = NULL";

    public string RemoveSchedule { get; } = $"DELETE FROM {s}.schedule WHERE key = $1";

    public string ReadStream { get; } = $"SELECT position, version, event_id, type, payload, metadata FROM {s}.events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3";

    // Only below the oldest transaction still running: an event of a running transaction can only get a
    // position above that bound, so a reader that checkpoints a position never skips an event that commits later.
    public string ReadAll { get; } = $"SELECT position, stream_id, version, event_id, type, payload, metadata FROM {s}.events WHERE position > $1 AND position < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20) ORDER BY position LIMIT $2";

    public string ClaimDue { get; } = $"UPDATE {s}.schedule AS t SET lease_owner = $1, lease_until = $2 FROM (SELECT key FROM {s}.schedule WHERE due <= $3 AND (lease_until IS NULL OR lease_until <= $3) ORDER BY due, key LIMIT $4 FOR UPDATE SKIP LOCKED) AS c WHERE t.key = c.key RETURNING t.key, t.due";

    public string Complete { get; } = $"DELETE FROM {s}.schedule WHERE key = $1 AND lease_owner = $2";

    public string Reschedule { get; } = $"UPDATE {s}.schedule SET due = $3, lease_owner = NULL, lease_until = NULL WHERE key = $1 AND lease_owner = $2";

    public string Release { get; } = $"UPDATE {s}.schedule SET lease_owner = NULL, lease_until = NULL WHERE key = $1 AND lease_owner = $2";

    public string GetEntry { get; } = $"SELECT due, lease_owner, lease_until FROM {s}.schedule WHERE key = $1";

    public string ClaimMessages { get; } = $"UPDATE {s}.outbox AS t SET lease_owner = $1, lease_until = $2, attempts = t.attempts + 1 FROM (SELECT seq FROM {s}.outbox WHERE NOT done AND (lease_until IS NULL OR lease_until <= $3) ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED) AS c WHERE t.seq = c.seq RETURNING t.seq, t.message_id, t.type, t.payload, t.attempts";

    public string MarkDone { get; } = $"UPDATE {s}.outbox SET done = true, lease_owner = NULL, lease_until = NULL WHERE message_id = $1 AND NOT done";

    public string ReleaseMessage { get; } = $"UPDATE {s}.outbox SET lease_owner = NULL, lease_until = NULL WHERE message_id = $1 AND lease_owner = $2 AND NOT done";
}
