-- 001: streams, events (the global feed), outbox and schedule. Idempotent: safe to run again.
-- {schema} is replaced by PostgresStoreOptions.Schema. Ids use the "C" collation: byte order, fast, culture-free.
CREATE TABLE IF NOT EXISTS {schema}.streams (
    stream_id text COLLATE "C" NOT NULL PRIMARY KEY,
    version   bigint NOT NULL
);

-- position = (id of the writing transaction << 20) + index of the event in that transaction. Readers of the
-- global feed only read below the oldest running transaction (see ReadAll), so the feed never skips an event
-- that commits late. The unique constraints make duplicate versions or event ids impossible, even under races.
CREATE TABLE IF NOT EXISTS {schema}.events (
    position  bigint NOT NULL PRIMARY KEY,
    stream_id text COLLATE "C" NOT NULL,
    version   bigint NOT NULL,
    event_id  text COLLATE "C" NOT NULL,
    type      text NOT NULL,
    payload   bytea NOT NULL,
    metadata  bytea NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version),
    CONSTRAINT events_stream_event_id UNIQUE (stream_id, event_id)
);

CREATE TABLE IF NOT EXISTS {schema}.outbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  text COLLATE "C" NOT NULL UNIQUE,
    type        text NOT NULL,
    payload     bytea NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    lease_owner text NULL,
    lease_until bigint NULL,
    done        boolean NOT NULL DEFAULT false
);

CREATE INDEX IF NOT EXISTS outbox_pending ON {schema}.outbox (seq) WHERE NOT done;

-- Instants are UTC ticks (100 ns since 0001-01-01), exact in both directions.
CREATE TABLE IF NOT EXISTS {schema}.schedule (
    key         text COLLATE "C" NOT NULL PRIMARY KEY,
    due         bigint NOT NULL,
    lease_owner text NULL,
    lease_until bigint NULL
);

CREATE INDEX IF NOT EXISTS schedule_due ON {schema}.schedule (due, key);
