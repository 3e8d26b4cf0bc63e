/* kept_forms.c: the statements of kept forms. */
#include "store/kept_forms.h"

#include <time.h>

#include "util/timefmt.h"

static const char sql_purge[] =
	"DELETE FROM kept_forms WHERE created_at < ?1";
static const char sql_count[] =
	"SELECT count(*) FROM kept_forms";
static const char sql_insert[] =
	"INSERT INTO kept_forms (key_hash, path, fields, created_at) VALUES (?1, ?2, ?3, ?4)";
static const char sql_take[] =
	"SELECT id, path, fields FROM kept_forms WHERE key_hash = ?1 AND created_at >= ?2";
static const char sql_delete[] =
	"DELETE FROM kept_forms WHERE id = ?1";

/* The UTC storage time an hour ago. */
static void hour_ago(char out[TIME_UTC_LEN])
{
	time_format_utc(time(NULL) - KEPT_FORM_SECS, out);
}

int db_kept_form_put(struct db *db, const char *key_hash, const char *path, const char *fields)
{
	char old[TIME_UTC_LEN], now[TIME_UTC_LEN];
	sqlite3_stmt *st;
	long long n = 0;

	hour_ago(old);
	if ((st = db_stmt(db, sql_purge)) == NULL)
		return -1;
	db_bind_text(st, 1, old);
	if (db_write(db, st, "purge kept forms") < 0)
		return -1;
	if ((st = db_stmt(db, sql_count)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	db_done(st);
	if (n >= KEPT_FORMS_MAX)
		return 0;
	if ((st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, key_hash);
	db_bind_text(st, 2, path);
	db_bind_text(st, 3, fields);
	db_bind_text(st, 4, now);
	return db_write(db, st, "keep form") < 0 ? -1 : 1;
}

int db_kept_form_take(struct db *db, struct arena *a, const char *key_hash,
    const char **path, const char **fields)
{
	char old[TIME_UTC_LEN];
	sqlite3_stmt *st = db_stmt(db, sql_take);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	hour_ago(old);
	db_bind_text(st, 1, key_hash);
	db_bind_text(st, 2, old);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*path = arena_strdup(a, db_col_text(st, 1));
		*fields = arena_strdup(a, db_col_text(st, 2));
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "take kept form");
	}
	db_done(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	return db_write_id(db, sql_delete, id, "delete kept form") < 0 ? -1 : 1;
}
