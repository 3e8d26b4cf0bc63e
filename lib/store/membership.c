/* membership.c: the named SQL statements of membership-interest requests. */
#include "store/membership.h"

#include <string.h>

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
	char now[21];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, r->organisation);
	db_bind_text(st, 2, r->kind);
	db_bind_text(st, 3, r->contact);
	db_bind_text(st, 4, r->role);
	db_bind_text(st, 5, r->email);
	db_bind_text(st, 6, r->phone);
	db_bind_text(st, 7, r->message);
	db_bind_text(st, 8, now);
	if (db_write(db, st, "membership insert") != 1)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}

static void read_row(sqlite3_stmt *st, struct arena *a, struct membership_request *m)
{
	m->id = sqlite3_column_int64(st, 0);
	m->organisation = arena_strdup(a, db_col_text(st, 1));
	m->kind = arena_strdup(a, db_col_text(st, 2));
	m->contact = arena_strdup(a, db_col_text(st, 3));
	m->role = arena_strdup(a, db_col_text(st, 4));
	m->email = arena_strdup(a, db_col_text(st, 5));
	m->phone = arena_strdup(a, db_col_text(st, 6));
	m->message = arena_strdup(a, db_col_text(st, 7));
	m->status = arena_strdup(a, db_col_text(st, 8));
	m->note = arena_strdup(a, db_col_text(st, 9));
	m->created_at = arena_strdup(a, db_col_text(st, 10));
	m->member_id = sqlite3_column_int64(st, 11);
	m->version = sqlite3_column_int64(st, 12);
}

int db_membership_list(struct db *db, struct arena *a, struct membership_request **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	int rc;

	*n = 0;
	*out = arena_alloc(a, sizeof **out * MEMBERSHIP_LIST_MAX);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, MEMBERSHIP_LIST_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MEMBERSHIP_LIST_MAX)
		read_row(st, a, &(*out)[(*n)++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "membership list");
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int db_membership_by_id(struct db *db, struct arena *a, long long id,
    struct membership_request *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "membership by id");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
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
