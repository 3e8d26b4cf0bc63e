/* users.c: the named SQL statements for users. */
#include "store/users.h"

#include <string.h>

#include "util/timefmt.h"

#define USERS_MAX 1000

/* Every user query selects these columns, in this order (read_user). */
#define USER_COLS "id, email, name, role, password_hash, created_at, disabled "

static const char sql_by_email[] =
	"SELECT " USER_COLS "FROM users WHERE email = ?1";
static const char sql_by_id[] =
	"SELECT " USER_COLS "FROM users WHERE id = ?1";
static const char sql_all[] =
	"SELECT " USER_COLS "FROM users ORDER BY email LIMIT ?1";
static const char sql_insert[] =
	"INSERT INTO users (email, name, role, password_hash, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_set_password[] =
	"UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char sql_set_disabled[] =
	"UPDATE users SET disabled = ?2 WHERE id = ?1";

/* The one reader of a user row. */
static void read_user(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct user *u = out;

	u->id = sqlite3_column_int64(st, 0);
	u->email = db_col_dup(a, st, 1);
	u->name = db_col_dup(a, st, 2);
	u->role = db_col_dup(a, st, 3);
	u->password_hash = db_col_dup(a, st, 4);
	u->created_at = db_col_dup(a, st, 5);
	u->disabled = sqlite3_column_int(st, 6) != 0;
}

int db_user_by_email(struct db *db, struct arena *a, const char *email, struct user *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_email);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	return db_step_one(db, st, read_user, a, out, "user by e-mail");
}

int db_user_by_id(struct db *db, struct arena *a, long long id, struct user *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_user, a, out, "user by id");
}

int db_users_all(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_all);
	void *items;
	long long got;

	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, USERS_MAX);
	got = db_step_list(db, st, read_user, a, sizeof **out, USERS_MAX, &items, "list users");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

long long db_user_insert(struct db *db, const char *email, const char *name,
    const char *role, const char *password_hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	char now[TIME_UTC_LEN];
	long long id = -1;
	int rc;

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, password_hash);
	db_bind_text(st, 5, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else if (rc == SQLITE_CONSTRAINT_UNIQUE)
		id = -2;
	else
		db_log_error(db, "insert user");
	db_done(st);
	return id;
}

/* Runs an UPDATE of one user; returns 0 when a row changed, else -1. */
static int update_user(struct db *db, const char *sql, long long id,
    const char *text, int value)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	else
		sqlite3_bind_int(st, 2, value);
	return db_write(db, st, "update user") == 1 ? 0 : -1;
}

int db_user_set_password(struct db *db, long long id, const char *password_hash)
{
	return update_user(db, sql_set_password, id, password_hash, 0);
}

int db_user_set_disabled(struct db *db, long long id, bool disabled)
{
	return update_user(db, sql_set_disabled, id, NULL, disabled ? 1 : 0);
}
