/* events.h: the network's events in the database: public lists and pages,
 * and the coordinator's editing. */
#ifndef HC_STORE_EVENTS_H
#define HC_STORE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"
#include "site/eventfmt.h"
#include "store/db.h"

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
/* Public events that overlap [from, to) (end after from, start before to),
 * by start, at most limit (a month). Returns 0 or -1. */
int db_events_between(struct db *db, struct arena *a, time_t from, time_t to, int limit,
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

/* Sets or clears (media_id 0) the programme PDF of event event_id. Returns 0
 * or -1. */
int db_event_set_programme(struct db *db, long long event_id, long long media_id);

/* ---- editing ---- */

#define EVENTS_ADMIN_MAX 500   /* rows the admin list shows */

/* What the editor needs besides struct event. */
struct event_edit {
	const char *description_md;
	long long programme_media_id;  /* 0: none */
	long long version;
};

/* Every event (any status) whose title holds q (case-insensitive, Å as å;
 * "" all), latest start first, at most EVENTS_ADMIN_MAX. Strings in a.
 * Returns 0 or -1. */
int db_events_admin(struct db *db, struct arena *a, const char *q, struct event_list *out);
/* Any event by id with what the editor needs. Returns 1 found, 0 not found,
 * -1 error. */
int db_event_by_id(struct db *db, struct arena *a, long long id, struct event *out,
    struct event_edit *edit);
/* Saves in over event id when its version is still version: renders the
 * Markdown, keeps the slug, raises the version. Refuses an end before the
 * start, an unknown kind or status (-1, logged). Returns 1 saved, 0 refused
 * (changed by someone else, or gone), -1 error. */
int db_event_update(struct db *db, long long id, long long version,
    const struct event_input *in);
/* Deletes event id. Returns 1 deleted, 0 not found, -1 error. */
int db_event_delete(struct db *db, long long id);

#endif
