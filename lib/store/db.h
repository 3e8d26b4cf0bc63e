/* db.h: a worker's SQLite connection and its cache of prepared statements. */
#ifndef HC_STORE_DB_H
#define HC_STORE_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"

#define DB_STMT_SLOTS 256
#define DB_POST_LISTS 8          /* public lists of posts whose anchors are kept */

struct db {
	sqlite3 *h;
	int depth;                     /* db_begin nesting: 0 none, 1 a transaction,
	                                  more: savepoints inside it */
	struct {
		const char *sql;       /* the static string that keys the slot */
		sqlite3_stmt *st;
	} slot[DB_STMT_SLOTS];
	/* posts.c: per public list of posts (all, or one category's), its count
	 * and every POST_ANCHOR_EVERY-th row, so that any page is read from an
	 * anchor with a short OFFSET (keyset paging behind ?sida=N). Kept while
	 * this connection sees the same data and the next scheduled post is not
	 * yet due; the least recently used list gives way. */
	struct post_list {
		bool valid;
		long long category_id;         /* 0: every public post */
		long long total;
		long long version, changes;    /* PRAGMA data_version, total changes */
		char until[21];                /* next post's publication time, "" none */
		unsigned long long used;
		size_t nanchors;
		struct post_anchor {
			char published_at[21];
			long long id;
		} *anchors;                    /* malloc'd: row (k + 1) * POST_ANCHOR_EVERY */
	} post_lists[DB_POST_LISTS];
	unsigned long long post_lists_used;
	/* events.c: the longest event (seconds from start to end), which bounds
	 * where an index scan by start may begin; kept while the data stamp holds. */
	struct {
		bool valid;
		long long span;
		long long version, changes;
	} event_span;
	/* events.c: the counts of coming and past public events, kept while the
	 * data stamp holds and no event has ended since they were counted. */
	struct {
		bool valid;
		long long upcoming, past;
		long long version, changes;
		char until[21];                /* the next end of a coming event, "" none */
	} event_counts;
	/* page_events.c: the rendered calendar feed (/evenemang.ics), reused
	 * while the data stamp holds and for at most a minute. body is malloc'd
	 * (freed by db_close); NULL when there is none. */
	struct feed_cache {
		char *body;
		size_t len;
		char *gz;                      /* body gzip-compressed once, or NULL */
		size_t gzlen;
		char gz_etag[28];              /* "\"<16 hex>-gz\"" */
		long long version, changes;
		time_t made;
		char etag[24];                 /* "\"<16 hex>\"" */
	} events_feed;
};

/* Opens path with WAL, foreign_keys=ON, synchronous=FULL and a busy timeout,
 * and registers the site's functions and collations. Returns NULL on failure
 * (logged). The caller frees with db_close. */
struct db *db_open(const char *path);
void db_close(struct db *db);
/* Returns the prepared statement for sql, preparing it on first use. sql must
 * be a string with static storage: its address is the cache key. NULL on error
 * (logged). Pass the statement to db_done when finished with it. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);
/* Resets the statement and clears its bindings. */
void db_done(sqlite3_stmt *st);
/* Runs sql that takes no parameters (schema, pragmas). Returns 0 or -1. */
int db_exec(struct db *db, const char *sql);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; inside an open db_begin, a savepoint
 * (SAVEPOINT / RELEASE / ROLLBACK TO) that the outer one commits or undoes.
 * Return 0 or -1. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* A deferred read transaction around a public page, so that its statements
 * share one snapshot and one lock. db_read_begin returns 0, or -1 when a
 * transaction is already open or BEGIN failed. db_read_end commits (or rolls
 * back) whatever is still open. */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);
/* Steps a statement that changes rows (INSERT/UPDATE/DELETE) and resets it.
 * Returns 1 when it changed a row, 0 when none matched, -1 on error (logged
 * with what). */
int db_write(struct db *db, sqlite3_stmt *st, const char *what);
/* Steps an INSERT and resets it. Returns the new row's id, or -1 (logged
 * with what). */
long long db_insert(struct db *db, sqlite3_stmt *st, const char *what);
/* Runs the static statement sql, whose one parameter ?1 is id (e.g. a DELETE
 * by id), through db_write. */
int db_write_id(struct db *db, const char *sql, long long id, const char *what);
/* Writes into buf (n > SLUG_MAX) a slug of title, or of fallback when the
 * title gives none, for which the static statement taken_sql (?1 the slug,
 * ?2 except_id) finds no row; -2, -3 ... are added on a collision.
 * Returns 0 or -1. */
int db_unique_slug(struct db *db, const char *taken_sql, long long except_id,
    const char *title, const char *fallback, char *buf, size_t n);
/* Reads the current row of a statement into out (strings into a). */
typedef void (*db_row_fn)(sqlite3_stmt *st, struct arena *a, void *out);
/* Steps st (bound already) once and resets it: on a row, read (when not
 * NULL) copies it into out. Returns 1 found, 0 no row, -1 error (logged with
 * what). */
int db_step_one(struct db *db, sqlite3_stmt *st, db_row_fn read, struct arena *a,
    void *out, const char *what);
/* Steps st (bound already) through at most max rows and resets it: each row
 * is read into the next of an array of max elements of size bytes, allocated
 * in a (*items; never NULL). Returns the number of rows read, or -1 (logged
 * with what). */
long long db_step_list(struct db *db, sqlite3_stmt *st, db_row_fn read, struct arena *a,
    size_t size, size_t max, void **items, const char *what);
/* Steps a statement whose one row holds one integer (a count) into *n and
 * resets it. Returns 0 or -1 (logged with what). */
int db_step_int(struct db *db, sqlite3_stmt *st, long long *n, const char *what);
/* Binds a time as the storage format (UTC). */
void db_bind_time(sqlite3_stmt *st, int idx, time_t t);
/* A stored UTC time column, or 0 when it does not parse. */
time_t db_col_time(sqlite3_stmt *st, int col);
/* A text column copied into a (never NULL). */
const char *db_col_dup(struct arena *a, sqlite3_stmt *st, int col);
/* Binds a text value (SQLITE_TRANSIENT); NULL binds NULL. Returns 0 or -1. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* A text column, never NULL ("" for NULL). Valid until the next step. */
const char *db_col_text(sqlite3_stmt *st, int col);
/* What this connection sees of the data: PRAGMA data_version (commits by
 * other connections) and its own total changes. Returns 0 or -1. */
int db_data_stamp(struct db *db, long long *version, long long *changes);
/* Writes "now" in the storage format (UTC). */
void db_now(char buf[21]);
/* Registers the site's collations and SQL functions on h .
 * Returns SQLITE_OK or an error code. */
int db_register_extras(sqlite3 *h);
/* Logs the connection's last error with a context string. */
void db_log_error(struct db *db, const char *what);

#endif
