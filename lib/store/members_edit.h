/* members_edit.h: the statements of editing member organisations and board seats. */
#ifndef HC_STORE_MEMBERS_EDIT_H
#define HC_STORE_MEMBERS_EDIT_H

#include "store/members.h"

#define MEMBERS_ADMIN_MAX 1000
#define SEATS_ADMIN_MAX 500

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

/* A board seat as the editor sees it. */
struct board_seat_edit {
	struct board_seat s;       /* s.member_name: "" when none */
	long long member_id;       /* 0: none */
	long long version;
};

/* Every seat, latest term first, chair first within a term, then by name.
 * *out in a. Returns the count or -1. */
long long db_board_all(struct db *db, struct arena *a, struct board_seat_edit **out);
/* Seat id. Returns 1 found, 0 not found, -1 error. */
int db_board_seat_by_id(struct db *db, struct arena *a, long long id, struct board_seat_edit *out);
/* Saves s (member_id 0: none) over seat id when its version is still version,
 * raising it. Returns 1 saved, 0 refused, -1 error. */
int db_board_seat_update(struct db *db, long long id, long long version,
    const struct board_seat *s, long long member_id);
/* Deletes seat id. Returns 1 deleted, 0 not found, -1 error. */
int db_board_seat_delete(struct db *db, long long id);
/* Role codes in form order, NULL-terminated (labels: board_role_label). */
extern const char *const board_roles[];

/* Another ordförande (not seat except_id) whose term overlaps the years
 * start..end: sets *name (in a). Returns 1 found, 0 none, -1 error. */
int db_board_other_chair(struct db *db, struct arena *a, int start, int end,
    long long except_id, const char **name);

#endif
