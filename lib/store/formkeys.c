/* formkeys.c: the form_keys table: claiming a create form's one-time key. */
#include "store/formkeys.h"

#include <time.h>

#include "util/timefmt.h"

static const char sql_claim[] =
	"INSERT INTO form_keys (key, used_at) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING";
static const char sql_target[] =
	"SELECT target FROM form_keys WHERE key = ?1";
static const char sql_done[] =
	"UPDATE form_keys SET target = ?2 WHERE key = ?1";
static const char sql_forget[] =
	"DELETE FROM form_keys WHERE key = ?1";
static const char sql_purge[] =
	"DELETE FROM form_keys WHERE used_at < ?1";

int db_form_key_claim(struct db *db, struct arena *a, const char *key, const char **target)
{
	sqlite3_stmt *st = db_stmt(db, sql_claim);
	char now[TIME_UTC_LEN];
	int rc;

	*target = "";
	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, now);
	if ((rc = db_write(db, st, "claim form key")) != 0)
		return rc;
	if ((st = db_stmt(db, sql_target)) == NULL)
		return -1;
	db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*target = arena_strdup(a, db_col_text(st, 0));
	else if (rc != SQLITE_DONE)
		db_log_error(db, "form key target");
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int db_form_key_done(struct db *db, const char *key, const char *target)
{
	sqlite3_stmt *st = db_stmt(db, sql_done);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, target);
	return db_write(db, st, "form key done") < 0 ? -1 : 0;
}

int db_form_key_forget(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, sql_forget);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	return db_write(db, st, "forget form key") < 0 ? -1 : 0;
}

int db_form_keys_purge(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge);
	char before[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	time_format_utc(time(NULL) - FORM_KEY_KEEP_SECS, before);
	db_bind_text(st, 1, before);
	return db_write(db, st, "purge form keys") < 0 ? -1 : 0;
}
