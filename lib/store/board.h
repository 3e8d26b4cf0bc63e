/* board.h: the board's seats in the database: the public board and the coordinator's editing. */
#ifndef HC_STORE_BOARD_H
#define HC_STORE_BOARD_H

#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

#define SEATS_ADMIN_MAX 500

struct board_seat {
	long long id;
	const char *name, *role, *party;
	const char *member_name;      /* "" when the seat names no organisation */
	int term_start, term_end;
};

struct board {
	struct board_seat *items;
	size_t count;
};

/* The seats whose term includes year: the chair, the vice chair, then the rest
 * by name in Swedish order. Returns 0 or -1. */
int db_board_current(struct db *db, struct arena *a, int year, struct board *out);
/* Inserts a seat; member_id 0 for none. Returns the new id, or -1 (logged). */
long long db_board_seat_insert(struct db *db, const struct board_seat *s,
    long long member_id);
/* The Swedish label of a board role ("vice_ordforande" -> "Vice ordförande");
 * NULL when the code is unknown. */
const char *board_role_label(const char *code);
/* Role codes in form order, NULL-terminated (labels: board_role_label). */
extern const char *const board_roles[];

/* ---- editing ---- */

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

/* Another ordförande (not seat except_id) whose term overlaps the years
 * start..end: sets *name (in a). Returns 1 found, 0 none, -1 error. */
int db_board_other_chair(struct db *db, struct arena *a, int start, int end,
    long long except_id, const char **name);

#endif
