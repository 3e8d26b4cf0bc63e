/* pagecache.h: a worker's copies of whole public pages, sent again while nothing they show can have changed. */
#ifndef HC_HTTP_PAGECACHE_H
#define HC_HTTP_PAGECACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "store/stamp.h"
#include "http/req.h"

#define PAGECACHE_ENTRIES 64

struct pagecache_entry {
	char *key;          /* path, then "\n<index>=<value>" for each declared
	                       query value that is set */
	char *data;         /* the whole response: head, blank line, body */
	size_t len;
	size_t head_len;    /* what a HEAD request is sent */
};

/* One rendered document that is not a whole response (the calendar feed,
 * answered with its ETag and 304s by its handler). */
struct pagecache_doc {
	char *body;         /* malloc'd; NULL when there is none */
	size_t len;
	time_t made;
	char etag[24];      /* "\"<16 hex>\"": FNV-1a of the body */
};

#define PAGECACHE_DOCS 4

/* A worker's copies, owned by the server's worker (not thread-safe). Every
 * copy is dropped together under the one rule of store/stamp.h: when the
 * database changes (the connection's data stamp) or the first time-dependent
 * change comes (a scheduled post going public, an event starting or ending),
 * and also at midnight in Stockholm (dates of registration, the board's year)
 * and after PAGECACHE_MAX_AGE seconds at most. */
struct pagecache {
	struct pagecache_entry e[PAGECACHE_ENTRIES];
	size_t count;
	size_t bytes;
	size_t limit;                 /* bytes at most (hcweb.conf page_cache_bytes) */
	bool valid;
	struct stamp stamp;           /* when the copies were made */
	time_t until;                 /* the first time-dependent change */
	struct {
		const char *key;          /* a static string */
		struct pagecache_doc doc;
	} docs[PAGECACHE_DOCS];
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
/* The document kept under key (a static string) when it is still true by the
 * rule above and younger than max_age seconds; NULL when there is none (or
 * the cache cannot be used: pc NULL, a database error). */
const struct pagecache_doc *pagecache_doc(struct pagecache *pc, struct db *db,
    const char *key, time_t max_age);
/* Keeps a copy of body[0..len) under key, with its ETag. Returns the copy, or
 * NULL when it could not be kept (pc NULL, out of memory, no room). */
const struct pagecache_doc *pagecache_doc_put(struct pagecache *pc, const char *key,
    const char *body, size_t len);
/* The ETag of a body: "\"<16 hex>\"" of its FNV-1a hash. */
void pagecache_etag(const char *body, size_t len, char etag[24]);
/* Frees every copy. */
void pagecache_free(struct pagecache *pc);

#endif
