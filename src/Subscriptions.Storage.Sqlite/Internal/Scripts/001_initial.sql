-- 001: streams, events (the global feed), outbox and schedule. Idempotent: safe to run again.
-- {prefix} is replaced by SqliteStoreOptions.TablePrefix.

-- position is the rowid: one writer at a time, so positions follow commit order. A stream's version is its
-- highest event version (read through the (stream_id, version) index): there is no separate streams table to update.
CREATE TABLE IF NOT EXISTS {prefix}events (
    position  INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    event_id  TEXT NOT NULL,
    type      TEXT NOT NULL,
    payload   BLOB NOT NULL,
    metadata  BLOB NOT NULL,
    UNIQUE (stream_id, version),
    UNIQUE (stream_id, event_id)
);

CREATE TABLE IF NOT EXISTS {prefix}outbox (
    seq         INTEGER PRIMARY KEY,
    message_id  TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    payload     BLOB NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT NULL,
    lease_until INTEGER NULL,
    done        INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS {prefix}outbox_pending ON {prefix}outbox (seq) WHERE done = 0;

-- Instants are UTC ticks (100 ns since 0001-01-01), exact in both directions.
CREATE TABLE IF NOT EXISTS {prefix}schedule (
    key         TEXT NOT NULL PRIMARY KEY,
    due         INTEGER NOT NULL,
    lease_owner TEXT NULL,
    lease_until INTEGER NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS {prefix}schedule_due ON {prefix}schedule (due, key);
