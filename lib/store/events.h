/* events.h: the network's events in the database. */
#ifndef HC_STORE_EVENTS_H
#define HC_STORE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"
#include "store/db.h"

struct event {
	long long id;
	const char *slug, *title, *kind, *status;
	bool all_day, online;
	time_t start, end;        /* whole-day events: exclusive end (midnight after) */
	const char *venue, *town, *join_url;
	const char *description_html, *description_text;
	const char *registration_url;
	const char *registration_until;   /* Stockholm date YYYY-MM-DD, or "" */
	const char *programme_url;
	time_t created, updated;
};

struct event_list {
	struct event *items;
	size_t count;
	long long total;          /* paged lists: the events of the whole list */
};

/* Public events (published or cancelled) that have not ended at now, soonest
 * first: page (1-based) of per, with the number of them in out->total.
 * Strings live in a. Returns 0 or -1. */
int db_events_upcoming(struct db *db, struct arena *a, time_t now, long long page,
    int per, struct event_list *out);
/* The first limit of those, without counting them (out->total is 0). */
int db_events_next(struct db *db, struct arena *a, time_t now, int limit,
    struct event_list *out);
/* Public events that ended at or before now, newest first: page (1-based) of
 * per, with the number of them in out->total. Returns 0 or -1. */
int db_events_past(struct db *db, struct arena *a, time_t now, long long page,
    int per, struct event_list *out);
/* Public events that end at or after since, by start, at most limit (the
 * calendar feed). Returns 0 or -1. */
int db_events_since(struct db *db, struct arena *a, time_t since, int limit,
    struct event_list *out);
/* The public event with slug. Returns 1 found, 0 not found, -1 error. */
int db_event_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct event *out);

/* What is written when an event is saved. Strings may be "" but not NULL,
 * except registration_until (NULL: none). For whole-day events start and end
 * are Stockholm midnights, end exclusive. */
struct event_input {
	const char *title, *kind, *status;
	bool all_day, online;
	time_t start, end;
	const char *venue, *town, *join_url, *description_md;
	const char *registration_url, *registration_until, *programme_url;
};

/* Inserts an event, rendering its Markdown (HTML and plain text) and picking a
 * unique slug from its title. Refuses (returns -1, logged) an end before the
 * start, an unknown kind or status; the table's CHECKs refuse them too.
 * Returns the new id, or -1. */
long long db_event_insert(struct db *db, const struct event_input *in);

#endif
