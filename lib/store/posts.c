/* posts.c: the named SQL statements for posts and categories: public lists and pages, and editing. */
#include "store/posts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"
#include "util/slug.h"
#include "util/timefmt.h"

#define POST_ANCHOR_EVERY 1000   /* rows from one anchor to the next */
#define EXCERPT_MAX 300
#define CATEGORIES_MAX 500

const char *const post_filters[] = { "utkast", "schemalagd", "publicerad", NULL };

/* Every post query selects these columns, in this order (read_post). The
 * featured image is joined in: not one more query per post. */
#define COLS_OF(body_md, body_html) \
	"p.id, p.slug, p.title, p.author, p.excerpt, " body_md ", " body_html ", " \
	"p.status, p.published_at, p.created_at, p.updated_at, " \
	"coalesce(p.category_id, 0), coalesce(c.slug, ''), coalesce(c.name, ''), " \
	"coalesce(m.file_name, ''), coalesce(m.mime_type, ''), coalesce(m.alt_text, ''), " \
	"coalesce(m.id, 0), p.version "
#define POST_COLS COLS_OF("p.body_md", "p.body_html")
/* Lists leave out the bodies. */
#define LIST_COLS COLS_OF("''", "''")
#define JOINS \
	"FROM posts p LEFT JOIN categories c ON c.id = p.category_id " \
	"LEFT JOIN media m ON m.id = p.featured_media_id "

/* Public lists pick the page's ids from the covering index first, so that
 * OFFSET skips index entries, not joined rows. */
#define LIST_FROM(where) \
	JOINS "WHERE p.id IN " \
	"(SELECT id FROM posts WHERE " where " ORDER BY published_at DESC, id DESC " \
	"LIMIT ?2 OFFSET ?3) ORDER BY p.published_at DESC, p.id DESC"

static const char sql_public_page[] =
	"SELECT " LIST_COLS LIST_FROM("status = 'published' AND published_at <= ?1");
/* From an anchor (?5, ?6) on: a row value the index seeks to. The anchor is
 * a public post, so "published_at <= now" holds after it (and left in, it
 * would be the range the planner picks). ?1 is bound but not used. */
static const char sql_public_page_from[] =
	"SELECT " LIST_COLS LIST_FROM("status = 'published' AND (published_at, id) <= (?5, ?6)");
/* The whole list's keys, newest first (its count and anchors). */
static const char sql_public_keys[] =
	"SELECT published_at, id FROM posts WHERE status = 'published' AND published_at <= ?1 "
	"ORDER BY published_at DESC, id DESC";
static const char sql_category_page[] =
	"SELECT " LIST_COLS LIST_FROM("category_id = ?4 AND status = 'published' "
	    "AND published_at <= ?1");
static const char sql_category_page_from[] =
	"SELECT " LIST_COLS LIST_FROM("category_id = ?4 AND status = 'published' "
	    "AND (published_at, id) <= (?5, ?6)");
static const char sql_category_keys[] =
	"SELECT published_at, id FROM posts WHERE category_id = ?2 AND status = 'published' "
	"AND published_at <= ?1 ORDER BY published_at DESC, id DESC";
static const char sql_public_by_slug[] =
	"SELECT " POST_COLS JOINS "WHERE p.slug = ?1 AND p.status = 'published' AND p.published_at <= ?2";
static const char sql_next_public[] =
	"SELECT coalesce(min(published_at), '') FROM posts "
	"WHERE status = 'published' AND published_at > ?1";
static const char sql_category_by_slug[] =
	"SELECT id, slug, name, description FROM categories WHERE slug = ?1";
static const char sql_category_insert[] =
	"INSERT INTO categories (slug, name, description) VALUES (?1, ?2, ?3)";
static const char sql_categories[] =
	"SELECT id, slug, name, description FROM categories ORDER BY name LIMIT ?1";
static const char sql_slug_taken[] =
	"SELECT 1 FROM posts WHERE slug = ?1 AND id <> ?2";
