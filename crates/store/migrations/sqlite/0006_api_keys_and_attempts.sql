-- API tokens are API keys, not sessions: a scope (read, or read and write), an optional
-- expiry, and the role and second factor they were issued under. A token whose user's role
-- changed since, or whose workspace now requires a second factor it was not issued with,
-- stops working until it is issued again. Tokens from before this change carry no role and
-- so stop working: their owners issue new ones.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN issued_role TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN issued_with_mfa BIGINT NOT NULL DEFAULT 0;
-- Use is recorded at most once a minute, so a request never takes a write for bookkeeping.
ALTER TABLE api_tokens ADD COLUMN last_used_us BIGINT NOT NULL DEFAULT 0;

-- Every attempt at a secret (a password, a second-factor or recovery code) is counted here
-- before the secret is checked, in one statement (insert or increment, returning the count),
-- so that a burst of parallel attempts cannot all pass the check before any is counted.
CREATE TABLE auth_attempts (
    scope           TEXT NOT NULL,
    key             TEXT NOT NULL,
    window_start_us BIGINT NOT NULL,
    count           BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);
