/* formposts.c: the named SQL statements of the public forms' rate limit and spent form tokens. */
#include "store/formposts.h"

#include "util/timefmt.h"

static const char sql_posts_since[] =
	"SELECT count(*) FROM form_posts WHERE addr = ?1 AND at > ?2";
static const char sql_post_insert[] =
	"INSERT INTO form_posts (addr, at) VALUES (?1, ?2)";
static const char sql_token_spent[] =
	"SELECT 1 FROM form_tokens_spent WHERE token_hash = ?1";
static const char sql_token_spend[] =
	"INSERT OR IGNORE INTO form_tokens_spent (token_hash, at) VALUES (?1, ?2)";

int db_form_post_allowed(struct db *db, const char *addr, time_t now, int limit)
{
	sqlite3_stmt *st = db_stmt(db, sql_posts_since);
	char since[TIME_UTC_LEN], at[TIME_UTC_LEN];
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	time_format_utc(now - 3600, since);
	time_format_utc(now, at);
	db_bind_text(st, 1, addr);
	db_bind_text(st, 2, since);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		db_log_error(db, "form posts since");
	db_done(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (n >= limit)
		return 0;
	if ((st = db_stmt(db, sql_post_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, addr);
	db_bind_text(st, 2, at);
	return db_write(db, st, "form post insert") == 1 ? 1 : -1;
}

int db_form_token_spent(struct db *db, const char *token_hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_token_spent);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token_hash);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_log_error(db, "form token spent");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_form_token_spend(struct db *db, const char *token_hash, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql_token_spend);
	char at[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	time_format_utc(now, at);
	db_bind_text(st, 1, token_hash);
	db_bind_text(st, 2, at);
	return db_write(db, st, "form token spend") < 0 ? -1 : 0;
}