static const char sql_insert[] =
	"INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, "
	"body_html, status, published_at, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
static const char sql_update[] =
	"UPDATE posts SET title = ?2, category_id = ?3, author = ?4, excerpt = ?5, "
	"body_md = ?6, body_html = ?7, status = ?8, published_at = ?9, updated_at = ?10, "
	"version = version + 1 WHERE id = ?11 AND version = ?12";
static const char sql_delete[] =
	"DELETE FROM posts WHERE id = ?1";
static const char sql_set_featured[] =
	"UPDATE posts SET featured_media_id = ?2 WHERE id = ?1";

#define ADMIN_WHERE \
	"WHERE (?1 = '' OR instr(sv_lower(p.title), sv_lower(?1)) > 0) AND (?2 = '' " \
	"OR (?2 = 'utkast' AND p.status = 'draft') " \
	"OR (?2 = 'schemalagd' AND p.status = 'published' AND p.published_at > ?3) " \
	"OR (?2 = 'publicerad' AND p.status = 'published' AND p.published_at <= ?3)) "
static const char sql_admin_page[] =
	"SELECT " COLS_OF("p.body_md", "''") JOINS ADMIN_WHERE
	"ORDER BY p.updated_at DESC, p.id DESC LIMIT ?4 OFFSET ?5";
static const char sql_admin_count[] =
	"SELECT count(*) FROM posts p " ADMIN_WHERE;
static const char sql_by_id[] =
	"SELECT " POST_COLS JOINS "WHERE p.id = ?1";

/* The one reader of a post row (the columns of COLS_OF). */
static void read_post(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct post *p = out;

	p->id = sqlite3_column_int64(st, 0);
	p->slug = db_col_dup(a, st, 1);
	p->title = db_col_dup(a, st, 2);
	p->author = db_col_dup(a, st, 3);
	p->excerpt = db_col_dup(a, st, 4);
	p->body_md = db_col_dup(a, st, 5);
	p->body_html = db_col_dup(a, st, 6);
	p->status = db_col_dup(a, st, 7);
	p->published_at = db_col_dup(a, st, 8);
	p->created_at = db_col_dup(a, st, 9);
	p->updated_at = db_col_dup(a, st, 10);
	p->category_id = sqlite3_column_int64(st, 11);
	p->category_slug = db_col_dup(a, st, 12);
	p->category_name = db_col_dup(a, st, 13);
	p->featured_file = db_col_dup(a, st, 14);
	p->featured_mime = db_col_dup(a, st, 15);
	p->featured_alt = db_col_dup(a, st, 16);
	p->featured_id = sqlite3_column_int64(st, 17);
	p->version = sqlite3_column_int64(st, 18);
}

static void read_category(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct category *c = out;

	c->id = sqlite3_column_int64(st, 0);
	c->slug = db_col_dup(a, st, 1);
	c->name = db_col_dup(a, st, 2);
	c->description = db_col_dup(a, st, 3);
}

/* Steps a list of posts into out->items, at most per. Returns 0 or -1. */
static int read_page(struct db *db, struct arena *a, sqlite3_stmt *st, int per,
    struct post_page *out, const char *what)
{
	void *items;
	long long n = db_step_list(db, st, read_post, a, sizeof *out->items,
	    (size_t)per, &items, what);

