/* members_edit.c: the named SQL statements of editing member organisations and board seats. */
#include "store/members_edit.h"

#include <string.h>

const char *const board_roles[] = { "ordforande", "vice_ordforande", "ledamot", "ersattare", NULL };

static const char sql_members_all[] =
	"SELECT id, name, kind, county, website, joined_year, active, version FROM members "
	"ORDER BY name COLLATE swedish, id LIMIT ?1";
static const char sql_member_by_id[] =
	"SELECT id, name, kind, county, website, joined_year, active, version FROM members "
	"WHERE id = ?1";
static const char sql_member_taken[] =
	"SELECT 1 FROM members WHERE name = ?1 AND id <> ?2";
static const char sql_member_update[] =
	"UPDATE members SET name = ?3, kind = ?4, county = ?5, website = ?6, joined_year = ?7, "
	"active = ?8, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_member_delete[] =
	"DELETE FROM members WHERE id = ?1";

#define SEAT_COLS \
	"b.id, b.name, b.role, b.party, coalesce(m.name, ''), b.term_start, b.term_end, " \
	"coalesce(b.member_id, 0), b.version FROM board_seats b LEFT JOIN members m ON m.id = b.member_id "
static const char sql_board_all[] =
	"SELECT " SEAT_COLS "ORDER BY b.term_end DESC, CASE b.role WHEN 'ordforande' THEN 0 "
	"WHEN 'vice_ordforande' THEN 1 WHEN 'ledamot' THEN 2 ELSE 3 END, b.name COLLATE swedish, b.id "
	"LIMIT ?1";
static const char sql_seat_by_id[] =
	"SELECT " SEAT_COLS "WHERE b.id = ?1";
static const char sql_seat_update[] =
	"UPDATE board_seats SET name = ?3, role = ?4, party = ?5, member_id = ?6, term_start = ?7, "
	"term_end = ?8, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_chair_overlap[] =
	"SELECT name FROM board_seats WHERE role = 'ordforande' AND id != ?3 "
	"AND term_start <= ?2 AND term_end >= ?1 ORDER BY term_start LIMIT 1";
static const char sql_seat_delete[] =
	"DELETE FROM board_seats WHERE id = ?1";

int db_members_all(struct db *db, struct arena *a, struct member_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_members_all);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * MEMBERS_ADMIN_MAX);
	sqlite3_bind_int(st, 1, MEMBERS_ADMIN_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < MEMBERS_ADMIN_MAX)
		db_member_read(st, a, &out->items[out->count++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "all members");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int db_member_by_id(struct db *db, struct arena *a, long long id, struct member *out,
    long long *version)
{
	sqlite3_stmt *st = db_stmt(db, sql_member_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_member_read(st, a, out);
		*version = sqlite3_column_int64(st, 7);
	} else if (rc != SQLITE_DONE) {
		db_log_error(db, "member by id");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_member_name_taken(struct db *db, const char *name, long long except_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_member_taken);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, except_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_log_error(db, "member name taken");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_member_update(struct db *db, long long id, long long version, const struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_member_update);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, m->name);
	db_bind_text(st, 4, m->kind);
	db_bind_text(st, 5, m->county);
	db_bind_text(st, 6, m->website);
	sqlite3_bind_int(st, 7, m->joined_year);
	sqlite3_bind_int(st, 8, m->active);
	return db_write(db, st, "update member");
}

int db_member_delete(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_member_delete);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_write(db, st, "delete member");
}

static void read_seat(sqlite3_stmt *st, struct arena *a, struct board_seat_edit *e)
{
	e->s.id = sqlite3_column_int64(st, 0);
	e->s.name = arena_strdup(a, db_col_text(st, 1));
	e->s.role = arena_strdup(a, db_col_text(st, 2));
	e->s.party = arena_strdup(a, db_col_text(st, 3));
	e->s.member_name = arena_strdup(a, db_col_text(st, 4));
	e->s.term_start = sqlite3_column_int(st, 5);
	e->s.term_end = sqlite3_column_int(st, 6);
	e->member_id = sqlite3_column_int64(st, 7);
	e->version = sqlite3_column_int64(st, 8);
}

long long db_board_all(struct db *db, struct arena *a, struct board_seat_edit **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_board_all);
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	*out = arena_alloc(a, sizeof **out * SEATS_ADMIN_MAX);
	sqlite3_bind_int(st, 1, SEATS_ADMIN_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < SEATS_ADMIN_MAX)
		read_seat(st, a, &(*out)[n++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "all board seats");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

int db_board_seat_by_id(struct db *db, struct arena *a, long long id, struct board_seat_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_seat_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_seat(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "board seat by id");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_board_seat_update(struct db *db, long long id, long long version,
    const struct board_seat *s, long long member_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_seat_update);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, s->name);
	db_bind_text(st, 4, s->role);
	db_bind_text(st, 5, s->party);
	if (member_id > 0)
		sqlite3_bind_int64(st, 6, member_id);
	sqlite3_bind_int(st, 7, s->term_start);
	sqlite3_bind_int(st, 8, s->term_end);
	return db_write(db, st, "update board seat");
}

int db_board_seat_delete(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_seat_delete);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_write(db, st, "delete board seat");
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
		*name = arena_strdup(a, db_col_text(st, 0));
	else if (rc != SQLITE_DONE)
		db_log_error(db, "other chair");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
