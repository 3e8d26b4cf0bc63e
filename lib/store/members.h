/* members.h: member organisations in the database: the public list and the coordinator's editing. */
#ifndef HC_STORE_MEMBERS_H
#define HC_STORE_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

#define MEMBERS_ADMIN_MAX 1000

struct member {
	long long id;
	const char *name, *kind, *county, *website;   /* kind: "kommun" or "region" */
	int joined_year;
	bool active;
};

struct member_list {
	struct member *items;
	size_t count;
};

/* Current members (active), in Swedish order by name. Strings live in a.
 * Returns 0 or -1. */
int db_members_current(struct db *db, struct arena *a, struct member_list *out);
/* Inserts a member organisation. Returns the new id, or -1 (logged). */
long long db_member_insert(struct db *db, const struct member *m);

/* ---- editing ---- */

/* Every member organisation, current or not, in Swedish order by name.
 * Strings in a. Returns 0 or -1. */
int db_members_all(struct db *db, struct arena *a, struct member_list *out);
/* Member id with its version. Returns 1 found, 0 not found, -1 error. */
int db_member_by_id(struct db *db, struct arena *a, long long id, struct member *out,
    long long *version);
/* 1 when another member than except_id (0: none) has name, 0 if not, -1 error. */
int db_member_name_taken(struct db *db, const char *name, long long except_id);
/* Saves m over member id when its version is still version, raising it.
 * Returns 1 saved, 0 refused (changed by someone else, or gone), -1 error. */
int db_member_update(struct db *db, long long id, long long version, const struct member *m);
/* Deletes member id (its board seats keep their person, without organisation).
 * Returns 1 deleted, 0 not found, -1 error. */
int db_member_delete(struct db *db, long long id);

#endif
