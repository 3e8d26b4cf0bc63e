-- 0011: revisions of posts, events and text pages; forms kept across a lost
-- session; the version of the Markdown renderer that made the stored HTML.

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
INSERT INTO markdown_render (id, version) VALUES (1, 1);
