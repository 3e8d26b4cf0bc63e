/* search.c: the search index's queries (migrations/0007_search.sql keeps it in step). */
#include "store/search.h"

#include <stdbool.h>
#include <string.h>

#include "util/timefmt.h"

/* The ranked candidates: ids of public items, best first. Each kind's index
 * gives its newest ?3 matches (rowid order lets FTS5 stop early). */
#define CANDIDATES(kind, fts, join) \
	"SELECT " #kind " AS kind, h.id, h.r FROM (SELECT rowid AS id, " \
	"bm25(" fts ", 10.0, 1.0) AS r FROM " fts " WHERE " fts " MATCH ?1 " \
	"ORDER BY rowid DESC LIMIT ?3) h " join
static const char sql_candidates[] =
	"SELECT kind, id FROM ("
	CANDIDATES(1, "posts_search", "JOIN posts p ON p.id = h.id "
	    "WHERE p.status = 'published' AND p.published_at <= ?2")
	" UNION ALL "
	CANDIDATES(2, "events_search", "JOIN events e ON e.id = h.id "
	    "WHERE e.status IN ('published', 'cancelled')")
	" UNION ALL "
	CANDIDATES(3, "pages_search", "")
	") ORDER BY r, kind, id DESC";

/* One hit's text, with the matched words marked by \x02 and \x03. */
#define SHOW(fts, body_col, table, when) \
	"SELECT t.slug, highlight(" fts ", 0, char(2), char(3)), " \
	"snippet(" fts ", " #body_col ", char(2), char(3), '…', 24), " when " " \
	"FROM " fts " JOIN " table " t ON t.id = " fts ".rowid " \
	"WHERE " fts " MATCH ?1 AND " fts ".rowid = ?2"
static const char sql_show_post[] = SHOW("posts_search", 1, "posts", "t.published_at");
static const char sql_show_event[] = SHOW("events_search", 1, "events", "t.starts_at");
static const char sql_show_page[] = SHOW("pages_search", 1, "pages", "''");
/* A hit's text unmarked, when the marking query does not match it. */
static const char sql_plain_post[] =
	"SELECT slug, title, excerpt, published_at FROM posts WHERE id = ?2 AND ?1 IS NOT NULL";
static const char sql_plain_event[] =
	"SELECT slug, title, substr(description_text, 1, 200), starts_at FROM events "
	"WHERE id = ?2 AND ?1 IS NOT NULL";
static const char sql_plain_page[] =
	"SELECT slug, title, substr(body_md, 1, 200), '' FROM pages WHERE id = ?2 AND ?1 IS NOT NULL";

/* Past this many hits the words are marked by exact words only: a prefix
 * query merges the lists of every word it covers, and running it again for
 * each hit shown would cost that ten times over. */
#define SEARCH_MARK_PREFIX_MAX 200

static bool word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

int search_build_query(const char *text, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = 0;
	int words = 0;

	out[0] = '\0';
	while (*p != '\0' && words < SEARCH_TOKENS) {
		size_t w = 0;

		while (*p != '\0' && !word_byte(*p))
			p++;
		while (word_byte(p[w]))
			w++;
		if (w == 0)
			break;
		/* a word too long to be a word is cut, at a character's start */
		if (w > 64) {
			w = 64;
			while (w > 0 && (p[w] & 0xC0) == 0x80)
				w--;
		}
		/* space, quotes, star, NUL */
		if (w == 0 || len + w + 5 > n)
			break;
		if (len > 0)
			out[len++] = ' ';
		out[len++] = '"';
		memcpy(out + len, p, w);
		len += w;
		out[len++] = '"';
		if (w >= 2)
			out[len++] = '*';
		out[len] = '\0';
		words++;
		p += w;
		while (word_byte(*p))   /* the rest of a cut word */
			p++;
	}
	return words;
}

/* The query q (built by search_build_query) with its words exact and any of
 * them enough: the marking query of a large result. In a. */
static char *exact_words(struct arena *a, const char *q)
{
	char *out = arena_alloc(a, strlen(q) * 2 + 1), *o = out;
	const char *p;

	for (p = q; *p != '\0'; p++) {
		if (*p == '*')
			continue;
		if (*p == ' ') {
			memcpy(o, " OR ", 4);
			o += 4;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* Runs sql (?1 the query, ?2 the id) into hit. Returns 1, 0 no row, or -1. */
static int show_with(struct db *db, struct arena *a, const char *sql, const char *q,
    struct search_hit *hit, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		hit->slug = arena_strdup(a, db_col_text(st, 0));
		hit->title = arena_strdup(a, db_col_text(st, 1));
		hit->snippet = arena_strdup(a, db_col_text(st, 2));
		hit->when = arena_strdup(a, db_col_text(st, 3));
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "search: show hit");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Fills hit with the text of one candidate, marked by the query q when it
 * matches, else plain. Returns 0 or -1. */
static int show(struct db *db, struct arena *a, const char *q, struct search_hit *hit,
    long long id)
{
	const char *sql = hit->kind == SEARCH_POST ? sql_show_post
	    : hit->kind == SEARCH_EVENT ? sql_show_event : sql_show_page;
	const char *plain = hit->kind == SEARCH_POST ? sql_plain_post
	    : hit->kind == SEARCH_EVENT ? sql_plain_event : sql_plain_page;
	int rc = show_with(db, a, sql, q, hit, id);

	if (rc == 0)
		rc = show_with(db, a, plain, q, hit, id);
	return rc == 1 ? 0 : -1;
}

int db_search(struct db *db, struct arena *a, const char *fts_query, long long page,
    int per, struct search_page *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_candidates);
	long long first = (page - 1) * per, *ids;
	const char *mark;
	char now[TIME_UTC_LEN];
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * (size_t)per);
	ids = arena_alloc(a, sizeof *ids * (size_t)per);
	db_now(now);
	db_bind_text(st, 1, fts_query);
	db_bind_text(st, 2, now);
	sqlite3_bind_int(st, 3, SEARCH_CANDIDATES);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->total >= first && out->count < (size_t)per) {
			out->items[out->count].kind = (enum search_kind)sqlite3_column_int(st, 0);
			ids[out->count++] = sqlite3_column_int64(st, 1);
		}
		out->total++;
	}
	if (rc != SQLITE_DONE)
		db_log_error(db, "search");
	db_done(st);
	if (rc != SQLITE_DONE)
		return -1;
	mark = out->total > SEARCH_MARK_PREFIX_MAX ? exact_words(a, fts_query) : fts_query;
	for (i = 0; i < out->count; i++)
		if (show(db, a, mark, &out->items[i], ids[i]) < 0)
			return -1;
	return 0;
}
