/* search.h: full-text search over public posts, events and text pages (FTS5). */
#ifndef HC_STORE_SEARCH_H
#define HC_STORE_SEARCH_H

#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

#define SEARCH_QUERY_MAX 512   /* bytes of a built FTS5 query, with its NUL */
#define SEARCH_TOKENS 12       /* words of the reader's text that are used */
#define SEARCH_CANDIDATES 1000 /* newest matches of each kind that are ranked */

/* Turns what a reader typed into a safe FTS5 query in out (n bytes): each
 * run of ASCII letters and digits or of bytes >= 0x80 becomes a quoted
 * phrase, with '*' (prefix) when it is 2 bytes or longer; at most
 * SEARCH_TOKENS of them, joined by spaces (all must match). Returns the
 * number of words; 0 (and out "") when there is nothing to search for. */
int search_build_query(const char *text, char *out, size_t n);

enum search_kind { SEARCH_POST = 1, SEARCH_EVENT = 2, SEARCH_PAGE = 3 };

/* One hit. title and snippet hold the matched words between the bytes
 * \x02 and \x03 (not escaped: split on the markers, then escape). */
struct search_hit {
	enum search_kind kind;
	const char *slug, *title, *snippet;
	const char *when;      /* posts: published_at; events: starts_at (UTC); pages: "" */
};

struct search_page {
	struct search_hit *items;
	size_t count;
	long long total;       /* the hits of the whole result (ranked candidates) */
};

/* Page page (1-based) of per of the public items matching the FTS5 query
 * built by search_build_query, best first (bm25, title weighted 10 to 1).
 * Among many matches only the SEARCH_CANDIDATES newest of each kind are
 * ranked, so that a common word costs bounded time. Strings live in a.
 * Returns 0 or -1. */
int db_search(struct db *db, struct arena *a, const char *fts_query, long long page,
    int per, struct search_page *out);

#endif
