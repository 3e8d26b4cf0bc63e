/* formposts.c: the named SQL statements of the public forms' rate limit and spent form tokens. */
#include "store/formposts.h"


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
	long long n = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, addr);
	db_bind_time(st, 2, now - 3600);
	if (db_step_int(db, st, &n, "form posts since") < 0)
		return -1;
	if (n >= limit)
		return 0;
	if ((st = db_stmt(db, sql_post_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, addr);
	db_bind_time(st, 2, now);
	return db_write(db, st, "form post insert") == 1 ? 1 : -1;
}

int db_form_token_spent(struct db *db, const char *token_hash)
{
	sqlite3_stmt *st = db_stmt(db, sql_token_spent);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token_hash);
	return db_step_one(db, st, NULL, NULL, NULL, "form token spent");
}

int db_form_token_spend(struct db *db, const char *token_hash, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql_token_spend);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token_hash);
	db_bind_time(st, 2, now);
	return db_write(db, st, "form token spend") < 0 ? -1 : 0;
}
