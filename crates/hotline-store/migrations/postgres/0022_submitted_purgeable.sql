-- The address as the reporter typed it (sealed) can hold what identifies them: a session id
-- in a query, a user name in a path (issue 18). Retention now erases it with the description
-- (`retention.description_days`), so the column may be NULL. The canonical address, which
-- the case works with, stays.
ALTER TABLE report_addresses ALTER COLUMN submitted_sealed DROP NOT NULL;
