-- 0006: indexes that cover the filters of the event lists.
-- The lists scan events_start in start order and filter on its ends_at and status
-- without reading the table; events_end counts coming and past events the same way.
DROP INDEX events_start;
DROP INDEX events_end;
CREATE INDEX events_start ON events (starts_at, id, ends_at, status);
CREATE INDEX events_end ON events (ends_at, status);
