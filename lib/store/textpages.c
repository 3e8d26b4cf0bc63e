/* textpages.c: the named SQL statements for the text pages. */
#include "store/textpages.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/timefmt.h"

/* Every page query selects these columns, in this order (read_page). */
#define COLS "slug, title, body_md, body_html, updated_at, version "

static const char sql_all[] =
	"SELECT " COLS "FROM pages ORDER BY slug LIMIT ?1";
static const char sql_by_slug[] =
	"SELECT " COLS "FROM pages WHERE slug = ?1";
static const char sql_update[] =
	"UPDATE pages SET title = ?3, body_md = ?4, body_html = ?5, updated_at = ?6, "
	"version = version + 1 WHERE slug = ?1 AND version = ?2";

/* The one reader of a page row. */
static void read_page(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct text_page *p = out;

	p->slug = db_col_dup(a, st, 0);
	p->title = db_col_dup(a, st, 1);
	p->body_md = db_col_dup(a, st, 2);
	p->body_html = db_col_dup(a, st, 3);
	p->updated_at = db_col_dup(a, st, 4);
	p->version = sqlite3_column_int64(st, 5);
}

int db_text_page(struct db *db, struct arena *a, const char *slug, struct text_page *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_slug);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_step_one(db, st, read_page, a, out, "text page");
}

long long db_text_pages_all(struct db *db, struct arena *a, struct text_page **out, size_t max)
{
	sqlite3_stmt *st = db_stmt(db, sql_all);
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)max);
	n = db_step_list(db, st, read_page, a, sizeof **out, max, &items, "all text pages");
	*out = items;
	return n;
}

int db_text_page_edit(struct db *db, struct arena *a, const char *slug,
    struct text_page *out, long long *version)
{
	int rc = db_text_page(db, a, slug, out);

	if (rc == 1 && version)
		*version = out->version;
	return rc;
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
