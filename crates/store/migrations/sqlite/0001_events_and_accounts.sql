-- The event log: streams with their head, and append-only events chained by hash.
CREATE TABLE streams (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    head_seq     BIGINT NOT NULL DEFAULT 0,
    head_hash    TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX streams_by_workspace ON streams (workspace_id, kind);

CREATE TABLE events (
    pos          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL,
    stream_id    TEXT NOT NULL REFERENCES streams (id),
    seq          BIGINT NOT NULL,
    recorded_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    UNIQUE (stream_id, seq)
);

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: a correction is a new event');
END;

CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: a correction is a new event');
END;

-- Read models: derived from events, dropped and rebuilt by `crisismap rebuild`.
CREATE TABLE rm_workspaces (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    region_code TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE rm_users (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    email        TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    disabled     BIGINT NOT NULL DEFAULT 0,
    language     TEXT NOT NULL DEFAULT 'nl',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX rm_users_by_workspace ON rm_users (workspace_id);

-- Operational state: secrets and sessions are not domain history and are not in the log.
CREATE TABLE credentials (
    user_id       TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    must_change   BIGINT NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    csrf_token   TEXT NOT NULL,
    created_us   BIGINT NOT NULL,
    last_seen_us BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    at_us        BIGINT NOT NULL,
    workspace_id TEXT,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    object       TEXT NOT NULL,
    result       TEXT NOT NULL,
    origin       TEXT NOT NULL
);
CREATE INDEX audit_by_actor ON audit_log (action, actor, at_us);
CREATE INDEX audit_by_origin ON audit_log (action, origin, at_us);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
