-- Teams within an organisation (issue 12). A team is its channel: a measurement belongs to the team of its
-- results channel. A team leader granted here sees only that team's measurements. Existing holders of the
-- organisation-wide TEAM_LEADER role (user_roles) keep seeing every team until a coordinator scopes them
-- to a team, which replaces the organisation-wide role.
CREATE TABLE team_leaders (
    org        TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (org, channel_id, user_id)
);
CREATE INDEX team_leaders_by_user ON team_leaders (org, user_id);

-- The checklist as the implementation group's own status: who answered what, when. Not anonymous by
-- design (the message says so); every answer is kept, so the status can say how it changed.
CREATE TABLE checklist_answers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org         TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    area_number INTEGER NOT NULL,
    answer      TEXT    NOT NULL,
    note        TEXT,
    answered_by TEXT    NOT NULL,
    answered_at BIGINT  NOT NULL
);
CREATE INDEX checklist_answers_by_team ON checklist_answers (org, channel_id, area_number, id);

-- The activity plan: numbered per organisation, each in a team's channel.
CREATE TABLE activities (
    org          TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    channel_id   TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    due          DATE    NOT NULL,
    responsible  TEXT    NOT NULL,
    participants TEXT,
    phase        TEXT    NOT NULL,
    done_on      DATE,
    created_by   TEXT    NOT NULL,
    PRIMARY KEY (org, number)
);
CREATE INDEX activities_open ON activities (done_on, due);

-- A team's follow-up rhythm; what was prompted is known by the outbox's dedupe keys. repeated_from: the
-- number of the last measurement a repetition was claimed for, so each is repeated once.
CREATE TABLE team_rhythms (
    org            TEXT    NOT NULL,
    channel_id     TEXT    NOT NULL,
    meeting_day    INTEGER,
    meeting_time   TEXT,
    roundup_weeks  INTEGER,
    seminar_months INTEGER,
    repeat_months  INTEGER,
    since          DATE    NOT NULL,
    repeated_from  INTEGER,
    PRIMARY KEY (org, channel_id)
);
