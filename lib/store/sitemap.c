/* sitemap.c: the SQL behind /sitemap.xml: public addresses with their last change. */
#include "store/sitemap.h"

#include <string.h>

#include "util/timefmt.h"
#include "store/posts.h"

/* The count of public posts comes from posts.c's kept list (db_posts_count). */
static const char sql_size[] =
	"SELECT (SELECT count(*) FROM events WHERE status IN ('published', 'cancelled')), "
	"coalesce((SELECT max(id) FROM posts), 0), coalesce((SELECT max(id) FROM events), 0)";
/* A part is a range of ids: the unary + keeps the planner on the rowid range
 * instead of an index on status that would read every row and sort them. */
/* The fixed pages (the news and the start page changed with the newest post),
 * each category (with its newest post) and the text pages. */
static const char sql_pages[] =
	"WITH newest(t) AS (SELECT max(published_at) FROM posts "
	" WHERE status = 'published' AND published_at <= ?1) "
	"SELECT '/', (SELECT t FROM newest) "
	"UNION ALL SELECT '/nyheter', (SELECT t FROM newest) "
	"UNION ALL SELECT '/evenemang', NULL "
	"UNION ALL SELECT '/evenemang/tidigare', NULL "
	"UNION ALL SELECT '/medlemmar', NULL "
	"UNION ALL SELECT '/styrelse', NULL "
	"UNION ALL SELECT '/kategori/' || c.slug, (SELECT max(published_at) FROM posts "
	" WHERE category_id = c.id AND status = 'published' AND published_at <= ?1) "
	" FROM categories c "
	"UNION ALL SELECT '/' || slug, updated_at FROM pages";
static const char sql_posts[] =
	"SELECT '/nyheter/' || slug, max(updated_at, published_at) FROM posts "
	"WHERE id > ?2 AND id <= ?3 AND +status = 'published' AND +published_at <= ?1 "
	"ORDER BY id LIMIT ?4";
static const char sql_events[] =
	"SELECT '/evenemang/' || slug, updated_at FROM events "
	"WHERE id > ?2 AND id <= ?3 AND +status IN ('published', 'cancelled') "
	"ORDER BY id LIMIT ?4";

int db_sitemap_size(struct db *db, long long *posts, long long *events,
    long long *max_post_id, long long *max_event_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_size);
	int rc;

	if (st == NULL || db_posts_count(db, posts) < 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*events = sqlite3_column_int64(st, 0);
		*max_post_id = sqlite3_column_int64(st, 1);
		*max_event_id = sqlite3_column_int64(st, 2);
	} else {
		db_log_error(db, "sitemap size");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static void read_url(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct sitemap_url *u = out;

	u->path = db_col_dup(a, st, 0);
	u->lastmod = db_col_dup(a, st, 1);
}

long long db_sitemap_urls(struct db *db, struct arena *a, enum sitemap_part part,
    long long lo, long long hi, size_t max, struct sitemap_url **out)
{
	sqlite3_stmt *st = db_stmt(db, part == SITEMAP_PAGES ? sql_pages
	    : part == SITEMAP_POSTS ? sql_posts : sql_events);
	char now[TIME_UTC_LEN];
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, now);
	if (part != SITEMAP_PAGES) {
		sqlite3_bind_int64(st, 2, lo);
		sqlite3_bind_int64(st, 3, hi);
		sqlite3_bind_int64(st, 4, (long long)max);
	}
	n = db_step_list(db, st, read_url, a, sizeof **out, max, &items, "sitemap");
	*out = items;
	return n;
}
