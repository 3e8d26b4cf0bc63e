/* wordpress.c: the named SQL statements of the WordPress import and of the old-URL redirects. */
#include "store/wordpress.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/slug.h"

#define EXCERPT_MAX 300
#define MISSING_MAX 100000

static const char sql_known[] =
	"SELECT coalesce(w.post_id, 0), w.version, coalesce(p.version, 0), w.modified_gmt, "
	"coalesce(p.slug, ''), coalesce(p.title, ''), w.media_failed "
	"FROM wp_posts w LEFT JOIN posts p ON p.id = w.post_id WHERE w.site = ?1 AND w.wp_id = ?2";
static const char sql_slug_taken[] =
	"SELECT 1 FROM posts WHERE slug = ?1 AND id <> ?2";
static const char sql_insert[] =
	"INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, body_html, "
	"status, published_at, created_at, updated_at, featured_media_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char sql_update[] =
	"UPDATE posts SET title = ?3, category_id = ?4, author = ?5, excerpt = ?6, body_md = ?7, "
	"body_html = ?8, status = ?9, published_at = ?10, updated_at = ?11, "
	"featured_media_id = ?12, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_record[] =
	"INSERT INTO wp_posts (site, wp_id, post_id, modified_gmt, version, link, imported_at, "
	"media_failed) SELECT ?1, ?2, id, ?3, version, ?4, ?5, ?7 FROM posts WHERE id = ?6 "
	"ON CONFLICT (site, wp_id) DO UPDATE SET post_id = excluded.post_id, "
	"modified_gmt = excluded.modified_gmt, version = excluded.version, link = excluded.link, "
	"imported_at = excluded.imported_at, media_failed = excluded.media_failed";
static const char sql_all_imported[] =
	"SELECT w.wp_id, coalesce(p.title, ''), coalesce(p.slug, '') FROM wp_posts w "
	"LEFT JOIN posts p ON p.id = w.post_id WHERE w.site = ?1 ORDER BY w.wp_id";
static const char sql_media_find[] =
	"SELECT media_id FROM wp_media WHERE site = ?1 AND source_url = ?2";
static const char sql_media_record[] =
	"INSERT OR REPLACE INTO wp_media (site, source_url, media_id) VALUES (?1, ?2, ?3)";
static const char sql_category_find[] =
	"SELECT id FROM categories WHERE slug = ?1";
static const char sql_category_insert[] =
	"INSERT INTO categories (slug, name) VALUES (?1, ?2)";
static const char sql_redirect_set[] =
	"INSERT INTO redirects (path, target, created_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (path) DO UPDATE SET target = excluded.target "
	"WHERE target <> excluded.target";
static const char sql_redirect_find[] =
	"SELECT target FROM redirects WHERE path = ?1";

int db_wp_post_known(struct db *db, struct arena *a, const char *site, long long wp_id,
    struct wp_known *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_known);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, site);
	sqlite3_bind_int64(st, 2, wp_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->post_id = sqlite3_column_int64(st, 0);
		out->version = sqlite3_column_int64(st, 1);
		out->current_version = sqlite3_column_int64(st, 2);
		out->modified_gmt = arena_strdup(a, db_col_text(st, 3));
		out->slug = arena_strdup(a, db_col_text(st, 4));
		out->title = arena_strdup(a, db_col_text(st, 5));
		out->media_failed = sqlite3_column_int(st, 6);
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "wp post known");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Binds ?3.. of the insert and update: the columns both write, with the
 * rendered body and the excerpt. Returns 0 or -1. */
static int bind_post(sqlite3_stmt *st, const struct wp_post_row *p, int first)
{
	char *html = md_to_html(p->body_md, strlen(p->body_md));
	char *ex = p->excerpt[0] ? strdup(p->excerpt)
	    : md_excerpt(p->body_md, strlen(p->body_md), EXCERPT_MAX);
	int rc = html && ex ? 0 : -1;

	db_bind_text(st, first, p->title);
	if (p->category_id)
		sqlite3_bind_int64(st, first + 1, p->category_id);
	db_bind_text(st, first + 2, p->author);
	db_bind_text(st, first + 3, ex);
	db_bind_text(st, first + 4, p->body_md);
	db_bind_text(st, first + 5, html);
	db_bind_text(st, first + 6, p->status);
	db_bind_text(st, first + 7, p->published_at);
	free(html);
	free(ex);
	return rc;
}

