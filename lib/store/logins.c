/* logins.c: the logins table: password checks by (account, address prefix), the lock-out they give, the purge. */
#include "store/logins.h"

#include <time.h>

#include "site/auth.h"
#include "util/timefmt.h"

#define STR_(x) #x
#define HC_STR(x) STR_(x)   /* a number in SQL text */

static const char sql_login_insert[] =
	"INSERT INTO logins (at, email, addr, prefix, ok) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_pair_fails[] =
	"SELECT at FROM logins WHERE email = ?1 AND prefix = ?2 AND ok = 0 AND at >= ?3 "
	"ORDER BY at DESC LIMIT " HC_STR(LOGIN_PAIR_FAILS);
static const char sql_pair_known[] =
	"SELECT 1 FROM logins WHERE email = ?1 AND prefix = ?2 AND ok = 1 LIMIT 1";
static const char sql_account_fails[] =
	"SELECT count(*), max(at) FROM logins WHERE email = ?1 AND ok = 0 AND at >= ?2";
static const char sql_budget[] =
	"SELECT count(*) FROM (SELECT 1 FROM logins WHERE ok = 0 AND at >= ?1 "
	"LIMIT " HC_STR(LOGIN_BUDGET_FAILS) ")";
static const char sql_purge_old[] =
	"DELETE FROM logins WHERE at < ?1 OR (ok = 0 AND at < ?2)";
static const char sql_purge_cap[] =
	"DELETE FROM logins WHERE id <= (SELECT id FROM logins ORDER BY id DESC "
	"LIMIT 1 OFFSET " HC_STR(LOGIN_MAX_ROWS) ")";
static const char sql_unlock[] =
	"DELETE FROM logins WHERE email = ?1 AND ok = 0";

int db_login_record(struct db *db, const char *email, const char *addr,
    const char *prefix, bool ok)
{
	sqlite3_stmt *st = db_stmt(db, sql_login_insert);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, email);
	db_bind_text(st, 3, addr);
	db_bind_text(st, 4, prefix);
	sqlite3_bind_int(st, 5, ok ? 1 : 0);
	return db_write(db, st, "login record") < 0 ? -1 : 0;
}

int db_login_purge(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge_old);
	char before_ok[TIME_UTC_LEN], before_fail[TIME_UTC_LEN];
	time_t now = time(NULL);

	if (st == NULL)
		return -1;
	time_format_utc(now - (time_t)LOGIN_KEEP_DAYS * 86400, before_ok);
	time_format_utc(now - LOGIN_FAIL_KEEP_SECS, before_fail);
	db_bind_text(st, 1, before_ok);
	db_bind_text(st, 2, before_fail);
	if (db_write(db, st, "purge logins") < 0)
		return -1;
	if ((st = db_stmt(db, sql_purge_cap)) == NULL)
		return -1;
	return db_write(db, st, "cap logins") < 0 ? -1 : 0;
}

int db_login_unlock(struct db *db, const char *email)
{
	sqlite3_stmt *st = db_stmt(db, sql_unlock);

	if (st == NULL || db_bind_text(st, 1, email) < 0)
		return -1;
	return db_write(db, st, "unlock login") < 0 ? -1 : sqlite3_changes(db->h);
}

/* Steps st (parameters bound) for one row; *n gets column 0, *last column 1
 * parsed as time when asked. Returns 0, or -1 on error. */
static int one_count(struct db *db, sqlite3_stmt *st, long long *n, time_t *last)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		if (last != NULL && time_parse_utc(db_col_text(st, 1), last) < 0)
			*last = 0;
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "login count");
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* 1 when the pair is locked (login_locked_by), 0 not, -1 on error. */
static int pair_locked(struct db *db, const char *email, const char *prefix, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql_pair_fails);
	long long times[LOGIN_PAIR_FAILS];
	char since[TIME_UTC_LEN];
	size_t n = 0;
	time_t t;
	int rc;

	if (st == NULL)
		return -1;
	time_format_utc(now - 2 * LOGIN_WINDOW_SECS, since);
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, prefix);
	db_bind_text(st, 3, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < LOGIN_PAIR_FAILS)
		if (time_parse_utc(db_col_text(st, 0), &t) == 0)
			times[n++] = (long long)t;
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	return login_locked_by(times, n, (long long)now) ? 1 : 0;
}

/* 1 when the pair has logged in before (kept LOGIN_KEEP_DAYS), 0 not, -1 error. */
static int pair_known(struct db *db, const char *email, const char *prefix)
{
	sqlite3_stmt *st = db_stmt(db, sql_pair_known);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, prefix);
	rc = sqlite3_step(st);
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

enum login_gate db_login_gate(struct db *db, const char *email, const char *prefix,
    int *retry_secs)
{
	char since[TIME_UTC_LEN];
	time_t now = time(NULL), last = 0;
	long long fails = 0;
	sqlite3_stmt *st;
	int rc, delay;

	*retry_secs = LOGIN_WINDOW_SECS;
	if ((rc = pair_locked(db, email, prefix, now)) != 0)
		return rc > 0 ? LOGIN_PAIR_LOCKED : LOGIN_ERROR;
	if ((rc = pair_known(db, email, prefix)) != 0)
		return rc > 0 ? LOGIN_OPEN : LOGIN_ERROR;
	if ((st = db_stmt(db, sql_account_fails)) == NULL)
		return LOGIN_ERROR;
	time_format_utc(now - LOGIN_WINDOW_SECS, since);
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, since);
	if (one_count(db, st, &fails, &last) < 0)
		return LOGIN_ERROR;
	delay = login_delay_secs(fails);
	if (delay > 0 && now - last < delay) {
		*retry_secs = (int)(delay - (now - last));
		return LOGIN_THROTTLED;
	}
	if ((st = db_stmt(db, sql_budget)) == NULL)
		return LOGIN_ERROR;
	time_format_utc(now - LOGIN_BUDGET_SECS, since);
	db_bind_text(st, 1, since);
	if (one_count(db, st, &fails, NULL) < 0)
		return LOGIN_ERROR;
	if (fails >= LOGIN_BUDGET_FAILS) {
		*retry_secs = 60;
		return LOGIN_BUDGET;
	}
	return LOGIN_OPEN;
}
