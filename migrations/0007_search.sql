-- 0007: full-text search (FTS5) over posts, events and text pages, kept in step by triggers.
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

-- The rows that exist already.
INSERT INTO posts_search (posts_search) VALUES ('rebuild');
INSERT INTO events_search (events_search) VALUES ('rebuild');
INSERT INTO pages_search (pages_search) VALUES ('rebuild');
