/* events_edit.h: the statements of event editing: admin list, load by id, update with a version, delete. */
#ifndef HC_STORE_EVENTS_EDIT_H
#define HC_STORE_EVENTS_EDIT_H

#include "store/events.h"

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
/* The codes of the kinds and statuses, NULL-terminated, in form order. */
extern const char *const event_kinds[];
extern const char *const event_statuses[];
/* The Swedish label of a status code ("cancelled" -> "Inställt"); the code
 * itself when unknown. Pure. */
const char *event_status_label(const char *code);

#endif
