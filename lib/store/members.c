/* members.c: the named SQL statements for member organisations and board seats. */
#include "store/members.h"

#include <string.h>

#define MAX_MEMBERS 400     /* Sweden has 290 municipalities and 21 regions */
#define MAX_SEATS 100

static const char sql_members_current[] =
	"SELECT id, name, kind, county, website, joined_year, active FROM members "
	"WHERE active = 1 ORDER BY name COLLATE swedish, id LIMIT ?1";
static const char sql_member_insert[] =
	"INSERT INTO members (name, kind, county, website, joined_year, active) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_board_current[] =
	"SELECT b.id, b.name, b.role, b.party, coalesce(m.name, ''), b.term_start, b.term_end "
	"FROM board_seats b LEFT JOIN members m ON m.id = b.member_id "
	"WHERE b.term_start <= ?1 AND b.term_end >= ?1 "
	"ORDER BY CASE b.role WHEN 'ordforande' THEN 0 WHEN 'vice_ordforande' THEN 1 "
	"WHEN 'ledamot' THEN 2 ELSE 3 END, b.name COLLATE swedish, b.id LIMIT ?2";
static const char sql_seat_insert[] =
	"INSERT INTO board_seats (name, role, party, member_id, term_start, term_end) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static const struct { const char *code, *label; } roles[] = {
	{ "ordforande", "Ordförande" },
	{ "vice_ordforande", "Vice ordförande" },
	{ "ledamot", "Ledamot" },
	{ "ersattare", "Ersättare" },
};

const char *board_role_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(code, roles[i].code) == 0)
			return roles[i].label;
	return NULL;
}

void db_member_read(sqlite3_stmt *st, struct arena *a, struct member *m)
{
	m->id = sqlite3_column_int64(st, 0);
	m->name = arena_strdup(a, db_col_text(st, 1));
	m->kind = arena_strdup(a, db_col_text(st, 2));
	m->county = arena_strdup(a, db_col_text(st, 3));
	m->website = arena_strdup(a, db_col_text(st, 4));
	m->joined_year = sqlite3_column_int(st, 5);
	m->active = sqlite3_column_int(st, 6) != 0;
}

int db_members_current(struct db *db, struct arena *a, struct member_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_members_current);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * MAX_MEMBERS);
	sqlite3_bind_int(st, 1, MAX_MEMBERS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_member_read(st, a, &out->items[out->count++]);
	if (rc != SQLITE_DONE)
		db_log_error(db, "members");
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long db_member_insert(struct db *db, const struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_member_insert);
	long long id = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, m->name);
	db_bind_text(st, 2, m->kind);
	db_bind_text(st, 3, m->county);
	db_bind_text(st, 4, m->website);
	sqlite3_bind_int(st, 5, m->joined_year);
	sqlite3_bind_int(st, 6, m->active);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "insert member");
	db_done(st);
	return id;
}

int db_board_current(struct db *db, struct arena *a, int year, struct board *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_board_current);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * MAX_SEATS);
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, MAX_SEATS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct board_seat *s = &out->items[out->count++];

		s->id = sqlite3_column_int64(st, 0);
		s->name = arena_strdup(a, db_col_text(st, 1));
		s->role = arena_strdup(a, db_col_text(st, 2));
		s->party = arena_strdup(a, db_col_text(st, 3));
		s->member_name = arena_strdup(a, db_col_text(st, 4));
		s->term_start = sqlite3_column_int(st, 5);
		s->term_end = sqlite3_column_int(st, 6);
	}
	if (rc != SQLITE_DONE)
		db_log_error(db, "board");
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long db_board_seat_insert(struct db *db, const struct board_seat *s,
    long long member_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_seat_insert);
	long long id = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, s->name);
	db_bind_text(st, 2, s->role);
	db_bind_text(st, 3, s->party);
	if (member_id > 0)
		sqlite3_bind_int64(st, 4, member_id);
	sqlite3_bind_int(st, 5, s->term_start);
	sqlite3_bind_int(st, 6, s->term_end);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "insert board seat");
	db_done(st);
	return id;
}