	out->items = items;
	out->count = n > 0 ? (size_t)n : 0;
	return n < 0 ? -1 : 0;
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

/* Reads the whole list l once (from the covering index): its count and its
 * anchors. Returns 0 or -1. */
static int scan_list(struct db *db, const char *now, struct post_list *l)
{
	sqlite3_stmt *st = db_stmt(db, l->category_id ? sql_category_keys : sql_public_keys);
	size_t cap = 0;
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, now);
	if (l->category_id)
		sqlite3_bind_int64(st, 2, l->category_id);
	l->nanchors = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (++n % POST_ANCHOR_EVERY != 1 || n == 1)
			continue;
		if (l->nanchors == cap) {
			struct post_anchor *m = realloc(l->anchors, (cap = cap ? cap * 2 : 16) * sizeof *m);
			if (m == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			l->anchors = m;
		}
		snprintf(l->anchors[l->nanchors].published_at, TIME_UTC_LEN, "%s", db_col_text(st, 0));
		l->anchors[l->nanchors++].id = sqlite3_column_int64(st, 1);
	}
	if (rc != SQLITE_DONE)
		db_log_error(db, "scan posts");
	db_done(st);
	l->total = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The state of the public list of category_id (0: all), read again when the
 * data or the time has moved. Returns NULL on error. */
static struct post_list *list_state(struct db *db, const char *now, long long category_id)
{
	struct post_list *l = NULL;
	long long version, changes;
	size_t i;

	if (db_data_stamp(db, &version, &changes) < 0)
		return NULL;
	for (i = 0; i < DB_POST_LISTS; i++) {
		struct post_list *c = &db->post_lists[i];

		if (c->valid && c->category_id == category_id) {
			l = c;
			break;
		}
		if (l == NULL || !c->valid || (l->valid && c->used < l->used))
			l = c;
	}
	l->used = ++db->post_lists_used;
	if (l->valid && l->category_id == category_id && l->version == version &&
	    l->changes == changes && (l->until[0] == '\0' || strcmp(now, l->until) < 0))
		return l;
	l->valid = false;
	l->category_id = category_id;
	if (scan_list(db, now, l) < 0 || next_public(db, now, l->until) < 0)
		return NULL;
	l->version = version;
	l->changes = changes;
	l->valid = true;
	return l;
}

int db_posts_count(struct db *db, long long *n)
{
	char now[TIME_UTC_LEN];
	struct post_list *l;

	db_now(now);
	if ((l = list_state(db, now, 0)) == NULL)
		return -1;
	*n = l->total;
	return 0;
}

int db_posts_public(struct db *db, struct arena *a, long long category_id,
    long long page, int per, struct post_page *out)
{
	long long offset = (page - 1) * per, k;
	struct post_list *l;
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];

	memset(out, 0, sizeof *out);
	db_now(now);
	if ((l = list_state(db, now, category_id)) == NULL)
		return -1;
	out->total = l->total;
	/* Start at the last anchor at or before the page: OFFSET stays below
	 * POST_ANCHOR_EVERY whatever the page number. */
	k = offset / POST_ANCHOR_EVERY;
	if (k > (long long)l->nanchors)
		k = (long long)l->nanchors;
	st = db_stmt(db, k == 0 ? (category_id ? sql_category_page : sql_public_page)
	    : (category_id ? sql_category_page_from : sql_public_page_from));
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, now);
	sqlite3_bind_int(st, 2, per);
	sqlite3_bind_int64(st, 3, offset - k * POST_ANCHOR_EVERY);
	if (category_id)
		sqlite3_bind_int64(st, 4, category_id);
	if (k > 0) {
		db_bind_text(st, 5, l->anchors[k - 1].published_at);
		sqlite3_bind_int64(st, 6, l->anchors[k - 1].id);
	}
	return read_page(db, a, st, per, out, "list posts");
}

int db_post_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct post *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_public_by_slug);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, now);
	return db_step_one(db, st, read_post, a, out, "post by slug");
}

int db_category_by_slug(struct db *db, struct arena *a, const char *slug,
    struct category *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_by_slug);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_step_one(db, st, read_category, a, out, "category by slug");
}

long long db_category_insert(struct db *db, const char *slug, const char *name,
    const char *description)
{
	sqlite3_stmt *st = db_stmt(db, sql_category_insert);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, description);
	return db_insert(db, st, "insert category");
}

int db_categories_all(struct db *db, struct arena *a, struct category **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_categories);
	void *items;
	long long got;

	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, CATEGORIES_MAX);
	got = db_step_list(db, st, read_category, a, sizeof **out, CATEGORIES_MAX, &items,
	    "categories");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

