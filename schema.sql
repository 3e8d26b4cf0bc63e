-- schema.sql: the full current schema of hcweb; equal to the result of every migration in migrations/.

-- One row per applied migration file.
CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,      -- the file's number, 1 for 0001_news.sql
	name       TEXT NOT NULL,            -- the file name
	checksum   TEXT NOT NULL,            -- SHA-256 of the file, hex
	applied_at TEXT NOT NULL             -- UTC, YYYY-MM-DDTHH:MM:SSZ
);

-- A news category, e.g. "Konferenser".
CREATE TABLE categories (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE,    -- used in /kategori/<slug>
	name        TEXT NOT NULL,           -- shown to readers
	description TEXT NOT NULL DEFAULT '' -- plain text shown above the list
);

-- A news post. Times are UTC in the form YYYY-MM-DDTHH:MM:SSZ.
CREATE TABLE posts (
	id           INTEGER PRIMARY KEY,
	slug         TEXT NOT NULL UNIQUE,   -- used in /nyheter/<slug>
	title        TEXT NOT NULL,
	category_id  INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	author       TEXT NOT NULL DEFAULT '',  -- the author's name as shown
	excerpt      TEXT NOT NULL DEFAULT '',  -- plain text; given or the body's first paragraph
	body_md      TEXT NOT NULL DEFAULT '',  -- the body as written, Markdown
	body_html    TEXT NOT NULL DEFAULT '',  -- body_md rendered by cmark in safe mode at save time
	status       TEXT NOT NULL DEFAULT 'draft'
	             CHECK (status IN ('draft', 'published')),
	published_at TEXT NOT NULL,          -- when it is (or was) public, if published
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1,  -- raised by 1 at every save (optimistic concurrency)
	featured_media_id INTEGER REFERENCES media(id)  -- the featured image (media library), or NULL
);
-- The public lists: published posts newest first.
CREATE INDEX posts_public ON posts (status, published_at DESC, id DESC);
CREATE INDEX posts_category ON posts (category_id, status, published_at DESC, id DESC);

-- A person who can log in to the coordinator's desk.
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('coordinator', 'admin')),
	password_hash TEXT NOT NULL,         -- crypto_pwhash_str (argon2id)
	disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at    TEXT NOT NULL
);

-- An event of the network. Times are UTC in the form YYYY-MM-DDTHH:MM:SSZ.
CREATE TABLE events (
	id                 INTEGER PRIMARY KEY,
	slug               TEXT NOT NULL UNIQUE,   -- used in /evenemang/<slug>; never "tidigare"
	title              TEXT NOT NULL,
	kind               TEXT NOT NULL DEFAULT 'annat'
	                   CHECK (kind IN ('arskonferens', 'hostmote', 'webbinarium', 'seminarium',
	                                   'tematiskt-mote', 'annat')),
	all_day            INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
	-- Timed events: start and end as given. Whole-day events: Stockholm midnight
	-- starting the first day and Stockholm midnight ending the last (an exclusive end).
	starts_at          TEXT NOT NULL
	                   CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	ends_at            TEXT NOT NULL
	                   CHECK (ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	online             INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),  -- 1: "Digitalt"
	venue              TEXT NOT NULL DEFAULT '',  -- e.g. "Stadshuset"; "" when online
	town               TEXT NOT NULL DEFAULT '',  -- e.g. "Malmö"; "" when online
	join_url           TEXT NOT NULL DEFAULT '',  -- link to join a digital event, or ""
	description_md     TEXT NOT NULL DEFAULT '',  -- as written, Markdown
	description_html   TEXT NOT NULL DEFAULT '',  -- description_md by cmark in safe mode, at save time
	description_text   TEXT NOT NULL DEFAULT '',  -- description_md as plain text, at save time (calendars)
	registration_url   TEXT NOT NULL DEFAULT '',  -- where to register, or ""
	registration_until TEXT                       -- last day to register, Stockholm date YYYY-MM-DD, or NULL
	                   CHECK (registration_until IS NULL OR
	                          registration_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	programme_url      TEXT NOT NULL DEFAULT '',  -- the programme (a URL until the media library exists), or ""
	status             TEXT NOT NULL DEFAULT 'draft'
	                   CHECK (status IN ('draft', 'published', 'cancelled')),  -- cancelled ones stay public
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL,
	programme_media_id INTEGER REFERENCES media(id),  -- the programme as a PDF of the media library, or NULL
	version            INTEGER NOT NULL DEFAULT 1,    -- raised by 1 at every save (optimistic concurrency)
	CHECK (ends_at >= starts_at)
);
-- Coming events soonest first, past ones newest first, the calendar feed: the
-- lists scan events_start in order and filter on its ends_at and status without
-- reading the table; events_end counts them.
CREATE INDEX events_start ON events (starts_at, id, ends_at, status);
CREATE INDEX events_end ON events (ends_at, status);

-- A member organisation: a municipality or a region.
CREATE TABLE members (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,    -- e.g. "Malmö stad", "Region Skåne"
	kind        TEXT NOT NULL CHECK (kind IN ('kommun', 'region')),
	county      TEXT NOT NULL,           -- the county (län), e.g. "Skåne län"
	website     TEXT NOT NULL DEFAULT '',  -- http(s) URL, or ""
	joined_year INTEGER NOT NULL CHECK (joined_year BETWEEN 1980 AND 2100),
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),  -- 0: has left the network
	version     INTEGER NOT NULL DEFAULT 1  -- raised by 1 at every save (optimistic concurrency)
);

