-- The preparation register: every kind of record in one read model, its data as JSON text.
CREATE TABLE rm_records (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    title_key    TEXT NOT NULL,
    data         TEXT NOT NULL,
    rev          BIGINT NOT NULL,
    archived     BIGINT NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX rm_records_by_kind ON rm_records (workspace_id, kind, archived);
-- Names are unique per kind among live records (case and surrounding spaces do not count).
CREATE UNIQUE INDEX rm_records_unique_title ON rm_records (workspace_id, kind, title_key) WHERE archived = 0;

-- Private calendar feed links (stored hashed): a roster's shifts, or the workspace's meetings.
CREATE TABLE feed_tokens (
    token_hash   TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    feed         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX feed_tokens_by_feed ON feed_tokens (workspace_id, feed);
