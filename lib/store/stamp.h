/* stamp.h: the one rule of every cache of what the database holds: a copy is
 * true while the connection sees the same data (the data stamp) and the first
 * time-dependent change has not come (a scheduled post going public, an event
 * starting or ending). Who keeps copies adds their own bounds (midnight, an
 * age), see http/pagecache.h. */
#ifndef HC_STORE_STAMP_H
#define HC_STORE_STAMP_H

#include <stdbool.h>
#include <time.h>

#include "store/db.h"

/* What a connection sees of the data: PRAGMA data_version (commits by other
 * connections) and its own total changes. */
struct stamp {
	long long version, changes;
};

/* Values the store derives from many rows (a count, the longest event), kept
 * under the rule above: all are dropped together when the stamp moves or the
 * next change comes. A worker of the server owns one and attaches it to its
 * connection (stamp_attach); without one nothing is kept. */
#define STAMP_MEMO_SLOTS 8
struct stamp_memo {
	bool valid;
	struct stamp at;
	time_t until;
	struct {
		const char *key;          /* a static string; NULL: free */
		long long value;
	} v[STAMP_MEMO_SLOTS];
};

/* Lets db keep derived values in m (owned by the caller, outliving db's use;
 * NULL: none). */
void stamp_attach(struct db *db, struct stamp_memo *m);
/* The value kept under key (a static string) when it is still true: returns
 * 1 and sets *value; 0 when there is none (compute it and stamp_memo_put),
 * also when db has no memo or the stamp cannot be read. */
int stamp_memo_get(struct db *db, const char *key, long long *value);
/* Keeps value under key until the rule drops it. */
void stamp_memo_put(struct db *db, const char *key, long long value);

/* Reads the connection's data stamp. Returns 0 or -1. */
int stamp_read(struct db *db, struct stamp *out);
/* True when a and b are the same stamp. */
bool stamp_same(const struct stamp *a, const struct stamp *b);
/* The first moment after now at which a public page may change by itself: a
 * scheduled post's publication, an event's start or end. *until is left as
 * it is when none comes before it (pass the caller's own bound). Returns 0
 * or -1. */
int stamp_next_change(struct db *db, time_t now, time_t *until);

#endif
