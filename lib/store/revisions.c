/* revisions.c: the statements of revisions. */
#include "store/revisions.h"

#include <string.h>

#include "util/timefmt.h"

#define COLS "id, item_id, item_type, kind, saved_at, user_name, title, author, excerpt, body_md "

static const char sql_insert[] =
	"INSERT INTO revisions (item_type, item_id, kind, saved_at, user_id, user_name, title, "
	"author, excerpt, body_md) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_prune[] =
	"DELETE FROM revisions WHERE item_type = ?1 AND item_id = ?2 AND id NOT IN "
	"(SELECT id FROM revisions WHERE item_type = ?1 AND item_id = ?2 ORDER BY id DESC LIMIT ?3)";
static const char sql_of[] =
	"SELECT " COLS "FROM revisions WHERE item_type = ?1 AND item_id = ?2 ORDER BY id DESC LIMIT ?3";
static const char sql_by_id[] =
	"SELECT " COLS "FROM revisions WHERE id = ?1";
static const char sql_page_id[] =
	"SELECT id FROM pages WHERE slug = ?1";
static const char sql_page_slug[] =
	"SELECT slug FROM pages WHERE id = ?1";

static void read_revision(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct revision *rv = out;

	rv->id = sqlite3_column_int64(st, 0);
	rv->item_id = sqlite3_column_int64(st, 1);
	rv->item_type = db_col_dup(a, st, 2);
	rv->kind = db_col_dup(a, st, 3);
	rv->saved_at = db_col_dup(a, st, 4);
	rv->user_name = db_col_dup(a, st, 5);
	rv->title = db_col_dup(a, st, 6);
	rv->author = db_col_dup(a, st, 7);
	rv->excerpt = db_col_dup(a, st, 8);
	rv->body_md = db_col_dup(a, st, 9);
}

int db_revision_add(struct db *db, const struct revision *rv, long long user_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, rv->item_type);
	sqlite3_bind_int64(st, 2, rv->item_id);
	db_bind_text(st, 3, rv->kind);
	db_bind_text(st, 4, now);
	if (user_id > 0)
		sqlite3_bind_int64(st, 5, user_id);
	db_bind_text(st, 6, rv->user_name ? rv->user_name : "");
	db_bind_text(st, 7, rv->title);
	db_bind_text(st, 8, rv->author ? rv->author : "");
	db_bind_text(st, 9, rv->excerpt ? rv->excerpt : "");
	db_bind_text(st, 10, rv->body_md ? rv->body_md : "");
	if (db_write(db, st, "add revision") < 0 || (st = db_stmt(db, sql_prune)) == NULL)
		return -1;
	db_bind_text(st, 1, rv->item_type);
	sqlite3_bind_int64(st, 2, rv->item_id);
	sqlite3_bind_int(st, 3, REVISIONS_KEEP);
	return db_write(db, st, "prune revisions") < 0 ? -1 : 0;
}

long long db_revisions_of(struct db *db, struct arena *a, const char *item_type,
    long long item_id, struct revision **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_of);
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, item_type);
	sqlite3_bind_int64(st, 2, item_id);
	sqlite3_bind_int(st, 3, REVISIONS_KEEP);
	n = db_step_list(db, st, read_revision, a, sizeof **out, REVISIONS_KEEP, &items, "revisions");
	*out = items;
	return n;
}

int db_revision_by_id(struct db *db, struct arena *a, long long id, struct revision *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_revision(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "revision by id");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

long long db_page_id(struct db *db, const char *slug)
{
	sqlite3_stmt *st = db_stmt(db, sql_page_id);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : -1;
}

const char *db_page_slug(struct db *db, struct arena *a, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_page_slug);
	const char *slug = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		slug = db_col_dup(a, st, 0);
	db_done(st);
	return slug;
}
