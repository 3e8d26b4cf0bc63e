-- 0010: bringing the old WordPress site over: what was imported, old URLs that
-- keep working, and the state of every external link.

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
