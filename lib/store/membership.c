/* membership.c: the named SQL statements of membership-interest requests. */
#include "store/membership.h"

#include <string.h>
#include <time.h>

const char *const membership_statuses[] = { "new", "contacted", "member", "declined", NULL };
const char *const membership_status_labels[] = {
	"Ny", "Kontaktad", "Blivit medlem", "Avböjd", NULL,
};

static const char sql_insert[] =
	"INSERT INTO membership_requests (organisation, kind, contact, role, email, phone, "
	"message, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
#define COLS \
	"id, organisation, kind, contact, role, email, phone, message, status, note, " \
	"created_at, coalesce(member_id, 0), version FROM membership_requests "
static const char sql_list[] =
	"SELECT " COLS "ORDER BY created_at DESC, id DESC LIMIT ?1";
static const char sql_by_id[] = "SELECT " COLS "WHERE id = ?1";
static const char sql_update[] =
	"UPDATE membership_requests SET status = ?3, note = ?4, "
	"member_id = coalesce(nullif(?5, 0), member_id), version = version + 1 "
	"WHERE id = ?1 AND version = ?2";

const char *membership_status_label(const char *code)
{
	size_t i;

	for (i = 0; membership_statuses[i] != NULL; i++)
		if (strcmp(code, membership_statuses[i]) == 0)
			return membership_status_labels[i];
	return code;
}

long long db_membership_insert(struct db *db, const struct membership_request *r)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, r->organisation);
	db_bind_text(st, 2, r->kind);
	db_bind_text(st, 3, r->contact);
	db_bind_text(st, 4, r->role);
	db_bind_text(st, 5, r->email);
	db_bind_text(st, 6, r->phone);
	db_bind_text(st, 7, r->message);
	db_bind_time(st, 8, time(NULL));
	if (db_write(db, st, "membership insert") != 1)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

/* The one reader of a request row (COLS). */
static void read_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct membership_request *m = out;

	m->id = sqlite3_column_int64(st, 0);
	m->organisation = db_col_dup(a, st, 1);
	m->kind = db_col_dup(a, st, 2);
	m->contact = db_col_dup(a, st, 3);
	m->role = db_col_dup(a, st, 4);
	m->email = db_col_dup(a, st, 5);
	m->phone = db_col_dup(a, st, 6);
	m->message = db_col_dup(a, st, 7);
	m->status = db_col_dup(a, st, 8);
	m->note = db_col_dup(a, st, 9);
	m->created_at = db_col_dup(a, st, 10);
	m->member_id = sqlite3_column_int64(st, 11);
	m->version = sqlite3_column_int64(st, 12);
}

int db_membership_list(struct db *db, struct arena *a, struct membership_request **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	void *items;
	long long got;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, MEMBERSHIP_LIST_MAX);
	got = db_step_list(db, st, read_row, a, sizeof **out, MEMBERSHIP_LIST_MAX, &items,
	    "membership list");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

int db_membership_by_id(struct db *db, struct arena *a, long long id,
    struct membership_request *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_row, a, out, "membership by id");
}

int db_membership_update(struct db *db, long long id, long long version,
    const char *status, const char *note, long long member_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, status);
	db_bind_text(st, 4, note);
	sqlite3_bind_int64(st, 5, member_id);
	return db_write(db, st, "membership update");
}
