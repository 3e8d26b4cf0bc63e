/* links.h: external links in published content and the state of each (hcadmin check-links, the desk's list). */
#ifndef HC_STORE_LINKS_H
#define HC_STORE_LINKS_H

#include <stdbool.h>

#include "store/db.h"
#include "util/arena.h"

#define LINKS_BROKEN_MAX 1000

/* Calls fn with the rendered HTML of every published post, public event and
 * text page changed at or after since (storage format; "" for all).
 * Returns 0 or -1. */
int db_links_sources(struct db *db, const char *since,
    void (*fn)(void *ctx, const char *html), void *ctx);
/* Records the check of url. error: "" or a word of link_checks.error. Returns 0 or -1. */
int db_link_check_set(struct db *db, const char *url, long status, const char *error,
    bool broken);

/* A broken link where it stands. */
struct broken_link {
	const char *url, *error, *checked_at;
	long status;
	const char *kind;          /* "post", "event" or "page" */
	long long id;              /* the item's id */
	const char *title, *slug;
};
/* Broken links with the post, event or page each stands in, by title, at most
 * LINKS_BROKEN_MAX. *out in a. Returns the count or -1. */
long long db_links_broken(struct db *db, struct arena *a, struct broken_link **out);
/* How many links have been checked, and when last ("" never). Returns 0 or -1. */
int db_links_checked(struct db *db, struct arena *a, long long *count, const char **last);

#endif
