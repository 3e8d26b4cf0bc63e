/* members.c: the named SQL statements for member organisations. */
#include "store/members.h"

#include <string.h>

#define MAX_MEMBERS 400     /* Sweden has 290 municipalities and 21 regions */

/* Every member query selects these columns, in this order (read_member). */
#define COLS "id, name, kind, county, website, joined_year, active, version "

static const char sql_current[] =
	"SELECT " COLS "FROM members WHERE active = 1 ORDER BY name COLLATE swedish, id LIMIT ?1";
static const char sql_all[] =
	"SELECT " COLS "FROM members ORDER BY name COLLATE swedish, id LIMIT ?1";
static const char sql_by_id[] =
	"SELECT " COLS "FROM members WHERE id = ?1";
static const char sql_taken[] =
	"SELECT 1 FROM members WHERE name = ?1 AND id <> ?2";
/* Insert and update bind the same ?1..?6 (bind_member). */
static const char sql_insert[] =
	"INSERT INTO members (name, kind, county, website, joined_year, active) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_update[] =
	"UPDATE members SET name = ?1, kind = ?2, county = ?3, website = ?4, joined_year = ?5, "
	"active = ?6, version = version + 1 WHERE id = ?7 AND version = ?8";
static const char sql_delete[] =
	"DELETE FROM members WHERE id = ?1";

/* The one reader of a member row; the version (column 7) goes to
 * read_member_version's caller. */
static void read_member(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct member *m = out;

	m->id = sqlite3_column_int64(st, 0);
	m->name = db_col_dup(a, st, 1);
	m->kind = db_col_dup(a, st, 2);
	m->county = db_col_dup(a, st, 3);
	m->website = db_col_dup(a, st, 4);
	m->joined_year = sqlite3_column_int(st, 5);
	m->active = sqlite3_column_int(st, 6) != 0;
}

struct member_row {
	struct member *m;
	long long *version;
};

static void read_member_version(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct member_row *row = out;

	read_member(st, a, row->m);
	*row->version = sqlite3_column_int64(st, 7);
}

static void bind_member(sqlite3_stmt *st, const struct member *m)
{
	db_bind_text(st, 1, m->name);
	db_bind_text(st, 2, m->kind);
	db_bind_text(st, 3, m->county);
	db_bind_text(st, 4, m->website);
	sqlite3_bind_int(st, 5, m->joined_year);
	sqlite3_bind_int(st, 6, m->active);
}

static int list(struct db *db, struct arena *a, const char *sql, int max,
    struct member_list *out, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	void *items;
	long long n;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, max);
	n = db_step_list(db, st, read_member, a, sizeof *out->items, (size_t)max, &items, what);
	out->items = items;
	out->count = n > 0 ? (size_t)n : 0;
	return n < 0 ? -1 : 0;
}

int db_members_current(struct db *db, struct arena *a, struct member_list *out)
{
	return list(db, a, sql_current, MAX_MEMBERS, out, "members");
}

int db_members_all(struct db *db, struct arena *a, struct member_list *out)
{
	return list(db, a, sql_all, MEMBERS_ADMIN_MAX, out, "all members");
}

long long db_member_insert(struct db *db, const struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);

	if (st == NULL)
		return -1;
	bind_member(st, m);
	return db_insert(db, st, "insert member");
}

int db_member_by_id(struct db *db, struct arena *a, long long id, struct member *out,
    long long *version)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	long long ignored;
	struct member_row row = { out, version ? version : &ignored };

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_member_version, a, &row, "member by id");
}

int db_member_name_taken(struct db *db, const char *name, long long except_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_taken);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, except_id);
	return db_step_one(db, st, NULL, NULL, NULL, "member name taken");
}

int db_member_update(struct db *db, long long id, long long version, const struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);

	if (st == NULL)
		return -1;
	bind_member(st, m);
	sqlite3_bind_int64(st, 7, id);
	sqlite3_bind_int64(st, 8, version);
	return db_write(db, st, "update member");
}

int db_member_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete member");
}
