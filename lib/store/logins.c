/* logins.c: the named SQL statements for login attempts. */
#include "store/logins.h"

#include <time.h>

#include "site/auth.h"
#include "util/timefmt.h"

static const char sql_attempt[] =
	"INSERT INTO login_attempts (at, email, addr, outcome) VALUES (?1, ?2, ?3, ?4)";
static const char sql_purge[] =
	"DELETE FROM login_attempts WHERE at < ?1";
static const char sql_fails_email[] =
	"SELECT at FROM login_attempts WHERE email = ?1 AND outcome = 'failed' AND at >= ?2 "
	"ORDER BY at DESC LIMIT 5";
static const char sql_fails_addr[] =
	"SELECT at FROM login_attempts WHERE addr = ?1 AND outcome = 'failed' AND at >= ?2 "
	"ORDER BY at DESC LIMIT 5";

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
	sqlite3_stmt *st = db_stmt(db, sql_purge);

	if (st == NULL)
		return -1;
	db_bind_time(st, 1, time(NULL) - (time_t)LOGIN_KEEP_DAYS * 86400);
	return db_write(db, st, "purge login attempts") < 0 ? -1 : 0;
}

static void read_time(sqlite3_stmt *st, struct arena *a, void *out)
{
	(void)a;
	*(long long *)out = (long long)db_col_time(st, 0);
}

/* Applies the lock-out rule to the recent failures of one key. */
static bool locked_key(struct db *db, const char *sql, const char *key, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	struct arena a = { 0 };
	void *times;
	long long n;
	bool locked;

	if (st == NULL)
		return true;
	db_bind_text(st, 1, key);
	db_bind_time(st, 2, now - 2 * LOGIN_WINDOW_SECS);
	n = db_step_list(db, st, read_time, &a, sizeof(long long), LOGIN_MAX_FAILS, &times,
	    "login failures");
	locked = n < 0 || login_locked_by(times, (size_t)n, (long long)now);
	arena_free(&a);
	return locked;
}

bool db_login_locked(struct db *db, const char *email, const char *addr)
{
	time_t now = time(NULL);

	return (email[0] && locked_key(db, sql_fails_email, email, now)) ||
	    locked_key(db, sql_fails_addr, addr, now);
}
