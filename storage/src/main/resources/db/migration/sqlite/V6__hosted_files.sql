-- Charts, PDFs and CSVs of reports, served at /files/<token>/<name> until they expire. They hold only
-- what the report shows (aggregates of groups at or above their minimum), never an answer or a person.
CREATE TABLE hosted_files (
    token      TEXT   NOT NULL PRIMARY KEY,
    org        TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    media_type TEXT   NOT NULL,
    content    BLOB   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX hosted_files_by_expiry ON hosted_files (expires_at);
