/* membership.h: requests to join the network sent from /bli-medlem. */
#ifndef HC_STORE_MEMBERSHIP_H
#define HC_STORE_MEMBERSHIP_H

#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

#define MEMBERSHIP_LIST_MAX 1000

struct membership_request {
	long long id;
	const char *organisation, *kind, *contact, *role, *email, *phone, *message;
	const char *status, *note, *created_at;
	long long member_id;       /* 0: none */
	long long version;
};

/* Stores a new request (status "new"); id, status, note, member_id, created_at
 * and version of r are not read. Returns the new id, or -1. */
long long db_membership_insert(struct db *db, const struct membership_request *r);
/* The newest requests first, at most MEMBERSHIP_LIST_MAX; *out in a.
 * Returns 0 or -1. */
int db_membership_list(struct db *db, struct arena *a, struct membership_request **out,
    size_t *n);
/* Request id. Returns 1 found, 0 not found, -1 error. */
int db_membership_by_id(struct db *db, struct arena *a, long long id,
    struct membership_request *out);
/* Sets status and note of request id when its version is still version
 * (member_id 0 keeps the one it has). Returns 1 saved, 0 refused, -1 error. */
int db_membership_update(struct db *db, long long id, long long version,
    const char *status, const char *note, long long member_id);
/* The codes of the statuses in order, NULL-terminated, and their labels. */
extern const char *const membership_statuses[];
extern const char *const membership_status_labels[];
/* The label of a status code; the code itself when unknown. */
const char *membership_status_label(const char *code);

#endif
