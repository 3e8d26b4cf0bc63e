/* rerender.c: making the stored HTML of every text again when the Markdown renderer changed. */
#include "store/rerender.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"

static const char sql_has_table[] =
	"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'markdown_render'";
static const char sql_version[] =
	"SELECT version FROM markdown_render WHERE id = 1";
static const char sql_set_version[] =
	"UPDATE markdown_render SET version = ?1 WHERE id = 1";
static const char sql_posts[] =
	"SELECT id, body_md FROM posts";
static const char sql_post_set[] =
	"UPDATE posts SET body_html = ?2 WHERE id = ?1";
static const char sql_events[] =
	"SELECT id, description_md FROM events";
static const char sql_event_set[] =
	"UPDATE events SET description_html = ?2, description_text = ?3 WHERE id = ?1";
static const char sql_pages[] =
	"SELECT id, body_md FROM pages";
static const char sql_page_set[] =
	"UPDATE pages SET body_html = ?2 WHERE id = ?1";

/* Renders column 1 of every row of list and writes it with set (?1 id,
 * ?2 HTML, and ?3 plain text when with_text). Returns the rows, or -1. */
static long long render_table(struct db *db, const char *list, const char *set, bool with_text)
{
	sqlite3 *h = db->h;
	sqlite3_stmt *rd = NULL, *wr = NULL;
	long long n = 0;
	int rc;

	/* two statements at once: prepared here, not from the shared cache */
	if (sqlite3_prepare_v2(h, list, -1, &rd, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, set, -1, &wr, NULL) != SQLITE_OK) {
		n = -1;
		goto out;
	}
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		const char *md = (const char *)sqlite3_column_text(rd, 1);
		size_t len = (size_t)sqlite3_column_bytes(rd, 1);
		char *html = md_to_html(md ? md : "", md ? len : 0);
		char *text = with_text ? md_to_text(md ? md : "", md ? len : 0) : NULL;

		if (html == NULL || (with_text && text == NULL)) {
			free(html);
			free(text);
			n = -1;
			goto out;
		}
		sqlite3_bind_int64(wr, 1, sqlite3_column_int64(rd, 0));
		sqlite3_bind_text(wr, 2, html, -1, free);
		if (with_text)
			sqlite3_bind_text(wr, 3, text, -1, free);
		rc = sqlite3_step(wr);
		sqlite3_reset(wr);
		if (rc != SQLITE_DONE) {
			n = -1;
			goto out;
		}
		n++;
	}
	if (rc != SQLITE_DONE)
		n = -1;
out:
	if (n < 0)
		fprintf(stderr, "render again: %s\n", sqlite3_errmsg(h));
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	return n;
}

int md_rerender_stale(struct db *db, FILE *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_has_table);
	long long posts, events, pages;
	int version = -1, rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_done(st);
	if (rc <= 0)
		return rc;
	if ((st = db_stmt(db, sql_version)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	db_done(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (version >= MD_RENDER_VERSION)
		return 0;
	if (db_begin(db) < 0)
		return -1;
	posts = render_table(db, sql_posts, sql_post_set, false);
	events = posts < 0 ? -1 : render_table(db, sql_events, sql_event_set, true);
	pages = events < 0 ? -1 : render_table(db, sql_pages, sql_page_set, false);
	if (pages < 0 || (st = db_stmt(db, sql_set_version)) == NULL)
		goto fail;
	sqlite3_bind_int(st, 1, MD_RENDER_VERSION);
	if (db_write(db, st, "markdown version") != 1 || db_commit(db) < 0)
		goto fail;
	fprintf(out, "rendered %lld news posts, %lld events and %lld pages again "
	    "(Markdown renderer %d)\n", posts, events, pages, MD_RENDER_VERSION);
	return 1;
fail:
	db_rollback(db);
	return -1;
}
