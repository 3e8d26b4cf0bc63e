/* sessions.c: the sessions table: creating, loading (with the idle and absolute limits), ending. */
#include "store/sessions.h"

#include "site/auth.h"

#include <string.h>

#include "util/log.h"
#include "util/timefmt.h"

static const char sql_insert[] =
	"INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) "
	"VALUES (?1, ?2, ?3, ?4, ?4)";
static const char sql_by_hash[] =
	"SELECT s.id, s.user_id, s.csrf, s.created_at, s.last_seen, u.email, u.name, "
	"u.role, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id "
	"WHERE s.token_hash = ?1";
static const char sql_touch[] =
	"UPDATE sessions SET last_seen = ?2 WHERE id = ?1";
static const char sql_delete[] =
	"DELETE FROM sessions WHERE id = ?1";
static const char sql_delete_user[] =
	"DELETE FROM sessions WHERE user_id = ?1";
static const char sql_delete_old[] =
	"DELETE FROM sessions WHERE last_seen < ?1 OR created_at < ?2";

/* last_seen is written at most this often, to spare the disk. */
#define TOUCH_SECS 60

/* Runs a one-parameter DELETE or UPDATE. Returns 0 or -1. */
static int exec_id(struct db *db, const char *sql, long long id, const char *text)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	return db_write(db, st, "session write") < 0 ? -1 : 0;
}

/* Deletes every session past its limits (now and then, at each login). */
static void purge_old(struct db *db, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql_delete_old);
	char idle[TIME_UTC_LEN], max[TIME_UTC_LEN];

	if (st == NULL)
		return;
	time_format_utc(now - SESSION_IDLE_SECS, idle);
	time_format_utc(now - SESSION_MAX_SECS, max);
	db_bind_text(st, 1, idle);
	db_bind_text(st, 2, max);
	if (sqlite3_step(st) != SQLITE_DONE)
		db_log_error(db, "purge sessions");
	db_done(st);
}

int session_create(struct db *db, long long user_id, char *token)
{
	sqlite3_stmt *st;
	char hash[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX], now[TIME_UTC_LEN];

	purge_old(db, time(NULL));
	if ((st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	auth_random_hex(token);
	auth_random_hex(csrf);
	auth_token_hash(token, hash);
	db_now(now);
	db_bind_text(st, 1, hash);
	sqlite3_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, csrf);
	db_bind_text(st, 4, now);
	return db_write(db, st, "insert session") < 0 ? -1 : 0;
}

/* True when the cookie value has the form of our tokens (64 hex digits). */
static bool token_shape(const char *t)
{
	size_t i;

	for (i = 0; i < AUTH_TOKEN_HEX - 1; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	return t[i] == '\0';
}

/* True when a session created at created and last seen at seen is still live. */
static bool within_limits(const char *created, const char *seen, time_t now)
{
	time_t c, s;

	if (time_parse_utc(created, &c) < 0 || time_parse_utc(seen, &s) < 0)
		return false;
	return now - c < SESSION_MAX_SECS && now - s < SESSION_IDLE_SECS;
}

/* A session row as read: the session, and what decides whether it is live. */
struct session_row {
	struct session *s;
	const char *created, *seen;
	bool disabled;
};

static void read_session(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct session_row *row = out;
	struct session *s = row->s;

	s->id = sqlite3_column_int64(st, 0);
	s->user_id = sqlite3_column_int64(st, 1);
	s->csrf = db_col_dup(a, st, 2);
	row->created = db_col_dup(a, st, 3);
	row->seen = db_col_dup(a, st, 4);
	s->email = db_col_dup(a, st, 5);
	s->name = db_col_dup(a, st, 6);
	s->role = db_col_dup(a, st, 7);
	row->disabled = sqlite3_column_int(st, 8) != 0;
	s->admin = strcmp(s->role, "admin") == 0;
}

int session_load(struct db *db, struct arena *a, const char *token, struct session **out)
{
	char hash[AUTH_TOKEN_HEX], stamp[TIME_UTC_LEN];
	struct session_row row = { .s = arena_alloc(a, sizeof *row.s) };
	time_t now = time(NULL), seen = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (token == NULL || !token_shape(token))
		return 0;
	if ((st = db_stmt(db, sql_by_hash)) == NULL)
		return -1;
	auth_token_hash(token, hash);
	db_bind_text(st, 1, hash);
	if ((rc = db_step_one(db, st, read_session, a, &row, "load session")) != 1)
		return rc;
	if (row.disabled || !within_limits(row.created, row.seen, now)) {
		session_end(db, row.s->id);
		return 0;
	}
	time_parse_utc(row.seen, &seen);
	if (now - seen >= TOUCH_SECS) {
		time_format_utc(now, stamp);
		exec_id(db, sql_touch, row.s->id, stamp);
	}
	*out = row.s;
	return 1;
}

int session_end(struct db *db, long long session_id)
{
	return exec_id(db, sql_delete, session_id, NULL);
}

int session_end_user(struct db *db, long long user_id)
{
	return exec_id(db, sql_delete_user, user_id, NULL);
}
