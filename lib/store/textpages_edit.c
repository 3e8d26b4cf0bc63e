/* textpages_edit.c: the named SQL statements of editing the text pages. */
#include "store/textpages_edit.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/timefmt.h"

#define COLS "slug, title, body_md, body_html, updated_at, version "

static const char sql_all[] =
	"SELECT " COLS "FROM pages ORDER BY slug LIMIT ?1";
static const char sql_by_slug[] =
	"SELECT " COLS "FROM pages WHERE slug = ?1";
static const char sql_update[] =
	"UPDATE pages SET title = ?3, body_md = ?4, body_html = ?5, updated_at = ?6, "
	"version = version + 1 WHERE slug = ?1 AND version = ?2";

static void read_row(sqlite3_stmt *st, struct arena *a, struct text_page *p)
{
	p->slug = arena_strdup(a, db_col_text(st, 0));
	p->title = arena_strdup(a, db_col_text(st, 1));
	p->body_md = arena_strdup(a, db_col_text(st, 2));
	p->body_html = arena_strdup(a, db_col_text(st, 3));
	p->updated_at = arena_strdup(a, db_col_text(st, 4));
}

long long db_text_pages_all(struct db *db, struct arena *a, struct text_page **out, size_t max)
{
	sqlite3_stmt *st = db_stmt(db, sql_all);
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	*out = arena_alloc(a, sizeof **out * (max ? max : 1));
	sqlite3_bind_int64(st, 1, (long long)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && (size_t)n < max)
		read_row(st, a, &(*out)[n++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "all text pages");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

int db_text_page_edit(struct db *db, struct arena *a, const char *slug,
    struct text_page *out, long long *version)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_slug);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_row(st, a, out);
		*version = sqlite3_column_int64(st, 5);
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "text page for editing");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_text_page_update(struct db *db, const char *slug, long long version,
    const char *title, const char *body_md)
{
	char *html = md_to_html(body_md, strlen(body_md));
	char now[TIME_UTC_LEN];
	sqlite3_stmt *st;
	int ret = -1;

	if (html == NULL || (st = db_stmt(db, sql_update)) == NULL)
		goto out;
	db_now(now);
	db_bind_text(st, 1, slug);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, title);
	db_bind_text(st, 4, body_md);
	db_bind_text(st, 5, html);
	db_bind_text(st, 6, now);
	ret = db_write(db, st, "update text page");
out:
	free(html);
	return ret;
}
