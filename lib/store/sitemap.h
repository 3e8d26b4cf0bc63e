/* sitemap.h: the public addresses of the site, for /sitemap.xml. */
#ifndef HC_STORE_SITEMAP_H
#define HC_STORE_SITEMAP_H

#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

/* One address: a path ("/nyheter/x") and when it last changed (UTC storage
 * format, or "" when unknown). */
struct sitemap_url {
	const char *path, *lastmod;
};

enum sitemap_part { SITEMAP_PAGES, SITEMAP_POSTS, SITEMAP_EVENTS };

/* How many public posts and events there are, and the highest id of each
 * (parts of the sitemap are ranges of ids). Returns 0 or -1. */
int db_sitemap_size(struct db *db, long long *posts, long long *events,
    long long *max_post_id, long long *max_event_id);
/* The addresses of a part: SITEMAP_PAGES the fixed pages, categories and text
 * pages; the others the public posts or events with lo < id <= hi, at most
 * max. Returns how many were read into *out (in a), or -1. */
long long db_sitemap_urls(struct db *db, struct arena *a, enum sitemap_part part,
    long long lo, long long hi, size_t max, struct sitemap_url **out);

#endif
