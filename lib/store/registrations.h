/* registrations.h: registration for events on the site: settings, places, waiting list, cancelling, retention. */
#ifndef HC_STORE_REGISTRATIONS_H
#define HC_STORE_REGISTRATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"
#include "store/db.h"

#define REG_LIST_MAX 5000          /* registrations a desk list or CSV holds */
#define REG_PROMOTED_MAX 64        /* people moved up by one change */

/* How an event takes registrations on the site (a row of event_signups). */
struct signup {
	long long places;          /* 0: unlimited */
	bool waitlist;
	bool ask_phone, ask_diet, ask_attend, ask_message;
	long long version;         /* 0 when the event has no row yet */
};

/* What one person gives when registering (strings "" when not asked). */
struct registration_input {
	const char *name, *email, *organisation;
	const char *phone, *diet, *attend, *message;
	const char *source;        /* "web" or "desk" */
};

/* A registration as the desk sees it. */
struct registration {
	long long id, event_id;
	const char *status;        /* "registered" or "waiting" */
	const char *name, *email, *organisation, *phone, *diet, *attend, *message;
	const char *source, *created_at;
};

enum reg_outcome {
	REG_REGISTERED,            /* got a place */
	REG_WAITING,               /* put on the waiting list */
	REG_FULL,                  /* no place and no waiting list: nothing stored */
	REG_DUPLICATE,             /* this e-mail is already registered: nothing stored */
};

/* The event's settings. Returns 1 when it takes registrations on the site,
 * 0 when it does not (*out zeroed), -1 on error. */
int db_signup_get(struct db *db, long long event_id, struct signup *out);
/* Turns registration on the site on (with s) or off for event_id, when the
 * settings' version is still version (0: the event had none). Returns 1 saved,
 * 0 refused (changed by someone else), -1 error. Call inside a transaction. */
int db_signup_save(struct db *db, long long event_id, bool on, const struct signup *s,
    long long version);
/* Registered people and people waiting for event_id. Returns 0 or -1. */
int db_signup_counts(struct db *db, long long event_id, long long *registered,
    long long *waiting);

/* Registers in for event_id under the settings s, storing token_hash (the hash
 * of the personal cancel link's token): a place while places are left, else
 * the waiting list when kept. Call inside a write transaction (BEGIN
 * IMMEDIATE), which makes two people taking the last place one after the
 * other. Sets *outcome and *id (0 when nothing was stored). Returns 0 or -1. */
int db_registration_add(struct db *db, long long event_id, const struct signup *s,
    const struct registration_input *in, const char *token_hash,
    enum reg_outcome *outcome, long long *id);
/* The registration whose cancel token hashes to token_hash. Strings in a.
 * Returns 1 found, 0 not found, -1 error. */
int db_registration_by_token(struct db *db, struct arena *a, const char *token_hash,
    struct registration *out);
/* One registration by id. Returns 1 found, 0 not found, -1 error. */
int db_registration_by_id(struct db *db, struct arena *a, long long id,
    struct registration *out);
/* Deletes registration id and gives freed places to the first on the waiting
 * list; their ids go into promoted (at most REG_PROMOTED_MAX), their number
 * into *npromoted. Call inside a write transaction. Returns 1 deleted, 0 not
 * found, -1 error. */
int db_registration_delete(struct db *db, long long id, long long *promoted,
    size_t *npromoted);
/* Moves people up from the waiting list of event_id while places are free
 * (after more places were given). Same out values. Returns 0 or -1. */
int db_registration_promote(struct db *db, long long event_id, long long *promoted,
    size_t *npromoted);
/* Every registration of event_id: those with a place first, then the waiting
 * list, each in order of registering. At most REG_LIST_MAX; *out in a.
 * Returns 0 or -1. */
int db_registrations_of(struct db *db, struct arena *a, long long event_id,
    struct registration **out, size_t *n);

/* One event whose registrations were deleted by db_registrations_purge. */
struct reg_purged {
	long long event_id, count;
};
#define REG_PURGE_EVENTS 200   /* events emptied by one purge; the rest wait for the next */
/* Deletes the registrations of (at most REG_PURGE_EVENTS) events that ended
 * at least days days before now, and the public forms' records older than
 * they are needed (spent tokens after a day, posts after an hour). *out (in a)
 * tells what was deleted per event, *n of them. Call inside a write
 * transaction. Returns the number of registrations deleted, or -1. */
long long db_registrations_purge(struct db *db, time_t now, int days, struct arena *a,
    struct reg_purged **out, size_t *n);

/* db_registrations_purge with days from the configuration in its own write
 * transaction, writing one audit row per event with the count only (who:
 * the audit's user, e.g. "automatiskt"). Returns the number deleted, or -1. */
long long registrations_purge(struct db *db, time_t now, int days, const char *who);

/* Swedish label of an attendance code ("plats" -> "På plats"); "" for "". */
const char *reg_attend_label(const char *code);

#endif