int db_post_unique_slug(struct db *db, const char *title, long long except_id,
    char *buf, size_t n)
{
	return db_unique_slug(db, sql_slug_taken, except_id, title, "nyhet", buf, n);
}

/* Binds what insert and update share, ?2..?10: title, category, author,
 * excerpt (derived from the body when empty), body, its HTML, status,
 * publication time and now. Returns 0, or -1 when rendering failed. */
static int bind_input(sqlite3_stmt *st, const struct post_input *in)
{
	char *html = md_to_html(in->body_md, strlen(in->body_md));
	char *excerpt = in->excerpt[0] ? strdup(in->excerpt)
	    : md_excerpt(in->body_md, strlen(in->body_md), EXCERPT_MAX);
	char now[TIME_UTC_LEN];
	int rc = -1;

	if (html != NULL && excerpt != NULL) {
		db_now(now);
		db_bind_text(st, 2, in->title);
		if (in->category_id)
			sqlite3_bind_int64(st, 3, in->category_id);
		db_bind_text(st, 4, in->author);
		db_bind_text(st, 5, excerpt);
		db_bind_text(st, 6, in->body_md);
		db_bind_text(st, 7, html);
		db_bind_text(st, 8, in->status);
		db_bind_time(st, 9, in->published_at);
		db_bind_text(st, 10, now);
		rc = 0;
	}
	free(html);
	free(excerpt);
	return rc;
}

long long db_post_insert(struct db *db, const struct post_input *in)
{
	char slug[SLUG_MAX + 1];
	sqlite3_stmt *st;

	if (db_post_unique_slug(db, in->title, 0, slug, sizeof slug) < 0 ||
	    (st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	if (bind_input(st, in) < 0) {
		db_done(st);
		return -1;
	}
	return db_insert(db, st, "insert post");
}

int db_post_update(struct db *db, long long id, long long version,
    const struct post_input *in)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);

	if (st == NULL)
		return -1;
	if (bind_input(st, in) < 0) {
		db_done(st);
		return -1;
	}
	sqlite3_bind_int64(st, 11, id);
	sqlite3_bind_int64(st, 12, version);
	return db_write(db, st, "update post");
}

int db_post_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete post");
}

int db_post_set_featured(struct db *db, long long post_id, long long media_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_featured);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, post_id);
	if (media_id > 0)
		sqlite3_bind_int64(st, 2, media_id);
	return db_write(db, st, "set featured image") < 0 ? -1 : 0;
}

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

	memset(out, 0, sizeof *out);
	db_now(now);
	if ((st = db_stmt(db, sql_admin_count)) == NULL)
		return -1;
	bind_filter(st, q, filter, now);
	if (db_step_int(db, st, &out->total, "count admin posts") < 0 ||
	    (st = db_stmt(db, sql_admin_page)) == NULL)
		return -1;
	bind_filter(st, q, filter, now);
	sqlite3_bind_int(st, 4, per);
	sqlite3_bind_int64(st, 5, (page - 1) * per);
	return read_page(db, a, st, per, out, "admin posts");
}

int db_post_by_id(struct db *db, struct arena *a, long long id, struct post *out,
    long long *version)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step_one(db, st, read_post, a, out, "post by id")) == 1 && version)
		*version = out->version;
	return rc;
}

const char *post_state_label(const char *status, const char *published_at, const char *now)
{
	if (strcmp(status, "published") != 0)
		return "Utkast";
	return strcmp(published_at, now) > 0 ? "Schemalagd" : "Publicerad";
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

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, now);
	sqlite3_bind_int(st, 2, n);
	if (category_id)
		sqlite3_bind_int64(st, 3, category_id);
	if (read_page(db, a, st, n, out, "feed posts") < 0)
		return -1;
	out->total = (long long)out->count;
	return 0;
}