-- A seat on the board.
CREATE TABLE board_seats (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,            -- the person's name
	role       TEXT NOT NULL
	           CHECK (role IN ('ordforande', 'vice_ordforande', 'ledamot', 'ersattare')),
	party      TEXT NOT NULL DEFAULT '', -- e.g. "S", "M", "C"
	member_id  INTEGER REFERENCES members(id) ON DELETE SET NULL,  -- the organisation they come from
	term_start INTEGER NOT NULL CHECK (term_start BETWEEN 1980 AND 2100),  -- first year of the term
	term_end   INTEGER NOT NULL CHECK (term_end BETWEEN 1980 AND 2100),    -- last year of the term
	version    INTEGER NOT NULL DEFAULT 1,  -- raised by 1 at every save (optimistic concurrency)
	CHECK (term_end >= term_start)
);

-- A page of text the coordinator can change without a deploy (/om, /bli-medlem).
CREATE TABLE pages (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE,     -- the path without its slash: "om", "bli-medlem"
	title      TEXT NOT NULL,
	body_md    TEXT NOT NULL DEFAULT '', -- as written, Markdown
	body_html  TEXT NOT NULL DEFAULT '', -- body_md by cmark in safe mode, at save time
	updated_at TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1  -- raised by 1 at every save (optimistic concurrency)
);

-- A logged-in browser. Only a hash of the cookie's token is kept.
CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,     -- BLAKE2b-256 of the cookie token, hex
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,            -- this session's CSRF token, hex, sent in every admin form
	created_at TEXT NOT NULL,            -- UTC; the session ends 7 days after this
	last_seen  TEXT NOT NULL             -- UTC; the session ends 8 hours after this
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every password check at the login, for the lock-out and for the admin. Never
-- holds a password. Refused tries (locked, throttled, busy) are only counted in
-- the log; hcweb purges this table on a timer and keeps it under a cap.
CREATE TABLE logins (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,               -- UTC
	email   TEXT NOT NULL,               -- as typed (lower-cased), "" when unusable
	addr    TEXT NOT NULL,               -- the client's address as nginx saw it
	prefix  TEXT NOT NULL,               -- the lock-out key: the IPv4 address, or the IPv6 /64
	ok      INTEGER NOT NULL CHECK (ok IN (0, 1))  -- 1: the password matched
);
CREATE INDEX logins_pair ON logins (email, prefix, ok, at);
CREATE INDEX logins_account ON logins (email, ok, at);
CREATE INDEX logins_recent ON logins (ok, at);

-- One-time keys of the desk's create forms: a second submit of the same form
-- goes to what the first one made instead of making it again.
CREATE TABLE form_keys (
	key     TEXT PRIMARY KEY,            -- random hex, a hidden field of the form
	used_at TEXT NOT NULL,               -- UTC; purged after a day
	target  TEXT NOT NULL DEFAULT ''     -- where the first submit went (its 303 location)
) WITHOUT ROWID;

-- Who changed what, and when.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,            -- UTC
	user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: hcadmin on the server
	user_email TEXT NOT NULL,            -- kept as it was, also after the user changes
	action     TEXT NOT NULL,            -- e.g. "create", "update", "delete", "login"
	item_type  TEXT NOT NULL,            -- e.g. "post", "event", "user"
	item_id    INTEGER,                  -- the item's id, or NULL
	summary    TEXT NOT NULL DEFAULT ''  -- plain text, e.g. the item's title
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);

