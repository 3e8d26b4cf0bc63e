-- 0009: password checks keyed by (account, address prefix), refusals no longer stored,
-- and one-time keys that make the desk's create forms safe to submit twice.
-- login_attempts kept a row for every refused try too; logins keeps only the
-- tries whose password was checked, and the address prefix they came from.
CREATE TABLE logins (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	email   TEXT NOT NULL,
	addr    TEXT NOT NULL,
	prefix  TEXT NOT NULL,
	ok      INTEGER NOT NULL CHECK (ok IN (0, 1))
);
INSERT INTO logins (at, email, addr, prefix, ok)
	SELECT at, email, addr, addr, outcome = 'ok' FROM login_attempts
	WHERE outcome IN ('ok', 'failed');
DROP TABLE login_attempts;
CREATE INDEX logins_pair ON logins (email, prefix, ok, at);
CREATE INDEX logins_account ON logins (email, ok, at);
CREATE INDEX logins_recent ON logins (ok, at);

CREATE TABLE form_keys (
	key     TEXT PRIMARY KEY,
	used_at TEXT NOT NULL,
	target  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
