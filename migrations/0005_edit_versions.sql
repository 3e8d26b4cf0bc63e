-- 0005: optimistic concurrency for events, member organisations, board seats and text pages.

-- Each save raises the row's version; a save of a form read at an older version is refused.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;       -- raised by 1 at every save
ALTER TABLE members ADD COLUMN version INTEGER NOT NULL DEFAULT 1;      -- raised by 1 at every save
ALTER TABLE board_seats ADD COLUMN version INTEGER NOT NULL DEFAULT 1;  -- raised by 1 at every save
ALTER TABLE pages ADD COLUMN version INTEGER NOT NULL DEFAULT 1;        -- raised by 1 at every save
