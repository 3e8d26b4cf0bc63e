/* pagecache.c: whole public pages kept per worker until the data or the time they show moves on. */
#include "http/pagecache.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "http/response.h"
#include "store/db.h"
#include "store/stamp.h"
#include "util/timefmt.h"

#define PAGECACHE_MAX_AGE 300   /* seconds; a bound, not needed for correctness */

/* The path and the values the route declares, as validated: a query value
 * the route does not read (?x=1, utm_source) makes no new copy. */
static char *key_of(const struct req *r)
{
	char *key = arena_strdup(r->a, r->path);
	size_t i;

	for (i = 0; i < REQ_MAX_VALUES; i++)
		if (r->in[i].set)
			key = arena_printf(r->a, "%s\n%zu=%s", key, i, r->in[i].s);
	return key;
}

void pagecache_free(struct pagecache *pc)
{
	size_t i;

	for (i = 0; i < pc->count; i++) {
		free(pc->e[i].key);
		free(pc->e[i].data);
	}
	for (i = 0; i < PAGECACHE_DOCS; i++) {
		free(pc->docs[i].doc.body);
		pc->docs[i].key = NULL;
		pc->docs[i].doc = (struct pagecache_doc){ 0 };
	}
	pc->count = 0;
	pc->bytes = 0;
	pc->valid = false;
}

/* The next midnight in Stockholm after now. */
static time_t next_midnight(time_t now)
{
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_mday++;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Sets *until to the first moment the copies may stop being true. Returns 0
 * or -1. */
static int next_change(struct db *db, time_t now, time_t *until)
{
	*until = next_midnight(now);
	if (*until > now + PAGECACHE_MAX_AGE)
		*until = now + PAGECACHE_MAX_AGE;
	return stamp_next_change(db, now, until);
}

/* Makes sure the copies are still true, dropping them when they may not be.
 * Returns false when the cache cannot be used for this request. */
static bool fresh(struct pagecache *pc, struct db *db)
{
	time_t now = time(NULL);
	struct stamp s;

	if (stamp_read(db, &s) < 0)
		return false;
	if (pc->valid && stamp_same(&s, &pc->stamp) && now < pc->until)
		return true;
	pagecache_free(pc);
	if (next_change(db, now, &pc->until) < 0)
		return false;
	pc->stamp = s;
	pc->valid = true;
	return true;
}

bool pagecache_serve(struct pagecache *pc, struct req *r)
{
	const char *key;
	size_t i;

	if (!fresh(pc, r->db))
		return false;
	key = key_of(r);
	for (i = 0; i < pc->count; i++) {
		const struct pagecache_entry *e = &pc->e[i];

		if (strcmp(e->key, key) != 0)
			continue;
		/* the head without its blank line, a fresh expiry, then the rest */
		r->write(r->io, e->data, e->head_len - 2);
		resp_write_expiry(r);
		r->write(r->io, e->data + e->head_len - 2,
		    r->method == M_HEAD ? 2 : e->len - e->head_len + 2);
		r->sent = true;
		r->status = 200;
		return true;
	}
	return false;
}

void pagecache_store(struct pagecache *pc, const struct req *r,
    const char *h1, size_t l1, const char *h2, size_t l2,
    const char *body, size_t blen)
{
	size_t len = l1 + l2 + 2 + blen;
	struct pagecache_entry *e;

	if (!pc->valid || pc->count == PAGECACHE_ENTRIES || pc->bytes + len > pc->limit)
		return;
	e = &pc->e[pc->count];
	if ((e->key = strdup(key_of(r))) == NULL || (e->data = malloc(len)) == NULL) {
		free(e->key);
		return;
	}
	memcpy(e->data, h1, l1);
	if (l2 > 0)   /* h2 is NULL when there are no extra headers */
		memcpy(e->data + l1, h2, l2);
	memcpy(e->data + l1 + l2, "\r\n", 2);
	if (blen > 0)
		memcpy(e->data + l1 + l2 + 2, body, blen);
	e->len = len;
	e->head_len = l1 + l2 + 2;
	pc->bytes += len;
	pc->count++;
}

const struct pagecache_doc *pagecache_doc(struct pagecache *pc, struct db *db,
    const char *key, time_t max_age)
{
	time_t now = time(NULL);
	size_t i;

	if (pc == NULL || !fresh(pc, db))
		return NULL;
	for (i = 0; i < PAGECACHE_DOCS; i++) {
		const struct pagecache_doc *d = &pc->docs[i].doc;

		if (pc->docs[i].key == key && d->body != NULL && now >= d->made &&
		    now - d->made < max_age)
			return d;
	}
	return NULL;
}

void pagecache_etag(const char *body, size_t len, char etag[24])
{
	unsigned long long h = 14695981039346656037ULL;   /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)body[i]) * 1099511628211ULL;
	snprintf(etag, 24, "\"%016llx\"", h);
}

const struct pagecache_doc *pagecache_doc_put(struct pagecache *pc, const char *key,
    const char *body, size_t len)
{
	struct pagecache_doc *d;
	size_t slot;

	if (pc == NULL || !pc->valid)
		return NULL;
	for (slot = 0; slot < PAGECACHE_DOCS; slot++)
		if (pc->docs[slot].key == key || pc->docs[slot].key == NULL)
			break;
	if (slot == PAGECACHE_DOCS)
		return NULL;
	d = &pc->docs[slot].doc;
	free(d->body);
	*d = (struct pagecache_doc){ 0 };
	pc->docs[slot].key = NULL;
	if ((d->body = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(d->body, body ? body : "", len);
	d->body[len] = '\0';
	d->len = len;
	d->made = time(NULL);
	pagecache_etag(d->body, len, d->etag);
	pc->docs[slot].key = key;
	return d;
}
