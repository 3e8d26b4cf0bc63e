-- 0001: the news: categories, posts, users, and the record of applied migrations.

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
	updated_at   TEXT NOT NULL
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
