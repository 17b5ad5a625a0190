-- The second factor at login (TOTP, RFC 6238) and its recovery codes. Like passwords these
-- are operational secrets: they are never written to the event log.
ALTER TABLE rm_workspaces ADD COLUMN mfa_required_all BIGINT NOT NULL DEFAULT 0;

-- A session whose password was right but whose second factor is still to come.
ALTER TABLE sessions ADD COLUMN mfa_pending BIGINT NOT NULL DEFAULT 0;

CREATE TABLE mfa_totp (
    user_id      TEXT PRIMARY KEY,
    secret       TEXT NOT NULL,
    confirmed_at TEXT,
    -- The last time step whose code was accepted: a code is never accepted twice.
    last_step    BIGINT NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);

CREATE TABLE mfa_recovery_codes (
    user_id   TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
);
