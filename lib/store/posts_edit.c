/* posts_edit.c: the named SQL statements of post editing. */
#include "store/posts_edit.h"

#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/timefmt.h"

#define EXCERPT_MAX 300
#define CATEGORIES_MAX 500

const char *const post_filters[] = { "utkast", "schemalagd", "publicerad", NULL };

#define ADMIN_COLS \
	"p.id, p.slug, p.title, p.author, p.excerpt, p.body_md, '', " \
	"p.status, p.published_at, p.created_at, p.updated_at, " \
	"coalesce(p.category_id, 0), coalesce(c.slug, ''), coalesce(c.name, ''), p.version "

#define ADMIN_WHERE \
	"WHERE (?1 = '' OR instr(sv_lower(p.title), sv_lower(?1)) > 0) AND (?2 = '' " \
	"OR (?2 = 'utkast' AND p.status = 'draft') " \
	"OR (?2 = 'schemalagd' AND p.status = 'published' AND p.published_at > ?3) " \
	"OR (?2 = 'publicerad' AND p.status = 'published' AND p.published_at <= ?3)) "

static const char sql_admin_page[] =
	"SELECT " ADMIN_COLS "FROM posts p LEFT JOIN categories c ON c.id = p.category_id "
	ADMIN_WHERE "ORDER BY p.updated_at DESC, p.id DESC LIMIT ?4 OFFSET ?5";
static const char sql_admin_count[] =
	"SELECT count(*) FROM posts p " ADMIN_WHERE;
static const char sql_by_id[] =
	"SELECT p.id, p.slug, p.title, p.author, p.excerpt, p.body_md, p.body_html, "
	"p.status, p.published_at, p.created_at, p.updated_at, "
	"coalesce(p.category_id, 0), coalesce(c.slug, ''), coalesce(c.name, ''), p.version "
	"FROM posts p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?1";
static const char sql_update[] =
	"UPDATE posts SET title = ?3, category_id = ?4, author = ?5, excerpt = ?6, "
	"body_md = ?7, body_html = ?8, status = ?9, published_at = ?10, updated_at = ?11, "
	"version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_delete[] =
	"DELETE FROM posts WHERE id = ?1";
static const char sql_categories[] =
	"SELECT id, slug, name, description FROM categories ORDER BY name LIMIT 500";

static void bind_filter(sqlite3_stmt *st, const char *q, const char *filter, const char *now)
{
	db_bind_text(st, 1, q);
	db_bind_text(st, 2, filter);
	db_bind_text(st, 3, now);
}

int db_posts_admin(struct db *db, struct arena *a, const char *q, const char *filter,
    long long page, int per, struct post_page *out)
{
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	db_now(now);
	if ((st = db_stmt(db, sql_admin_count)) == NULL)
		return -1;
	bind_filter(st, q, filter, now);
	if (sqlite3_step(st) == SQLITE_ROW)
		out->total = sqlite3_column_int64(st, 0);
	db_done(st);
	if ((st = db_stmt(db, sql_admin_page)) == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * (size_t)per);
	bind_filter(st, q, filter, now);
	sqlite3_bind_int(st, 4, per);
	sqlite3_bind_int64(st, 5, (page - 1) * per);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)per)
		db_post_read(st, a, &out->items[out->count++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "admin posts");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int db_post_by_id(struct db *db, struct arena *a, long long id, struct post *out,
    long long *version)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_post_read(st, a, out);
		*version = sqlite3_column_int64(st, 14);
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "post by id");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_post_update(struct db *db, long long id, long long version,
    const struct post_input *in)
{
	char pub[TIME_UTC_LEN], now[TIME_UTC_LEN];
	char *html = md_to_html(in->body_md, strlen(in->body_md));
	char *excerpt = in->excerpt[0] ? strdup(in->excerpt)
	    : md_excerpt(in->body_md, strlen(in->body_md), EXCERPT_MAX);
	sqlite3_stmt *st = NULL;
	int ret = -1;

	if (html == NULL || excerpt == NULL || (st = db_stmt(db, sql_update)) == NULL)
		goto out;
	time_format_utc(in->published_at, pub);
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, in->title);
	if (in->category_id)
		sqlite3_bind_int64(st, 4, in->category_id);
	db_bind_text(st, 5, in->author);
	db_bind_text(st, 6, excerpt);
	db_bind_text(st, 7, in->body_md);
	db_bind_text(st, 8, html);
	db_bind_text(st, 9, in->status);
	db_bind_text(st, 10, pub);
	db_bind_text(st, 11, now);
	ret = db_write(db, st, "update post");
out:
	free(html);
	free(excerpt);
	return ret;
}

int db_post_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete post");
}

int db_categories_all(struct db *db, struct arena *a, struct category **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_categories);
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	*out = arena_alloc(a, sizeof **out * CATEGORIES_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < CATEGORIES_MAX) {
		struct category *c = &(*out)[(*n)++];

		c->id = sqlite3_column_int64(st, 0);
		c->slug = arena_strdup(a, db_col_text(st, 1));
		c->name = arena_strdup(a, db_col_text(st, 2));
		c->description = arena_strdup(a, db_col_text(st, 3));
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "categories");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

const char *post_state_label(const char *status, const char *published_at, const char *now)
{
	if (strcmp(status, "published") != 0)
		return "Utkast";
	return strcmp(published_at, now) > 0 ? "Schemalagd" : "Publicerad";
}
