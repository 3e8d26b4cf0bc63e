/* newsletter.h: newsletter issues: drafts, chosen posts and events, sending to every subscriber once. */
#ifndef HC_STORE_NEWSLETTER_H
#define HC_STORE_NEWSLETTER_H

#include <stdbool.h>
#include <stddef.h>

#include "site/nlmail.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/config.h"

#define NL_SUBJECT_MAX 200     /* characters */
#define NL_INTRO_MAX 20000     /* characters of Markdown */
#define NL_PICK_MAX 30         /* posts and events offered to pick from */

struct newsletter {
	long long id;
	const char *subject, *intro_md, *state;   /* state: draft, sending, sent */
	const char *send_at, *sent_at, *created_at, *updated_at;  /* "" when NULL */
	long long recipients;
	bool queued_all;
};

/* Every issue, newest first; strings in a. Returns 0 or -1. */
int nl_list(struct db *db, struct arena *a, struct newsletter **out, size_t *n);
/* One issue. Returns 1 found, 0 not, -1 on error. */
int nl_get(struct db *db, struct arena *a, long long id, struct newsletter *out);
/* A new draft; returns its id or -1. */
long long nl_create(struct db *db, const char *subject, const char *intro_md);
/* Saves a draft's text. Returns 1, 0 when it is not a draft (any more), -1. */
int nl_save(struct db *db, long long id, const char *subject, const char *intro_md);
/* Replaces the chosen posts and events (ids in the order shown). Returns 0 or -1. */
int nl_items_set(struct db *db, long long id, const long long *posts, size_t nposts,
    const long long *events, size_t nevents);
/* Deletes a draft. Returns 1, 0 when not a draft, -1. */
int nl_delete(struct db *db, long long id);

/* A post or event offered in the composer. */
struct nl_pick {
	long long id;
	const char *title, *when;
	bool chosen;
};
/* The newest public posts and the coming public events (NL_PICK_MAX each),
 * plus any chosen ones not among them, with chosen marked for issue id (0:
 * none). Strings in a. Returns 0 or -1. */
int nl_picks(struct db *db, struct arena *a, long long id, struct nl_pick **posts,
    size_t *nposts, struct nl_pick **events, size_t *nevents);
/* The content of issue id as it will be mailed (intro rendered, items with
 * absolute links; deleted or unpublished items left out). In a. 0 or -1. */
int nl_content(struct db *db, struct arena *a, const struct config *cfg, long long id,
    const struct newsletter *nl, struct nl_content *c);

/* Starts sending draft id to every confirmed subscriber: state "sending",
 * send_at now, recipients counted. The sender then queues one row per
 * subscriber (newsletter_fan_out). Returns 1, 0 when not a draft, -1. */
int nl_start(struct db *db, long long id);
/* Puts the failed messages of issue id back in the queue and the issue back
 * to "sending". Returns the number or -1. */
int nl_retry_failed(struct db *db, long long id);

/* For the sender: queues up to max rows of the issues being sent (one per
 * issue and confirmed subscriber, unique, each with a fresh unsubscribe token
 * and List-Unsubscribe headers), and marks issues whose rows have all left
 * the queue "sent". Returns the rows queued, or -1. */
int newsletter_fan_out(struct db *db, const struct config *cfg, int max);

/* A failed message of an issue. */
struct nl_failure {
	long long id;
	const char *rcpt, *reply;
};
int nl_failures(struct db *db, struct arena *a, long long id, struct nl_failure **out,
    size_t *n);

#endif
