-- 0003: the coordinator's desk: sessions, login attempts, the audit log, versions of posts.

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

-- Every try to log in, for the lock-out and for the admin. Never holds a password.
CREATE TABLE login_attempts (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,               -- UTC
	email   TEXT NOT NULL,               -- as typed (lower-cased), "" when unusable
	addr    TEXT NOT NULL,               -- the client's address as nginx saw it
	outcome TEXT NOT NULL
	        CHECK (outcome IN ('ok', 'failed', 'locked'))  -- locked: refused without checking
);
CREATE INDEX login_attempts_email ON login_attempts (email, outcome, at);
CREATE INDEX login_attempts_addr ON login_attempts (addr, outcome, at);

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

-- Optimistic concurrency: each save of a post raises its version.
ALTER TABLE posts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;  -- raised by 1 at every save
