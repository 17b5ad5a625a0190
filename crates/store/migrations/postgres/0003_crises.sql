-- The crisis room: one row per crisis (its state as JSON, with the columns lists need),
-- and every entry recorded in a crisis (log, decisions, actions, …), its data as JSON text.
CREATE TABLE rm_crises (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    title        TEXT NOT NULL,
    state        TEXT NOT NULL,
    phase        TEXT NOT NULL,
    exercise     BIGINT NOT NULL,
    closed       BIGINT NOT NULL,
    opened_at    TEXT NOT NULL,
    opened_by    TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX rm_crises_by_workspace ON rm_crises (workspace_id, closed);

CREATE TABLE rm_crisis_entries (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    crisis_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    title_key    TEXT NOT NULL,
    tag          TEXT NOT NULL,
    search       TEXT NOT NULL,
    data         TEXT NOT NULL,
    rev          BIGINT NOT NULL,
    seq          BIGINT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX rm_crisis_entries_by_kind ON rm_crisis_entries (crisis_id, kind, seq);
-- One status per municipal process in a crisis's shared picture.
CREATE UNIQUE INDEX rm_crisis_entries_unique_process ON rm_crisis_entries (crisis_id, kind, title_key) WHERE kind = 'process_status';

-- A guest (a liaison or expert) sees one crisis only.
ALTER TABLE rm_users ADD COLUMN crisis_scope TEXT;
