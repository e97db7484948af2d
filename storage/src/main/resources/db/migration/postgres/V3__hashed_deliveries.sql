-- Delivery ids are kept as keyed hashes from now on; the ids kept so far named people and click times.
-- They only catch a platform's retries for a few days, so they are dropped.
DELETE FROM delivery_log;
