-- Anonymity at rest as on PostgreSQL (README, Anonymity): a submission is sealed here, encrypted with a key
-- that is not in the database files and padded to one size, and mixed into responses in batches later.
-- Drafts become ciphertext too (rewritten by the store at its first start with a key): `state` holds BLOBs,
-- `version` a keyed hash of the version instead of a count of the person's saves.
CREATE TABLE sealed_submissions (
    org         TEXT    NOT NULL,
    measurement INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    submission  BLOB    NOT NULL,
    PRIMARY KEY (org, measurement, user_id),
    FOREIGN KEY (org, measurement, user_id) REFERENCES respondents (org, measurement, user_id)
) WITHOUT ROWID;

-- Delivery ids are kept as keyed hashes from now on; the ids kept so far named people and click times.
-- They only catch a platform's retries for a few days, so they are dropped (secure_delete zeroes them).
DELETE FROM delivery_log;
