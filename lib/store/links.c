/* links.c: the named SQL statements of the link checks. */
#include "store/links.h"

#include <string.h>

static const char sql_sources[] =
	"SELECT body_html FROM posts WHERE status = 'published' AND updated_at >= ?1 "
	"UNION ALL SELECT description_html FROM events WHERE status <> 'draft' AND updated_at >= ?1 "
	"UNION ALL SELECT body_html FROM pages WHERE updated_at >= ?1";
static const char sql_set[] =
	"INSERT OR REPLACE INTO link_checks (url, status, error, broken, checked_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";
/* body_md holds the URL as written (cmark writes the same href in body_html). */
static const char sql_broken[] =
	"SELECT l.url, l.status, l.error, l.checked_at, 'post', p.id, p.title, p.slug "
	"FROM link_checks l JOIN posts p ON instr(p.body_md, l.url) > 0 WHERE l.broken = 1 "
	"UNION ALL SELECT l.url, l.status, l.error, l.checked_at, 'event', e.id, e.title, e.slug "
	"FROM link_checks l JOIN events e ON instr(e.description_md, l.url) > 0 WHERE l.broken = 1 "
	"UNION ALL SELECT l.url, l.status, l.error, l.checked_at, 'page', g.id, g.title, g.slug "
	"FROM link_checks l JOIN pages g ON instr(g.body_md, l.url) > 0 WHERE l.broken = 1 "
	"ORDER BY 7, 1 LIMIT 1000";
static const char sql_checked[] =
	"SELECT count(*), coalesce(max(checked_at), '') FROM link_checks";

int db_links_sources(struct db *db, const char *since,
    void (*fn)(void *ctx, const char *html), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, sql_sources);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, db_col_text(st, 0));
	if (rc != SQLITE_DONE)
		db_log_error(db, "link sources");
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_link_check_set(struct db *db, const char *url, long status, const char *error,
    bool broken)
{
	sqlite3_stmt *st = db_stmt(db, sql_set);
	char now[21];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, url);
	sqlite3_bind_int64(st, 2, status);
	db_bind_text(st, 3, error);
	sqlite3_bind_int(st, 4, broken);
	db_bind_text(st, 5, now);
	return db_write(db, st, "link check") < 0 ? -1 : 0;
}

long long db_links_broken(struct db *db, struct arena *a, struct broken_link **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_broken);
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	*out = arena_alloc(a, sizeof **out * LINKS_BROKEN_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < LINKS_BROKEN_MAX) {
		struct broken_link *b = &(*out)[n++];

		b->url = arena_strdup(a, db_col_text(st, 0));
		b->status = sqlite3_column_int(st, 1);
		b->error = arena_strdup(a, db_col_text(st, 2));
		b->checked_at = arena_strdup(a, db_col_text(st, 3));
		b->kind = arena_strdup(a, db_col_text(st, 4));
		b->id = sqlite3_column_int64(st, 5);
		b->title = arena_strdup(a, db_col_text(st, 6));
		b->slug = arena_strdup(a, db_col_text(st, 7));
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "broken links");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

int db_links_checked(struct db *db, struct arena *a, long long *count, const char **last)
{
	sqlite3_stmt *st = db_stmt(db, sql_checked);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		*last = arena_strdup(a, db_col_text(st, 1));
	} else {
		db_log_error(db, "links checked");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}
