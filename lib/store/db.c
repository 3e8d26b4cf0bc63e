/* db.c: opening connections with the site's pragmas, and the statement cache. */
#include "store/db.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/collate.h"
#include "util/log.h"
#include "util/slug.h"
#include "util/timefmt.h"
#include "util/utf8.h"

static const char pragmas[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA foreign_keys=ON;"
	"PRAGMA synchronous=FULL;"
	/* At most 2 MiB of database pages per connection, whatever the size of
	 * the database: a worker's memory does not grow with the site. */
	"PRAGMA cache_size=-2048;";

/* The "swedish" collation: collate_sv over the two strings. */
static int swedish(void *ctx, int alen, const void *a, int blen, const void *b)
{
	(void)ctx;
	return collate_sv(a, (size_t)alen, b, (size_t)blen);
}

/* sv_lower(x): x lowercased with utf8_lower_sv, for searches where Å is å. */
static void sv_lower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	char *copy;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((copy = sqlite3_malloc(n + 1)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(copy, s, (size_t)n + 1);
	utf8_lower_sv(copy, (size_t)n);
	sqlite3_result_text(ctx, copy, n, sqlite3_free);
}

int db_register_extras(sqlite3 *h)
{
	int rc = sqlite3_create_collation_v2(h, "swedish", SQLITE_UTF8, NULL, swedish, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "sv_lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC |
		    SQLITE_INNOCUOUS, NULL, sv_lower, NULL, NULL);
	return rc;
}

struct db *db_open(const char *path)
{
	struct db *db = calloc(1, sizeof *db);

	mode_t old;
	int rc;

	if (db == NULL)
		return NULL;
	/* A new database (and its -wal and -shm, which SQLite gives the same
	 * mode) is readable by its owner only. */
	old = umask(077);
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		log_msg("cannot open database %s: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_extended_result_codes(db->h, 1);
	if (db_exec(db, pragmas) < 0 || db_register_extras(db->h) != SQLITE_OK)
		goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

void db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_STMT_SLOTS; i++)
		sqlite3_finalize(db->slot[i].st);
	sqlite3_close(db->h);
	free(db->events_feed.body);
	free(db->events_feed.gz);
	for (i = 0; i < DB_POST_LISTS; i++)
		free(db->post_lists[i].anchors);
	free(db);
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	size_t i = ((uintptr_t)sql >> 3) % DB_STMT_SLOTS, n;

	for (n = 0; n < DB_STMT_SLOTS; n++, i = (i + 1) % DB_STMT_SLOTS) {
		if (db->slot[i].sql == sql)
			return db->slot[i].st;
		if (db->slot[i].sql == NULL)
			break;
	}
	if (n == DB_STMT_SLOTS) {
		log_msg("statement cache full");
		return NULL;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &db->slot[i].st, NULL) != SQLITE_OK) {
		log_msg("prepare failed: %s: %s", sqlite3_errmsg(db->h), sql);
		db->slot[i].st = NULL;
		return NULL;
	}
	db->slot[i].sql = sql;
	return db->slot[i].st;
}

void db_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int db_exec(struct db *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		log_msg("sql failed: %s", err ? err : sqlite3_errmsg(db->h));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int db_begin(struct db *db)
{
	/* Inside an open write transaction (R_ONCE holds one around a create
	 * handler), a savepoint: it commits with the outer one. */
	if (db->depth > 0 && !sqlite3_get_autocommit(db->h)) {
		if (db_exec(db, "SAVEPOINT nested") < 0)
			return -1;
		db->depth++;
		return 0;
	}
	if (db_exec(db, "BEGIN IMMEDIATE") < 0)
		return -1;
	db->depth = 1;
	return 0;
}

int db_commit(struct db *db)
{
	if (db->depth > 1) {
		if (db_exec(db, "RELEASE nested") < 0)
			return -1;
		db->depth--;
		return 0;
	}
	if (db_exec(db, "COMMIT") < 0)
		return -1;
	db->depth = 0;
	return 0;
}

void db_rollback(struct db *db)
{
	if (db->depth > 1 && !sqlite3_get_autocommit(db->h)) {
		db_exec(db, "ROLLBACK TO nested; RELEASE nested");
		db->depth--;
		return;
	}
	if (!sqlite3_get_autocommit(db->h))
		db_exec(db, "ROLLBACK");
	db->depth = 0;
}

/* Runs a cached statement that takes no parameters. Returns 0 or -1. */
static int step_once(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_log_error(db, sql);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char sql_read_begin[] = "BEGIN";
static const char sql_read_commit[] = "COMMIT";

int db_read_begin(struct db *db)
{
	return sqlite3_get_autocommit(db->h) ? step_once(db, sql_read_begin) : -1;
}

void db_read_end(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h) && step_once(db, sql_read_commit) < 0)
		db_rollback(db);
}

int db_write(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st), n = -1;

	if (rc == SQLITE_DONE)
		n = sqlite3_changes(db->h) > 0 ? 1 : 0;
	else
		db_log_error(db, what);
	db_done(st);
	return n;
}