-- A file in the media library, stored under the uploads folder and served by nginx at /uploads/<file_name>.
CREATE TABLE media (
	id            INTEGER PRIMARY KEY,
	file_name     TEXT NOT NULL UNIQUE       -- generated: 32 random hex digits and the type's extension
	              CHECK (file_name GLOB '[0-9a-f]*.*' AND length(file_name) BETWEEN 34 AND 40),
	mime_type     TEXT NOT NULL              -- decided from the content by libmagic, never from the name
	              CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
	size_bytes    INTEGER NOT NULL CHECK (size_bytes > 0),
	original_name TEXT NOT NULL DEFAULT '',  -- the uploader's file name without folders; data only, never a path
	alt_text      TEXT NOT NULL DEFAULT '',  -- images: the required text alternative; PDFs: ""
	title         TEXT NOT NULL DEFAULT '',  -- the link text for a PDF (or a caption); may be ""
	uploaded_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: unknown or removed user
	created_at    TEXT NOT NULL              -- UTC
);
CREATE INDEX media_created ON media (created_at DESC, id DESC);

-- Full-text search (FTS5) over posts, events and text pages; /sok reads these.
-- Each index is an external-content table over its source table: it holds the
-- words, not a second copy of the text. Diacritics are folded ("halsa" finds
-- "hälsa"); prefix indexes of 2 and 3 bytes make prefix queries ("folkhäls*") cheap.
CREATE VIRTUAL TABLE posts_search USING fts5(title, body_md, content='posts',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE events_search USING fts5(title, description_text, content='events',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE pages_search USING fts5(title, body_md, content='pages',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');

-- A change first removes the old words (the 'delete' row with the old values), then adds the new.
CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN
	INSERT INTO posts_search (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;
CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
	INSERT INTO posts_search (posts_search, rowid, title, body_md)
	VALUES ('delete', old.id, old.title, old.body_md);
END;
CREATE TRIGGER posts_search_update AFTER UPDATE OF title, body_md ON posts BEGIN
	INSERT INTO posts_search (posts_search, rowid, title, body_md)
	VALUES ('delete', old.id, old.title, old.body_md);
	INSERT INTO posts_search (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;
CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
	INSERT INTO events_search (rowid, title, description_text)
	VALUES (new.id, new.title, new.description_text);
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
	INSERT INTO events_search (events_search, rowid, title, description_text)
	VALUES ('delete', old.id, old.title, old.description_text);
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF title, description_text ON events BEGIN
	INSERT INTO events_search (events_search, rowid, title, description_text)
	VALUES ('delete', old.id, old.title, old.description_text);
	INSERT INTO events_search (rowid, title, description_text)
	VALUES (new.id, new.title, new.description_text);
END;
CREATE TRIGGER pages_search_insert AFTER INSERT ON pages BEGIN
	INSERT INTO pages_search (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;
CREATE TRIGGER pages_search_delete AFTER DELETE ON pages BEGIN
	INSERT INTO pages_search (pages_search, rowid, title, body_md)
	VALUES ('delete', old.id, old.title, old.body_md);
END;
CREATE TRIGGER pages_search_update AFTER UPDATE OF title, body_md ON pages BEGIN
	INSERT INTO pages_search (pages_search, rowid, title, body_md)
	VALUES ('delete', old.id, old.title, old.body_md);
	INSERT INTO pages_search (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;
-- A post imported from a WordPress site, known by the site and its id there.
CREATE TABLE wp_posts (
	site         TEXT NOT NULL,              -- the WordPress site's home URL, no trailing slash
	wp_id        INTEGER NOT NULL,           -- the post's id in WordPress
	post_id      INTEGER REFERENCES posts(id) ON DELETE SET NULL,  -- NULL: deleted here since
	modified_gmt TEXT NOT NULL,              -- WordPress's modified_gmt at the last import
	version      INTEGER NOT NULL,           -- posts.version the import left; another means edited here
	link         TEXT NOT NULL DEFAULT '',   -- the post's address in WordPress
	media_failed INTEGER NOT NULL DEFAULT 0, -- files that could not be fetched last time; >0: the next run tries again
	imported_at  TEXT NOT NULL,              -- UTC
	PRIMARY KEY (site, wp_id)
);

-- A file of a WordPress site copied into the media library.
CREATE TABLE wp_media (
	site       TEXT NOT NULL,                -- as in wp_posts
	source_url TEXT NOT NULL,                -- the original file's address (no size variant)
	media_id   INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
	PRIMARY KEY (site, source_url)
);

-- An old address that answers 301. Looked up only when no route matches.
CREATE TABLE redirects (
	path       TEXT PRIMARY KEY,             -- decoded path without trailing slash, "?query" kept: "/2024/04/15/x", "/?p=12"
	target     TEXT NOT NULL,                -- where it goes now, a path: "/nyheter/x"
	created_at TEXT NOT NULL                 -- UTC
) WITHOUT ROWID;

-- The last check of an external link found in published content (hcadmin check-links).
CREATE TABLE link_checks (
	url        TEXT PRIMARY KEY,             -- the link as written, http or https
	status     INTEGER NOT NULL,             -- the HTTP status, 0 when no answer came
	error      TEXT NOT NULL DEFAULT ''      -- '' or why no answer came: 'dns', 'timeout', 'connect', 'tls', 'other'
	           CHECK (error IN ('', 'dns', 'timeout', 'connect', 'tls', 'other')),
	broken     INTEGER NOT NULL CHECK (broken IN (0, 1)),  -- 1: 404, 410, DNS failure or timeout
	checked_at TEXT NOT NULL                 -- UTC
) WITHOUT ROWID;
CREATE INDEX link_checks_broken ON link_checks (broken, url);
-- Earlier versions of a post, an event or a text page: the text as it was
-- before a save (kind 'save'), a draft saved by the editor's script every 30 s
-- (kind 'autosave'), or the text as it was before a revision was restored
-- (kind 'restore'). The newest 50 of an item are kept.
CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY,
	item_type  TEXT NOT NULL CHECK (item_type IN ('post', 'event', 'page')),
	item_id    INTEGER NOT NULL,         -- posts.id, events.id or pages.id (no foreign key: three tables)
	kind       TEXT NOT NULL DEFAULT 'save' CHECK (kind IN ('save', 'autosave', 'restore')),
	saved_at   TEXT NOT NULL,            -- UTC, when this version was put aside
	user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- who made the save; NULL: unknown
	user_name  TEXT NOT NULL DEFAULT '', -- kept as it was, also after the user changes
	title      TEXT NOT NULL,
	author     TEXT NOT NULL DEFAULT '', -- posts: the author line; others ""
	excerpt    TEXT NOT NULL DEFAULT '', -- posts: the excerpt as given; others ""
	body_md    TEXT NOT NULL DEFAULT ''  -- the body (posts, pages) or description (events), Markdown
);
CREATE INDEX revisions_item ON revisions (item_type, item_id, id DESC);

-- A desk form sent after its session had ended (or with an outdated CSRF
-- token), kept so that nothing typed is lost: the login form carries the
-- random key, and after logging in the form is sent again. Deleted when used,
-- and at the latest an hour after it was kept.
CREATE TABLE kept_forms (
	id         INTEGER PRIMARY KEY,
	key_hash   TEXT NOT NULL UNIQUE,     -- BLAKE2b-256 of the random key, hex; the key itself is not stored
	path       TEXT NOT NULL,            -- the desk path the form was sent to, e.g. /admin/nyheter/12
	fields     TEXT NOT NULL,            -- the fields without the CSRF token, application/x-www-form-urlencoded
	created_at TEXT NOT NULL             -- UTC
);
CREATE INDEX kept_forms_created ON kept_forms (created_at);

-- The version of lib/util/markdown.c (MD_RENDER_VERSION) that made the stored
-- HTML of posts, events and pages; hcadmin migrate renders every text again
-- when the program's version is newer. One row.
CREATE TABLE markdown_render (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL             -- 1: cmark 0.30; 2: cmark-gfm with tables, autolinks, hard breaks
);

-- A person on the newsletter list. Pending until the confirmation POST; deleted
-- when unsubscribed, erased, or left unconfirmed for 7 days.
CREATE TABLE subscribers (
	id           INTEGER PRIMARY KEY,
	email        TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- checked by mailaddr_check
	state        TEXT NOT NULL DEFAULT 'pending'
	             CHECK (state IN ('pending', 'confirmed')),
	consent_text TEXT NOT NULL,           -- the consent sentence exactly as shown beside the box
	consent_at   TEXT NOT NULL,           -- UTC: when the box was ticked and the form sent
	confirmed_at TEXT,                    -- UTC: when the confirmation was posted; NULL while pending
	created_at   TEXT NOT NULL            -- UTC: the first sign-up of this row
);
CREATE INDEX subscribers_state ON subscribers (state, confirmed_at, id);

-- A secret link token of a subscriber, stored only as its hash (BLAKE2b, hex).
CREATE TABLE subscriber_tokens (
	hash          TEXT PRIMARY KEY,       -- hex hash of the random token in the link
	subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
	purpose       TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
	created_at    TEXT NOT NULL           -- UTC; confirm tokens older than 7 days are void
) WITHOUT ROWID;
CREATE INDEX subscriber_tokens_sub ON subscriber_tokens (subscriber_id);

-- Each sign-up try, for the rate limits per address and per client (kept a day).
CREATE TABLE signup_attempts (
	id    INTEGER PRIMARY KEY,
	at    TEXT NOT NULL,                  -- UTC
	email TEXT NOT NULL,                  -- lower-cased as typed, "" when unusable
	addr  TEXT NOT NULL                   -- the client's address as nginx saw it
);
CREATE INDEX signup_attempts_email ON signup_attempts (email, at);
CREATE INDEX signup_attempts_addr ON signup_attempts (addr, at);

-- A newsletter issue: composed in the desk, then sent to every confirmed subscriber.
CREATE TABLE newsletters (
	id          INTEGER PRIMARY KEY,
	subject     TEXT NOT NULL,            -- plain text, no line breaks
	intro_md    TEXT NOT NULL DEFAULT '', -- the introduction, Markdown
	state       TEXT NOT NULL DEFAULT 'draft'
	            CHECK (state IN ('draft', 'sending', 'sent')),
	send_at     TEXT,                     -- UTC: when sending to all was confirmed; subscribers
	                                      -- confirmed after it do not get this issue
	recipients  INTEGER NOT NULL DEFAULT 0, -- the count stated at the confirmation step
	queued_all  INTEGER NOT NULL DEFAULT 0, -- 1 once every recipient has a row in mail_queue
	sent_at     TEXT,                     -- UTC: when the last message left the queue
	created_at  TEXT NOT NULL,            -- UTC
	updated_at  TEXT NOT NULL             -- UTC
);
CREATE INDEX newsletters_created ON newsletters (created_at DESC, id DESC);

-- The news posts and events chosen for an issue, in the order shown.
CREATE TABLE newsletter_items (
	newsletter_id INTEGER NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
	kind          TEXT NOT NULL CHECK (kind IN ('post', 'event')),
	item_id       INTEGER NOT NULL,       -- posts.id or events.id; a deleted item is left out
	position      INTEGER NOT NULL,       -- order within the kind, from 0
	PRIMARY KEY (newsletter_id, kind, item_id)
) WITHOUT ROWID;

-- Every outgoing message, complete, from queued to sent or failed. A message is
-- marked sent only after the server (or the spool) accepted it, and that is
-- recorded before anything else is done.
CREATE TABLE mail_queue (
	id            INTEGER PRIMARY KEY,
	kind          TEXT NOT NULL,          -- who asked: "newsletter", "confirm", "test", "notice", ...
	dedupe        TEXT UNIQUE,            -- a key that may be queued once (NULL: none)
	rcpt          TEXT NOT NULL,          -- the envelope recipient; "" once erased
	message       BLOB,                   -- the whole MIME message, CRLF; NULL once erased
	state         TEXT NOT NULL DEFAULT 'queued'
	              CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
	attempts      INTEGER NOT NULL DEFAULT 0, -- tries started
	next_at       TEXT NOT NULL,          -- UTC: not tried before this (backoff)
	claimed_at    TEXT,                   -- UTC: when the last try started (state sending)
	last_reply    TEXT NOT NULL DEFAULT '', -- the server's last reply, or the spool's error
	created_at    TEXT NOT NULL,          -- UTC
	sent_at       TEXT,                   -- UTC: when the server accepted it
	newsletter_id INTEGER REFERENCES newsletters(id) ON DELETE CASCADE, -- for kind newsletter
	subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL -- for kind newsletter
);
CREATE INDEX mail_queue_due ON mail_queue (state, next_at, id);
CREATE INDEX mail_queue_newsletter ON mail_queue (newsletter_id, state);
CREATE UNIQUE INDEX mail_queue_once ON mail_queue (newsletter_id, subscriber_id)
	WHERE newsletter_id IS NOT NULL AND subscriber_id IS NOT NULL;
CREATE INDEX mail_queue_subscriber ON mail_queue (subscriber_id);
