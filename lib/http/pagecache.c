/* pagecache.c: whole public pages kept per worker until the data or the time they show moves on. */
#include "http/pagecache.h"

#include <stdlib.h>
#include <string.h>

#include "http/response.h"
#include "store/db.h"
#include "util/timefmt.h"

#define PAGECACHE_MAX_AGE 300   /* seconds; a bound, not needed for correctness */

/* The first moment after ?1 at which a public page may change by itself. */
static const char sql_next_change[] =
	"SELECT min(t) FROM ("
	" SELECT min(published_at) AS t FROM posts"
	"  WHERE status = 'published' AND published_at > ?1"
	" UNION ALL SELECT min(starts_at) FROM events WHERE starts_at > ?1"
	" UNION ALL SELECT min(ends_at) FROM events WHERE ends_at > ?1)";

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

/* Sets *until to the first time-dependent change after now. Returns 0 or -1. */
static int next_change(struct db *db, time_t now, time_t *until)
{
	sqlite3_stmt *st = db_stmt(db, sql_next_change);
	char buf[TIME_UTC_LEN];
	time_t t;
	int rc;

	if (st == NULL)
		return -1;
	*until = next_midnight(now);
	if (*until > now + PAGECACHE_MAX_AGE)
		*until = now + PAGECACHE_MAX_AGE;
	time_format_utc(now, buf);
	db_bind_text(st, 1, buf);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    time_parse_utc(db_col_text(st, 0), &t) == 0 && t < *until)
		*until = t;
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Makes sure the copies are still true, dropping them when they may not be.
 * Returns false when the cache cannot be used for this request. */
static bool fresh(struct pagecache *pc, struct db *db)
{
	time_t now = time(NULL);
	long long v, c;

	if (db_data_stamp(db, &v, &c) < 0)
		return false;
	if (pc->valid && v == pc->version && c == pc->changes && now < pc->until)
		return true;
	pagecache_free(pc);
	if (next_change(db, now, &pc->until) < 0)
		return false;
	pc->version = v;
	pc->changes = c;
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
