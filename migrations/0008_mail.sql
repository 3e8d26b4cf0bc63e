-- 0008: outgoing mail (the queue every mail goes through), newsletter subscribers and issues.

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
