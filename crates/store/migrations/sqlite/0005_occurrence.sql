-- When things happened, beside when they were recorded: the moment of occurrence of every
-- entry and whether it was typed back in from paper, and a timeline ordered by occurrence.
ALTER TABLE rm_crisis_entries ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';
ALTER TABLE rm_crisis_entries ADD COLUMN transcribed TEXT;
CREATE INDEX rm_crisis_entries_by_occurrence ON rm_crisis_entries (crisis_id, kind, occurred_at, seq);

-- Every event of a crisis stream with its moment of occurrence (entries and the crisis's
-- own events alike), so that the timeline pages in the order things happened.
CREATE TABLE rm_timeline (
    event_id    TEXT PRIMARY KEY,
    crisis_id   TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    occurred_at TEXT NOT NULL,
    -- `crisis` for the crisis's own events, else the entry's kind.
    kind        TEXT NOT NULL
);
CREATE INDEX rm_timeline_by_occurrence ON rm_timeline (crisis_id, occurred_at, seq);
CREATE INDEX rm_timeline_by_kind ON rm_timeline (crisis_id, kind, occurred_at, seq);

-- Read models that a migration changed are rebuilt from the log when the store opens.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('rebuild_read_models', '0005_occurrence');