long long db_wp_post_insert(struct db *db, const struct wp_post_row *p, const char *want,
    char *buf, size_t n)
{
	sqlite3_stmt *st;
	long long id = -1;

	if (db_unique_slug(db, sql_slug_taken, 0, want, "nyhet", buf, n) < 0 ||
	    (st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, buf);
	if (bind_post(st, p, 2) == 0) {
		db_bind_text(st, 10, p->created_at);
		db_bind_text(st, 11, p->updated_at);
		if (p->featured_media_id)
			sqlite3_bind_int64(st, 12, p->featured_media_id);
		if (sqlite3_step(st) == SQLITE_DONE)
			id = sqlite3_last_insert_rowid(db->h);
		else
			db_log_error(db, "insert imported post");
	}
	db_done(st);
	return id;
}

int db_wp_post_update(struct db *db, long long id, long long version,
    const struct wp_post_row *p)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	if (bind_post(st, p, 3) < 0) {
		db_done(st);
		return -1;
	}
	db_bind_text(st, 11, p->updated_at);
	if (p->featured_media_id)
		sqlite3_bind_int64(st, 12, p->featured_media_id);
	return db_write(db, st, "update imported post");
}

int db_wp_post_record(struct db *db, const char *site, long long wp_id, long long post_id,
    const char *modified_gmt, const char *link, int media_failed)
{
	sqlite3_stmt *st = db_stmt(db, sql_record);
	char now[21];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, site);
	sqlite3_bind_int64(st, 2, wp_id);
	db_bind_text(st, 3, modified_gmt);
	db_bind_text(st, 4, link);
	db_bind_text(st, 5, now);
	sqlite3_bind_int64(st, 6, post_id);
	sqlite3_bind_int(st, 7, media_failed);
	return db_write(db, st, "record imported post") == 1 ? 0 : -1;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

int db_wp_posts_missing(struct db *db, struct arena *a, const char *site,
    const long long *seen, size_t n,
    void (*fn)(void *ctx, long long wp_id, const char *title, const char *slug), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, sql_all_imported);
	int rc, count = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, site);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && count++ < MISSING_MAX) {
		long long id = sqlite3_column_int64(st, 0);

		if (bsearch(&id, seen, n, sizeof *seen, cmp_ll) == NULL)
			fn(ctx, id, arena_strdup(a, db_col_text(st, 1)), arena_strdup(a, db_col_text(st, 2)));
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "imported posts");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

long long db_wp_media_find(struct db *db, const char *site, const char *source_url)
{
	sqlite3_stmt *st = db_stmt(db, sql_media_find);
	long long id = -1;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, site);
	db_bind_text(st, 2, source_url);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		id = 0;
	else
		db_log_error(db, "wp media find");
	db_done(st);
	return id;
}

int db_wp_media_record(struct db *db, const char *site, const char *source_url,
    long long media_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_media_record);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, site);
	db_bind_text(st, 2, source_url);
	sqlite3_bind_int64(st, 3, media_id);
	return db_write(db, st, "record imported file") < 0 ? -1 : 0;
}

long long db_wp_category(struct db *db, const char *slug, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_find);
	long long id = -1;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	db_done(st);
	if (rc == SQLITE_ROW)
		return id;
	if (rc != SQLITE_DONE || (st = db_stmt(db, sql_category_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, name);
	if (db_write(db, st, "insert category") != 1)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

int db_redirect_set(struct db *db, const char *path, const char *target)
{
	sqlite3_stmt *st = db_stmt(db, sql_redirect_set);
	char now[21];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, path);
	db_bind_text(st, 2, target);
	db_bind_text(st, 3, now);
	return db_write(db, st, "set redirect") < 0 ? -1 : 0;
}

int db_redirect_find(struct db *db, struct arena *a, const char *path, const char **target)
{
	sqlite3_stmt *st = db_stmt(db, sql_redirect_find);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, path);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*target = arena_strdup(a, db_col_text(st, 0));
	else if (rc != SQLITE_DONE)
		db_log_error(db, "find redirect");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
