-- 0013: registration for events on the site, membership-interest requests, and
-- what protects the public forms (spent form tokens, posts per address).

-- How an event takes registrations on the site; no row: no registration here
-- (the event may still link elsewhere with events.registration_url).
CREATE TABLE event_signups (
	event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	places      INTEGER CHECK (places IS NULL OR places BETWEEN 1 AND 100000),  -- NULL: unlimited
	waitlist    INTEGER NOT NULL DEFAULT 1 CHECK (waitlist IN (0, 1)),     -- 1: keep a waiting list when full
	ask_phone   INTEGER NOT NULL DEFAULT 0 CHECK (ask_phone IN (0, 1)),    -- ask for a phone number
	ask_diet    INTEGER NOT NULL DEFAULT 0 CHECK (ask_diet IN (0, 1)),     -- ask for dietary needs
	ask_attend  INTEGER NOT NULL DEFAULT 0 CHECK (ask_attend IN (0, 1)),   -- ask: on site or online (hybrid events)
	ask_message INTEGER NOT NULL DEFAULT 0 CHECK (ask_message IN (0, 1)),  -- offer a free-text message
	version     INTEGER NOT NULL DEFAULT 1  -- raised by 1 at every save (optimistic concurrency)
);

-- One person registered for an event, or waiting for a place. Deleted when
-- cancelled and automatically a configured number of days after the event ends.
CREATE TABLE registrations (
	id           INTEGER PRIMARY KEY,      -- also the order of the waiting list
	event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	status       TEXT NOT NULL CHECK (status IN ('registered', 'waiting')),
	name         TEXT NOT NULL,
	email        TEXT NOT NULL COLLATE NOCASE,
	organisation TEXT NOT NULL,
	phone        TEXT NOT NULL DEFAULT '',  -- when the event asks for it
	diet         TEXT NOT NULL DEFAULT '',  -- dietary needs, when asked
	attend       TEXT NOT NULL DEFAULT ''   -- hybrid events: on site or online, when asked
	             CHECK (attend IN ('', 'plats', 'digitalt')),
	message      TEXT NOT NULL DEFAULT '',  -- free text to the organiser, when offered
	token_hash   TEXT NOT NULL UNIQUE,      -- BLAKE2b-256 of the personal cancel link's token, hex
	source       TEXT NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'desk')),  -- desk: added by hand
	created_at   TEXT NOT NULL,             -- UTC
	UNIQUE (event_id, email)
);
CREATE INDEX registrations_event ON registrations (event_id, status, id);

-- A municipality's or region's request to join the network (/bli-medlem).
CREATE TABLE membership_requests (
	id           INTEGER PRIMARY KEY,
	organisation TEXT NOT NULL,            -- e.g. "Ale kommun"
	kind         TEXT NOT NULL CHECK (kind IN ('kommun', 'region')),
	contact      TEXT NOT NULL,            -- the contact person's name
	role         TEXT NOT NULL,            -- the contact person's role
	email        TEXT NOT NULL,
	phone        TEXT NOT NULL DEFAULT '',
	message      TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT 'new'
	             CHECK (status IN ('new', 'contacted', 'member', 'declined')),
	note         TEXT NOT NULL DEFAULT '', -- the coordinator's note
	member_id    INTEGER REFERENCES members(id) ON DELETE SET NULL,  -- the member made from it, or NULL
	created_at   TEXT NOT NULL,            -- UTC
	version      INTEGER NOT NULL DEFAULT 1  -- raised by 1 at every save (optimistic concurrency)
);
CREATE INDEX membership_requests_created ON membership_requests (created_at DESC, id DESC);

-- Form cookies of public forms that were used for a successful post: a
-- captured post sent again is refused. Rows older than a day are deleted.
CREATE TABLE form_tokens_spent (
	token_hash TEXT PRIMARY KEY,           -- BLAKE2b-256 of the cookie's token, hex
	at         TEXT NOT NULL               -- UTC
) WITHOUT ROWID;
CREATE INDEX form_tokens_spent_at ON form_tokens_spent (at);

-- Posts of public forms per client address, for the rate limit. Rows older
-- than an hour are deleted.
CREATE TABLE form_posts (
	id   INTEGER PRIMARY KEY,
	addr TEXT NOT NULL,                    -- the client's address as nginx saw it
	at   TEXT NOT NULL                     -- UTC
);
CREATE INDEX form_posts_addr ON form_posts (addr, at);
CREATE INDEX form_posts_at ON form_posts (at);
