-- OAuth installations of the bot (Slack): one per workspace, or one org-wide (team_id '') per Enterprise
-- Grid organisation. bot_token is sealed by the adapter (AES-GCM with a key kept outside the database).
CREATE TABLE installations (
    org               TEXT    NOT NULL,
    team_id           TEXT    NOT NULL,
    enterprise_id     TEXT    NOT NULL,
    bot_user_id       TEXT,
    bot_token         TEXT    NOT NULL,
    installer_user_id TEXT,
    installed_at      BIGINT  NOT NULL,
    PRIMARY KEY (org, team_id)
);

-- Who asked for a channel post (a summary, a checklist prompt): told, with the fix, when the channel refuses it.
ALTER TABLE outbox ADD COLUMN requested_by TEXT;
