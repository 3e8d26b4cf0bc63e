/* posts.c: the named SQL statements for posts and categories. */
#include "store/posts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/slug.h"
#include "util/timefmt.h"

#define POST_COLS \
	"p.id, p.slug, p.title, p.author, p.excerpt, p.body_md, p.body_html, " \
	"p.status, p.published_at, p.created_at, p.updated_at, " \
	"coalesce(p.category_id, 0), coalesce(c.slug, ''), coalesce(c.name, ''), " \
	FEATURED_COLS
/* The featured image, joined in: not one more query per post. */
#define FEATURED_COLS \
	"coalesce(m.file_name, ''), coalesce(m.mime_type, ''), coalesce(m.alt_text, '') "
#define JOINS \
	"FROM posts p LEFT JOIN categories c ON c.id = p.category_id " \
	"LEFT JOIN media m ON m.id = p.featured_media_id "

/* Lists leave out the bodies, and pick the page's ids from the covering index
 * first, so that OFFSET skips index entries, not joined rows. */
#define LIST_COLS \
	"p.id, p.slug, p.title, p.author, p.excerpt, '', '', " \
	"p.status, p.published_at, p.created_at, p.updated_at, " \
	"coalesce(p.category_id, 0), coalesce(c.slug, ''), coalesce(c.name, ''), " \
	FEATURED_COLS
#define LIST_FROM(where) \
	JOINS "WHERE p.id IN " \
	"(SELECT id FROM posts WHERE " where " ORDER BY published_at DESC, id DESC " \
	"LIMIT ?2 OFFSET ?3) ORDER BY p.published_at DESC, p.id DESC"

static const char sql_public_page[] =
	"SELECT " LIST_COLS LIST_FROM("status = 'published' AND published_at <= ?1");
static const char sql_public_count[] =
	"SELECT count(*) FROM posts WHERE status = 'published' AND published_at <= ?1";
static const char sql_category_page[] =
	"SELECT " LIST_COLS LIST_FROM("category_id = ?4 AND status = 'published' "
	    "AND published_at <= ?1");
static const char sql_category_count[] =
	"SELECT count(*) FROM posts WHERE category_id = ?2 AND status = 'published' "
	"AND published_at <= ?1";
static const char sql_public_by_slug[] =
	"SELECT " POST_COLS JOINS "WHERE p.slug = ?1 AND p.status = 'published' AND p.published_at <= ?2";
static const char sql_data_version[] = "PRAGMA data_version";
static const char sql_next_public[] =
	"SELECT coalesce(min(published_at), '') FROM posts "
	"WHERE status = 'published' AND published_at > ?1";
static const char sql_category_by_slug[] =
	"SELECT id, slug, name, description FROM categories WHERE slug = ?1";
static const char sql_category_insert[] =
	"INSERT INTO categories (slug, name, description) VALUES (?1, ?2, ?3)";
static const char sql_slug_taken[] =
	"SELECT 1 FROM posts WHERE slug = ?1 AND id <> ?2";
static const char sql_post_insert[] =
	"INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, "
	"body_html, status, published_at, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";

#define EXCERPT_MAX 300

void db_post_read(sqlite3_stmt *st, struct arena *a, struct post *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->slug = arena_strdup(a, db_col_text(st, 1));
	p->title = arena_strdup(a, db_col_text(st, 2));
	p->author = arena_strdup(a, db_col_text(st, 3));
	p->excerpt = arena_strdup(a, db_col_text(st, 4));
	p->body_md = arena_strdup(a, db_col_text(st, 5));
	p->body_html = arena_strdup(a, db_col_text(st, 6));
	p->status = arena_strdup(a, db_col_text(st, 7));
	p->published_at = arena_strdup(a, db_col_text(st, 8));
	p->created_at = arena_strdup(a, db_col_text(st, 9));
	p->updated_at = arena_strdup(a, db_col_text(st, 10));
	p->category_id = sqlite3_column_int64(st, 11);
	p->category_slug = arena_strdup(a, db_col_text(st, 12));
	p->category_name = arena_strdup(a, db_col_text(st, 13));
}

/* The post's columns and then its featured image's. */
static void read_post(sqlite3_stmt *st, struct arena *a, struct post *p)
{
	db_post_read(st, a, p);
	p->featured_file = arena_strdup(a, db_col_text(st, 14));
	p->featured_mime = arena_strdup(a, db_col_text(st, 15));
	p->featured_alt = arena_strdup(a, db_col_text(st, 16));
}

static int count_public(struct db *db, const char *now, long long category_id,
    long long *total)
{
	sqlite3_stmt *st = db_stmt(db, category_id ? sql_category_count : sql_public_count);
	int rc = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, now);
	if (category_id)
		sqlite3_bind_int64(st, 2, category_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*total = sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		db_log_error(db, "count posts");
	}
	db_done(st);
	return rc;
}

/* What this connection sees of the data: commits by other connections
 * (data_version) and its own changes. Returns 0 or -1. */
