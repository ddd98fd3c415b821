-- The console's batch page lists a batch's refused attempts, newest first: without this index every page view would
-- read the whole table, which an attacker (or a careless import) can make large.
CREATE INDEX ix_refused_attempt_batch ON refused_attempt (batch_id, id);
