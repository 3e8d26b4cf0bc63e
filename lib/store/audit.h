/* audit.h: the audit log: who changed what, and when. */
#ifndef HC_STORE_AUDIT_H
#define HC_STORE_AUDIT_H

#include "store/db.h"
#include "util/arena.h"

/* Writes one audit row for a change made by the actor user_id (0: none, e.g.
 * hcadmin) named user_email ("hcadmin" for the command line; NULL: "").
 * action: "create", "update", "delete", "publish", "upload" ... (ASCII word);
 * item_type: "post", "event", "member", "board", "page", "media", "user" ...;
 * item_id: the row's id, or 0 for none; summary: short plain text such as the
 * item's title (cut to 200 bytes; NULL allowed). Call it inside the same
 * transaction as the change so both are written or neither. Returns 0 or -1. */
int audit_log(struct db *db, long long user_id, const char *user_email,
    const char *action, const char *item_type, long long item_id, const char *summary);

/* A Swedish phrase for an action on an item type ("skapade nyhet"; for login
 * and logout the verb alone), into
 * arena a; unknown words are shown as they are. Pure. */
const char *audit_phrase(struct arena *a, const char *action, const char *item_type);

/* One row of the audit log as read back. */
struct audit_entry {
	long long id, item_id;     /* item_id 0: none */
	const char *at, *user_email, *action, *item_type, *summary;
};

/* Rows of the audit log, newest first: page (1-based) of per, with the number
 * of rows in *total. *out in a. Returns 0 or -1. */
int db_audit_page(struct db *db, struct arena *a, long long page, int per,
    struct audit_entry **out, size_t *n, long long *total);

/* The newest per changes to content, newest first (the dashboard's
 * "Senaste ändringar"): nothing about users (log-ins, log-outs, new users,
 * passwords, locks), which is for the admin's log only. *out in a.
 * Returns 0 or -1. */
int db_audit_changes(struct db *db, struct arena *a, int per,
    struct audit_entry **out, size_t *n);

#endif