long long db_insert(struct db *db, sqlite3_stmt *st, const char *what)
{
	long long id = -1;

	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, what);
	db_done(st);
	return id;
}

int db_write_id(struct db *db, const char *sql, long long id, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_write(db, st, what);
}

/* 1 when the statement finds a row for slug, 0 when none, -1 on error. */
static int slug_taken(struct db *db, sqlite3_stmt *st, const char *slug, long long except_id)
{
	int rc;

	db_bind_text(st, 1, slug);
	sqlite3_bind_int64(st, 2, except_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_log_error(db, "slug taken");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_unique_slug(struct db *db, const char *taken_sql, long long except_id,
    const char *title, const char *fallback, char *buf, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, taken_sql);
	char base[SLUG_MAX + 1];
	int i, taken = -1;

	if (st == NULL)
		return -1;
	if (slug_make(title, base, sizeof base) == 0)
		snprintf(base, sizeof base, "%s", fallback);
	snprintf(buf, n, "%s", base);
	for (i = 2; (taken = slug_taken(db, st, buf, except_id)) == 1 && i < 10000; i++)
		snprintf(buf, n, "%.*s-%d", SLUG_MAX - 6, base, i);
	return taken == 0 ? 0 : -1;
}

int db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	int rc = s ? sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT)
	    : sqlite3_bind_null(st, idx);

	return rc == SQLITE_OK ? 0 : -1;
}

int db_step_one(struct db *db, sqlite3_stmt *st, db_row_fn read, struct arena *a,
    void *out, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW && read != NULL)
		read(st, a, out);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_log_error(db, what);
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

long long db_step_list(struct db *db, sqlite3_stmt *st, db_row_fn read, struct arena *a,
    size_t size, size_t max, void **items, const char *what)
{
	char *p = arena_alloc(a, size * (max ? max : 1));
	size_t n = 0;
	int rc = SQLITE_DONE;

	*items = p;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read(st, a, p + size * n++);
	if (n == max)
		rc = SQLITE_DONE;
	if (rc != SQLITE_DONE)
		db_log_error(db, what);
	db_done(st);
	return rc == SQLITE_DONE ? (long long)n : -1;
}

int db_step_int(struct db *db, sqlite3_stmt *st, long long *n, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		db_log_error(db, what);
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

void db_bind_time(sqlite3_stmt *st, int idx, time_t t)
{
	char buf[TIME_UTC_LEN];

	time_format_utc(t, buf);
	db_bind_text(st, idx, buf);
}

time_t db_col_time(sqlite3_stmt *st, int col)
{
	time_t t = 0;

	time_parse_utc(db_col_text(st, col), &t);
	return t;
}

const char *db_col_dup(struct arena *a, sqlite3_stmt *st, int col)
{
	return arena_strdup(a, db_col_text(st, col));
}

const char *db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : "";
}

static const char sql_data_version[] = "PRAGMA data_version";

int db_data_stamp(struct db *db, long long *version, long long *changes)
{
	sqlite3_stmt *st = db_stmt(db, sql_data_version);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	*changes = sqlite3_total_changes64(db->h);
	return rc == SQLITE_ROW ? 0 : -1;
}

void db_now(char buf[21])
{
	time_format_utc(time(NULL), buf);
}

void db_log_error(struct db *db, const char *what)
{
	log_msg("%s: %s", what, sqlite3_errmsg(db->h));
}
