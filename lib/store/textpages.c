/* textpages.c: the named SQL statements for the text pages. */
#include "store/textpages.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/timefmt.h"

static const char sql_by_slug[] =
	"SELECT slug, title, body_md, body_html, updated_at FROM pages WHERE slug = ?1";
static const char sql_save[] =
	"INSERT INTO pages (slug, title, body_md, body_html, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (slug) DO UPDATE SET "
	"title = excluded.title, body_md = excluded.body_md, "
	"body_html = excluded.body_html, updated_at = excluded.updated_at";

int db_text_page(struct db *db, struct arena *a, const char *slug, struct text_page *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_slug);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->slug = arena_strdup(a, db_col_text(st, 0));
		out->title = arena_strdup(a, db_col_text(st, 1));
		out->body_md = arena_strdup(a, db_col_text(st, 2));
		out->body_html = arena_strdup(a, db_col_text(st, 3));
		out->updated_at = arena_strdup(a, db_col_text(st, 4));
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "text page");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_text_page_save(struct db *db, const char *slug, const char *title,
    const char *body_md)
{
	char *html = md_to_html(body_md, strlen(body_md));
	char now[TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc = -1;

	if (html == NULL || (st = db_stmt(db, sql_save)) == NULL)
		goto out;
	db_now(now);
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, body_md);
	db_bind_text(st, 4, html);
	db_bind_text(st, 5, now);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		db_log_error(db, "save text page");
	db_done(st);
out:
	free(html);
	return rc;
}
