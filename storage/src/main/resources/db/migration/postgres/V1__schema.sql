-- The barometer's schema on PostgreSQL: the SQLite schema after its V2, plus what PostgreSQL needs to
-- keep the anonymity promise (docs/postgresql-anonymity.md).
-- Every table but `content` has an `org` column and every query filters by it.
-- Times are epoch milliseconds (BIGINT); days are dates.

CREATE TABLE organisations (
    org  TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE org_settings (
    org                    TEXT    NOT NULL PRIMARY KEY,
    min_group_for_scores   INTEGER NOT NULL,
    min_group_for_comments INTEGER NOT NULL
);

-- language is NULL until the user chooses one
CREATE TABLE users (
    org          TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT,
    language     TEXT,
    PRIMARY KEY (org, user_id)
);

CREATE TABLE user_roles (
    org     TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role    TEXT NOT NULL,
    PRIMARY KEY (org, user_id, role)
);
CREATE INDEX user_roles_by_role ON user_roles (org, role);

-- Published questionnaire content by hash: global, as it is no organisation's data.
CREATE TABLE content (
    hash TEXT NOT NULL PRIMARY KEY,
    json TEXT NOT NULL
);

-- min_scores/min_comments: the group minimums the round's invitations promised (set when it opens).
CREATE TABLE measurements (
    org             TEXT    NOT NULL,
    number          INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    stage           TEXT    NOT NULL,
    deadline        DATE,
    results_channel TEXT,
    compare_with    INTEGER,
    status          TEXT    NOT NULL,
    auto_reminders  INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    created_on      DATE    NOT NULL,
    opened_on       DATE,
    min_scores      INTEGER,
    min_comments    INTEGER,
    PRIMARY KEY (org, number)
);

CREATE TABLE measurement_content (
    org          TEXT    NOT NULL,
    measurement  INTEGER NOT NULL,
    audience     TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    PRIMARY KEY (org, measurement, audience),
    FOREIGN KEY (org, measurement) REFERENCES measurements (org, number)
);

-- Who is asked, and nothing else: no time, no answer.
CREATE TABLE respondents (
    org         TEXT    NOT NULL,
    measurement INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    PRIMARY KEY (org, measurement, user_id),
    FOREIGN KEY (org, measurement) REFERENCES measurements (org, number)
);

-- Answers in progress, linked to their respondent; deleted on submission. `state` is AES-GCM ciphertext
-- (key from configuration, padded to whole blocks), so every dead version of a row is unreadable.
-- EXTERNAL: ciphertext does not compress, so TOAST need not try.
CREATE TABLE drafts (
    org         TEXT    NOT NULL,
    measurement INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    state       BYTEA   NOT NULL,
    version     BIGINT  NOT NULL,
    PRIMARY KEY (org, measurement, user_id),
    FOREIGN KEY (org, measurement, user_id) REFERENCES respondents (org, measurement, user_id)
);
ALTER TABLE drafts ALTER COLUMN state SET STORAGE EXTERNAL;

-- Submitted answers waiting to be mixed into responses, encrypted as drafts are. The submitting
-- transaction writes here, never to the anonymous tables; the mixer deletes a batch of these and
-- writes their responses in a transaction of its own.
CREATE TABLE sealed_submissions (
    org         TEXT    NOT NULL,
    measurement INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    submission  BYTEA   NOT NULL,
    PRIMARY KEY (org, measurement, user_id),
    FOREIGN KEY (org, measurement, user_id) REFERENCES respondents (org, measurement, user_id)
);
ALTER TABLE sealed_submissions ALTER COLUMN submission SET STORAGE EXTERNAL;

-- Submitted answers, linked to nobody: random text ids, no serial key, no time, not even the day.
CREATE TABLE responses (
    org          TEXT    NOT NULL,
    measurement  INTEGER NOT NULL,
    id           TEXT    NOT NULL,
    report_group TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    PRIMARY KEY (org, measurement, id),
    FOREIGN KEY (org, measurement) REFERENCES measurements (org, number)
);

CREATE TABLE answers (
    org         TEXT    NOT NULL,
    measurement INTEGER NOT NULL,
    response_id TEXT    NOT NULL,
    item_id     TEXT    NOT NULL,
    value       INTEGER NOT NULL,
    PRIMARY KEY (org, measurement, response_id, item_id),
    FOREIGN KEY (org, measurement, response_id) REFERENCES responses (org, measurement, id)
);

-- Comments are not linked even to their response, so a comment cannot single out a set of answers.
CREATE TABLE comments (
    org          TEXT    NOT NULL,
    measurement  INTEGER NOT NULL,
    id           TEXT    NOT NULL,
    report_group TEXT    NOT NULL,
    theme_id     TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (org, measurement, id),
    FOREIGN KEY (org, measurement) REFERENCES measurements (org, number)
);

CREATE TABLE outbox (
    id               BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org              TEXT    NOT NULL,
    destination_kind TEXT    NOT NULL,
    destination_id   TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    dedupe_key       TEXT,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    not_before       BIGINT  NOT NULL,
    lease_until      BIGINT,
    last_error       TEXT,
    sent_at          BIGINT,
    UNIQUE (org, dedupe_key)
);
CREATE INDEX outbox_due ON outbox (status, not_before);

CREATE TABLE delivery_log (
    org         TEXT   NOT NULL,
    delivery_id TEXT   NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (org, delivery_id)
);
CREATE INDEX delivery_log_by_age ON delivery_log (received_at);

-- An identity never hands out a number twice: a replaced entry gets a seq above every seq so far.
CREATE TABLE transcript (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org             TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    replace_key     TEXT,
    payload         TEXT NOT NULL,
    UNIQUE (org, conversation_id, replace_key)
);
CREATE INDEX transcript_by_conversation ON transcript (org, conversation_id, seq);

CREATE TABLE adapter_state (
    org       TEXT NOT NULL,
    namespace TEXT NOT NULL,
    state_key TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (org, namespace, state_key)
);
