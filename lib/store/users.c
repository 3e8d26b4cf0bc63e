/* users.c: the named SQL statements for users and login attempts. */
#include "store/users.h"

#include <string.h>
#include <time.h>

#include "site/auth.h"
#include "util/timefmt.h"

#define USER_COLS "id, email, name, role, password_hash, created_at, disabled "

static const char sql_by_email[] =
	"SELECT " USER_COLS "FROM users WHERE email = ?1";
static const char sql_by_id[] =
	"SELECT " USER_COLS "FROM users WHERE id = ?1";
static const char sql_all[] =
	"SELECT " USER_COLS "FROM users ORDER BY email LIMIT 1000";
static const char sql_insert[] =
	"INSERT INTO users (email, name, role, password_hash, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_set_password[] =
	"UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char sql_set_disabled[] =
	"UPDATE users SET disabled = ?2 WHERE id = ?1";
static const char sql_attempt[] =
	"INSERT INTO login_attempts (at, email, addr, outcome) VALUES (?1, ?2, ?3, ?4)";
static const char sql_purge_attempts[] =
	"DELETE FROM login_attempts WHERE at < ?1";
static const char sql_fails_email[] =
	"SELECT at FROM login_attempts WHERE email = ?1 AND outcome = 'failed' AND at >= ?2 "
	"ORDER BY at DESC LIMIT 5";
static const char sql_fails_addr[] =
	"SELECT at FROM login_attempts WHERE addr = ?1 AND outcome = 'failed' AND at >= ?2 "
	"ORDER BY at DESC LIMIT 5";

static void read_user(sqlite3_stmt *st, struct arena *a, struct user *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->email = arena_strdup(a, db_col_text(st, 1));
	u->name = arena_strdup(a, db_col_text(st, 2));
	u->role = arena_strdup(a, db_col_text(st, 3));
	u->password_hash = arena_strdup(a, db_col_text(st, 4));
	u->created_at = arena_strdup(a, db_col_text(st, 5));
	u->disabled = sqlite3_column_int(st, 6) != 0;
}

/* Runs a lookup bound to a text or an id; returns 1, 0 or -1. */
static int one_user(struct db *db, struct arena *a, const char *sql,
    const char *text, long long id, struct user *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	if (text != NULL)
		db_bind_text(st, 1, text);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_user(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "user lookup");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_user_by_email(struct db *db, struct arena *a, const char *email, struct user *out)
{
	return one_user(db, a, sql_by_email, email, 0, out);
}

int db_user_by_id(struct db *db, struct arena *a, long long id, struct user *out)
{
	return one_user(db, a, sql_by_id, NULL, id, out);
}

int db_users_all(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_all);
	size_t cap = 16;
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	*out = arena_alloc(a, sizeof **out * cap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct user *bigger = arena_alloc(a, sizeof *bigger * cap * 2);
			memcpy(bigger, *out, sizeof *bigger * cap);
			*out = bigger;
			cap *= 2;
		}
		read_user(st, a, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE)
		db_log_error(db, "list users");
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long db_user_insert(struct db *db, const char *email, const char *name,
    const char *role, const char *password_hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	char now[TIME_UTC_LEN];
	long long id = -1;
	int rc;

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, password_hash);
	db_bind_text(st, 5, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else if (rc == SQLITE_CONSTRAINT_UNIQUE)
		id = -2;
	else
		db_log_error(db, "insert user");
	db_done(st);
	return id;
}

/* Runs an UPDATE of one user; returns 0 when a row changed, else -1. */
static int update_user(struct db *db, const char *sql, long long id,
    const char *text, int value)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	else
		sqlite3_bind_int(st, 2, value);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_log_error(db, "update user");
	db_done(st);
	return rc == SQLITE_DONE && sqlite3_changes(db->h) == 1 ? 0 : -1;
}

int db_user_set_password(struct db *db, long long id, const char *password_hash)
{
	return update_user(db, sql_set_password, id, password_hash, 0);
}

int db_user_set_disabled(struct db *db, long long id, bool disabled)
{
	return update_user(db, sql_set_disabled, id, NULL, disabled ? 1 : 0);
}

int db_login_record(struct db *db, const char *email, const char *addr, const char *outcome)
{
	sqlite3_stmt *st = db_stmt(db, sql_attempt);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, email);
	db_bind_text(st, 3, addr);
	db_bind_text(st, 4, outcome);
	return db_write(db, st, "login attempt") < 0 ? -1 : 0;
}

int db_login_purge(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge_attempts);
	char before[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	time_format_utc(time(NULL) - (time_t)LOGIN_KEEP_DAYS * 86400, before);
	db_bind_text(st, 1, before);
	return db_write(db, st, "purge login attempts") < 0 ? -1 : 0;
}

bool login_locked_by(const long long *fail_times, size_t n, long long now)
{
	if (n < LOGIN_MAX_FAILS)
		return false;
	return fail_times[0] - fail_times[LOGIN_MAX_FAILS - 1] <= LOGIN_WINDOW_SECS &&
	    now - fail_times[0] < LOGIN_WINDOW_SECS;
}

/* Applies the lock-out rule to the recent failures of one key. */
static bool locked_key(struct db *db, const char *sql, const char *key, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	long long times[LOGIN_MAX_FAILS];
	char since[TIME_UTC_LEN];
	size_t n = 0;
	time_t t;
	int rc;

	if (st == NULL)
		return true;
	time_format_utc(now - 2 * LOGIN_WINDOW_SECS, since);
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < LOGIN_MAX_FAILS)
		if (time_parse_utc(db_col_text(st, 0), &t) == 0)
			times[n++] = (long long)t;
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return true;
	return login_locked_by(times, n, (long long)now);
}

bool db_login_locked(struct db *db, const char *email, const char *addr)
{
	time_t now = time(NULL);

	return (email[0] && locked_key(db, sql_fails_email, email, now)) ||
	    locked_key(db, sql_fails_addr, addr, now);
}
