/* pagecache.h: a worker's copies of whole public pages, sent again while nothing they show can have changed. */
#ifndef HC_HTTP_PAGECACHE_H
#define HC_HTTP_PAGECACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "http/req.h"

#define PAGECACHE_ENTRIES 64

struct pagecache_entry {
	char *key;          /* path, then "\n<index>=<value>" for each declared
	                       query value that is set */
	char *data;         /* the whole response: head, blank line, body */
	size_t len;
	size_t head_len;    /* what a HEAD request is sent */
};

/* Every copy is dropped together when the database changes (the connection's
 * data stamp) or when the first time-dependent change comes: a scheduled post
 * going public, an event starting or ending, midnight in Stockholm (dates of
 * registration, the board's year). Owned by one worker; not thread-safe. */
struct pagecache {
	struct pagecache_entry e[PAGECACHE_ENTRIES];
	size_t count;
	size_t bytes;
	size_t limit;                 /* bytes at most (hcweb.conf page_cache_bytes) */
	bool valid;
	long long version, changes;   /* db_data_stamp when the copies were made */
	time_t until;                 /* the first time-dependent change */
};

/* Sends r's page from the cache when it holds a copy that is still true.
 * Returns true when r was answered. */
bool pagecache_serve(struct pagecache *pc, struct req *r);
/* Keeps a copy of the 200 response being sent for r, given in three pieces
 * that make up the head and then the body. Does nothing when the cache is
 * full or was not made valid by pagecache_serve for this request. */
void pagecache_store(struct pagecache *pc, const struct req *r,
    const char *h1, size_t l1, const char *h2, size_t l2,
    const char *body, size_t blen);
/* Frees every copy. */
void pagecache_free(struct pagecache *pc);

#endif
