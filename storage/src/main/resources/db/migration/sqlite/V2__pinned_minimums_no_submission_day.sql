-- A round is reported with the group minimums its invitations promised (set when it opens), never lower.
ALTER TABLE measurements ADD COLUMN min_scores INTEGER;
ALTER TABLE measurements ADD COLUMN min_comments INTEGER;

-- Responses keep no time at all, not even the day: one person answering on a given day would be
-- singled out by it. Dropping the column rewrites the table (secure_delete zeroes the old pages),
-- so days stored by earlier versions are gone too.
ALTER TABLE responses DROP COLUMN submitted_on;
