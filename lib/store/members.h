/* members.h: member organisations and the board in the database. */
#ifndef HC_STORE_MEMBERS_H
#define HC_STORE_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

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

/* Reads the columns every member query selects first, in this order: id,
 * name, kind, county, website, joined_year, active. Strings go into a. */
void db_member_read(sqlite3_stmt *st, struct arena *a, struct member *m);
/* Current members (active), in Swedish order by name. Strings live in a.
 * Returns 0 or -1. */
int db_members_current(struct db *db, struct arena *a, struct member_list *out);
/* Inserts a member organisation. Returns the new id, or -1 (logged). */
long long db_member_insert(struct db *db, const struct member *m);
/* The seats whose term includes year: the chair, the vice chair, then the rest
 * by name in Swedish order. Returns 0 or -1. */
int db_board_current(struct db *db, struct arena *a, int year, struct board *out);
/* Inserts a seat; member_id 0 for none. Returns the new id, or -1 (logged). */
long long db_board_seat_insert(struct db *db, const struct board_seat *s,
    long long member_id);
/* The Swedish label of a board role ("vice_ordforande" -> "Vice ordförande");
 * NULL when the code is unknown. */
const char *board_role_label(const char *code);

#endif