static int data_stamp(struct db *db, long long *version, long long *changes)
{
	sqlite3_stmt *st = db_stmt(db, sql_data_version);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	db_done(st);
	*changes = sqlite3_total_changes64(db->h);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Writes the publication time of the next scheduled post into until ("" when
 * none). Returns 0 or -1. */
static int next_public(struct db *db, const char *now, char until[TIME_UTC_LEN])
{
	sqlite3_stmt *st = db_stmt(db, sql_next_public);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, now);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(until, TIME_UTC_LEN, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* count_public for all categories, without counting again while nothing
 * changed: the list pages and the start page ask for it on every request. */
static int count_all_cached(struct db *db, const char *now, long long *total)
{
	long long version, changes;

	if (data_stamp(db, &version, &changes) < 0)
		return -1;
	if (db->public_posts.valid && db->public_posts.version == version &&
	    db->public_posts.changes == changes && (db->public_posts.until[0] == '\0' ||
	    strcmp(now, db->public_posts.until) < 0)) {
		*total = db->public_posts.total;
		return 0;
	}
	db->public_posts.valid = false;
	if (count_public(db, now, 0, total) < 0 ||
	    next_public(db, now, db->public_posts.until) < 0)
		return -1;
	db->public_posts.total = *total;
	db->public_posts.version = version;
	db->public_posts.changes = changes;
	db->public_posts.valid = true;
	return 0;
}

int db_posts_public(struct db *db, struct arena *a, long long category_id,
    long long page, int per, struct post_page *out)
{
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];
	int rc, ret = -1;

	memset(out, 0, sizeof *out);
	db_now(now);
	if ((category_id ? count_public(db, now, category_id, &out->total)
	    : count_all_cached(db, now, &out->total)) < 0)
		return -1;
	if ((st = db_stmt(db, category_id ? sql_category_page : sql_public_page)) == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * (size_t)per);
	db_bind_text(st, 1, now);
	sqlite3_bind_int(st, 2, per);
	sqlite3_bind_int64(st, 3, (page - 1) * per);
	if (category_id)
		sqlite3_bind_int64(st, 4, category_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)per)
		read_post(st, a, &out->items[out->count++]);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		ret = 0;
	else
		db_log_error(db, "list posts");
	db_done(st);
	return ret;
}

int db_post_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct post *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_public_by_slug);
	char now[TIME_UTC_LEN];
	int rc;

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_post(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "post by slug");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_category_by_slug(struct db *db, struct arena *a, const char *slug,
    struct category *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_by_slug);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->slug = arena_strdup(a, db_col_text(st, 1));
		out->name = arena_strdup(a, db_col_text(st, 2));
		out->description = arena_strdup(a, db_col_text(st, 3));
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "category by slug");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

long long db_category_insert(struct db *db, const char *slug, const char *name,
    const char *description)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_insert);
	long long id = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, description);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "insert category");
	db_done(st);
	return id;
}

int db_post_unique_slug(struct db *db, const char *title, long long except_id,
    char *buf, size_t n)
{
	return db_unique_slug(db, sql_slug_taken, except_id, title, "nyhet", buf, n);
}

long long db_post_insert(struct db *db, const struct post_input *in)
{
	sqlite3_stmt *st;
	char slug[SLUG_MAX + 1], pub[TIME_UTC_LEN], now[TIME_UTC_LEN];
	char *html = NULL, *excerpt = NULL;
	long long id = -1;

	if (db_post_unique_slug(db, in->title, 0, slug, sizeof slug) < 0)
		return -1;
	html = md_to_html(in->body_md, strlen(in->body_md));
	excerpt = in->excerpt[0] ? strdup(in->excerpt)
	    : md_excerpt(in->body_md, strlen(in->body_md), EXCERPT_MAX);
	if (html == NULL || excerpt == NULL || (st = db_stmt(db, sql_post_insert)) == NULL)
		goto out;
	time_format_utc(in->published_at, pub);
	db_now(now);
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, in->title);
	if (in->category_id)
		sqlite3_bind_int64(st, 3, in->category_id);
	db_bind_text(st, 4, in->author);
	db_bind_text(st, 5, excerpt);
	db_bind_text(st, 6, in->body_md);
	db_bind_text(st, 7, html);
	db_bind_text(st, 8, in->status);
	db_bind_text(st, 9, pub);
	db_bind_text(st, 10, now);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "insert post");
	db_done(st);
out:
	free(html);
	free(excerpt);
	return id;
}

static const char sql_feed[] =
	"SELECT " POST_COLS JOINS "WHERE p.status = 'published' AND p.published_at <= ?1 "
	"ORDER BY p.published_at DESC, p.id DESC LIMIT ?2";
static const char sql_category_feed[] =
	"SELECT " POST_COLS JOINS "WHERE p.category_id = ?3 AND p.status = 'published' "
	"AND p.published_at <= ?1 ORDER BY p.published_at DESC, p.id DESC LIMIT ?2";

int db_posts_feed(struct db *db, struct arena *a, long long category_id, int n,
    struct post_page *out)
{
	sqlite3_stmt *st = db_stmt(db, category_id ? sql_category_feed : sql_feed);
	char now[TIME_UTC_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * (size_t)n);
	db_now(now);
	db_bind_text(st, 1, now);
	sqlite3_bind_int(st, 2, n);
	if (category_id)
		sqlite3_bind_int64(st, 3, category_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)n)
		read_post(st, a, &out->items[out->count++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "feed posts");
	db_done(st);
	out->total = (long long)out->count;
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}
