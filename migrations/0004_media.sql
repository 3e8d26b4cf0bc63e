-- 0004: the media library: uploaded images and PDFs, a post's featured image, an event's programme.

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

-- A post's featured image, shown on the post page and in the lists with its alt text.
ALTER TABLE posts ADD COLUMN featured_media_id INTEGER REFERENCES media(id);  -- an image, or NULL
-- An event's programme as a PDF from the media library.
ALTER TABLE events ADD COLUMN programme_media_id INTEGER REFERENCES media(id);  -- a PDF, or NULL
