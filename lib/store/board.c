/* board.c: the named SQL statements for the board's seats. */
#include "store/board.h"

#include <string.h>

#define MAX_SEATS 100

/* Every seat query selects these columns, in this order (read_seat). */
#define COLS \
	"b.id, b.name, b.role, b.party, coalesce(m.name, ''), b.term_start, b.term_end, " \
	"coalesce(b.member_id, 0), b.version FROM board_seats b LEFT JOIN members m ON m.id = b.member_id "

static const char sql_current[] =
	"SELECT " COLS "WHERE b.term_start <= ?1 AND b.term_end >= ?1 "
	"ORDER BY CASE b.role WHEN 'ordforande' THEN 0 WHEN 'vice_ordforande' THEN 1 "
	"WHEN 'ledamot' THEN 2 ELSE 3 END, b.name COLLATE swedish, b.id LIMIT ?2";
static const char sql_all[] =
	"SELECT " COLS "ORDER BY b.term_end DESC, CASE b.role WHEN 'ordforande' THEN 0 "
	"WHEN 'vice_ordforande' THEN 1 WHEN 'ledamot' THEN 2 ELSE 3 END, b.name COLLATE swedish, b.id "
	"LIMIT ?1";
static const char sql_by_id[] =
	"SELECT " COLS "WHERE b.id = ?1";
/* Insert and update bind the same ?1..?6 (bind_seat). */
static const char sql_insert[] =
	"INSERT INTO board_seats (name, role, party, member_id, term_start, term_end) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_update[] =
	"UPDATE board_seats SET name = ?1, role = ?2, party = ?3, member_id = ?4, term_start = ?5, "
	"term_end = ?6, version = version + 1 WHERE id = ?7 AND version = ?8";
static const char sql_delete[] =
	"DELETE FROM board_seats WHERE id = ?1";
static const char sql_chair_overlap[] =
	"SELECT name FROM board_seats WHERE role = 'ordforande' AND id != ?3 "
	"AND term_start <= ?2 AND term_end >= ?1 ORDER BY term_start LIMIT 1";

const char *const board_roles[] = { "ordforande", "vice_ordforande", "ledamot", "ersattare", NULL };
static const char *const role_labels[] = { "Ordförande", "Vice ordförande", "Ledamot", "Ersättare" };

const char *board_role_label(const char *code)
{
	size_t i;

	for (i = 0; board_roles[i] != NULL; i++)
		if (strcmp(code, board_roles[i]) == 0)
			return role_labels[i];
	return NULL;
}

/* The one reader of a seat row. */
static void read_seat(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct board_seat_edit *e = out;

	e->s.id = sqlite3_column_int64(st, 0);
	e->s.name = db_col_dup(a, st, 1);
	e->s.role = db_col_dup(a, st, 2);
	e->s.party = db_col_dup(a, st, 3);
	e->s.member_name = db_col_dup(a, st, 4);
	e->s.term_start = sqlite3_column_int(st, 5);
	e->s.term_end = sqlite3_column_int(st, 6);
	e->member_id = sqlite3_column_int64(st, 7);
	e->version = sqlite3_column_int64(st, 8);
}

static void bind_seat(sqlite3_stmt *st, const struct board_seat *s, long long member_id)
{
	db_bind_text(st, 1, s->name);
	db_bind_text(st, 2, s->role);
	db_bind_text(st, 3, s->party);
	if (member_id > 0)
		sqlite3_bind_int64(st, 4, member_id);
	sqlite3_bind_int(st, 5, s->term_start);
	sqlite3_bind_int(st, 6, s->term_end);
}

int db_board_current(struct db *db, struct arena *a, int year, struct board *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_current);
	struct board_seat_edit *rows;
	void *items;
	long long n, i;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, MAX_SEATS);
	if ((n = db_step_list(db, st, read_seat, a, sizeof *rows, MAX_SEATS, &items, "board")) < 0)
		return -1;
	rows = items;
	out->items = arena_alloc(a, sizeof *out->items * (size_t)(n ? n : 1));
	for (i = 0; i < n; i++)
		out->items[i] = rows[i].s;
	out->count = (size_t)n;
	return 0;
}

long long db_board_seat_insert(struct db *db, const struct board_seat *s,
    long long member_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);

	if (st == NULL)
		return -1;
	bind_seat(st, s, member_id);
	return db_insert(db, st, "insert board seat");
}

long long db_board_all(struct db *db, struct arena *a, struct board_seat_edit **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_all);
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, SEATS_ADMIN_MAX);
	n = db_step_list(db, st, read_seat, a, sizeof **out, SEATS_ADMIN_MAX, &items,
	    "all board seats");
	*out = items;
	return n;
}

int db_board_seat_by_id(struct db *db, struct arena *a, long long id, struct board_seat_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_seat, a, out, "board seat by id");
}

int db_board_seat_update(struct db *db, long long id, long long version,
    const struct board_seat *s, long long member_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);

	if (st == NULL)
		return -1;
	bind_seat(st, s, member_id);
	sqlite3_bind_int64(st, 7, id);
	sqlite3_bind_int64(st, 8, version);
	return db_write(db, st, "update board seat");
}

int db_board_seat_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete board seat");
}

int db_board_other_chair(struct db *db, struct arena *a, int start, int end,
    long long except_id, const char **name)
{
	sqlite3_stmt *st = db_stmt(db, sql_chair_overlap);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, start);
	sqlite3_bind_int(st, 2, end);
	sqlite3_bind_int64(st, 3, except_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*name = db_col_dup(a, st, 0);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "other chair");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
