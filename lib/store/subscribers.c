/* subscribers.c: the SQL of subscribers and their hashed link tokens. */
#include "store/subscribers.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "util/abuf.h"
#include "util/timefmt.h"

static void utc_ago(long long seconds, char buf[TIME_UTC_LEN])
{
	time_format_utc(time(NULL) - (time_t)seconds, buf);
}

/* A new random token (hex) and the hex hash stored in its place. */
static void token_new(char token[SUB_TOKEN_HEX], char hash[SUB_TOKEN_HEX])
{
	unsigned char raw[32], h[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, SUB_TOKEN_HEX, raw, sizeof raw);
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(hash, SUB_TOKEN_HEX, h, sizeof h);
}

static void token_hash(const char *token, char hash[SUB_TOKEN_HEX])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(hash, SUB_TOKEN_HEX, h, sizeof h);
}

static const char sql_attempt_prune[] = "DELETE FROM signup_attempts WHERE at < ?1";
static const char sql_attempt_add[] =
	"INSERT INTO signup_attempts (at, email, addr) VALUES (?1, ?2, ?3)";
static const char sql_attempt_count[] =
	"SELECT (SELECT count(*) FROM signup_attempts WHERE email = ?1 AND at >= ?3),"
	" (SELECT count(*) FROM signup_attempts WHERE addr = ?2 AND at >= ?3)";

int sub_attempt_allowed(struct db *db, const char *email, const char *client)
{
	sqlite3_stmt *st;
	char day[TIME_UTC_LEN], hour[TIME_UTC_LEN], now[TIME_UTC_LEN];
	long long by_email = 0, by_client = 0;
	int rc;

	utc_ago(86400, day);
	utc_ago(3600, hour);
	db_now(now);
	if ((st = db_stmt(db, sql_attempt_prune)) == NULL)
		return -1;
	db_bind_text(st, 1, day);
	if (db_write(db, st, "signup prune") < 0 || (st = db_stmt(db, sql_attempt_count)) == NULL)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, client);
	db_bind_text(st, 3, hour);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		by_email = sqlite3_column_int64(st, 0);
		by_client = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_ROW || (st = db_stmt(db, sql_attempt_add)) == NULL)
		return -1;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, email);
	db_bind_text(st, 3, client);
	if (db_write(db, st, "signup attempt") < 0)
		return -1;
	return by_email < SUB_LIMIT_PER_ADDRESS && by_client < SUB_LIMIT_PER_CLIENT;
}

static const char sql_by_email[] = "SELECT id, state FROM subscribers WHERE email = ?1";
static const char sql_sub_insert[] =
	"INSERT INTO subscribers (email, consent_text, consent_at, created_at)"
	" VALUES (?1, ?2, ?3, ?3)";
static const char sql_sub_renew[] =
	"UPDATE subscribers SET consent_text = ?2, consent_at = ?3 WHERE id = ?1";
static const char sql_token_add[] =
	"INSERT INTO subscriber_tokens (hash, subscriber_id, purpose, created_at)"
	" VALUES (?1, ?2, ?3, ?4)";

static int token_add(struct db *db, long long id, const char *purpose, char token[SUB_TOKEN_HEX])
{
	sqlite3_stmt *st = db_stmt(db, sql_token_add);
	char hash[SUB_TOKEN_HEX], now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	token_new(token, hash);
	db_now(now);
	db_bind_text(st, 1, hash);
	sqlite3_bind_int64(st, 2, id);
	db_bind_text(st, 3, purpose);
	db_bind_text(st, 4, now);
	return db_write(db, st, "subscriber token") == 1 ? 0 : -1;
}

int sub_unsubscribe_token(struct db *db, long long id, char token[SUB_TOKEN_HEX])
{
	return token_add(db, id, "unsubscribe", token);
}

int sub_signup(struct db *db, const char *email, const char *consent, char token[SUB_TOKEN_HEX])
{
	sqlite3_stmt *st = db_stmt(db, sql_by_email);
	char now[TIME_UTC_LEN];
	long long id = 0;
	bool confirmed = false;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		confirmed = strcmp(db_col_text(st, 1), "confirmed") == 0;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (confirmed)
		return 0;
	db_now(now);
	if ((st = db_stmt(db, id ? sql_sub_renew : sql_sub_insert)) == NULL)
		return -1;
	if (id) {
		sqlite3_bind_int64(st, 1, id);
	} else {
		db_bind_text(st, 1, email);
	}
	db_bind_text(st, 2, consent);
	db_bind_text(st, 3, now);
	if (db_write(db, st, "subscriber signup") != 1)
		return -1;
	if (id == 0)
		id = sqlite3_last_insert_rowid(db->h);
	return token_add(db, id, "confirm", token) < 0 ? -1 : 1;
}

static const char sql_token_find[] =
	"SELECT subscriber_id FROM subscriber_tokens WHERE hash = ?1 AND purpose = ?2"
	" AND (purpose <> 'confirm' OR created_at >= ?3)";

/* The subscriber of a live token, 0 when none, -1 on error. */
static long long token_owner(struct db *db, const char *token, const char *purpose)
{
	sqlite3_stmt *st;
	char hash[SUB_TOKEN_HEX], since[TIME_UTC_LEN];
	long long id = 0;
	int rc;

	if (token == NULL || strlen(token) != SUB_TOKEN_HEX - 1)
		return 0;
	if ((st = db_stmt(db, sql_token_find)) == NULL)
		return -1;
	token_hash(token, hash);
	utc_ago(SUB_CONFIRM_DAYS * 86400LL, since);
	db_bind_text(st, 1, hash);
	db_bind_text(st, 2, purpose);
	db_bind_text(st, 3, since);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : -1;
}

int sub_token_live(struct db *db, const char *token, const char *purpose)
{
	long long id = token_owner(db, token, purpose);

	return id < 0 ? -1 : id > 0;
}

static const char sql_confirm[] =
	"UPDATE subscribers SET state = 'confirmed', confirmed_at = ?2"
	" WHERE id = ?1 AND state = 'pending'";
static const char sql_drop_confirm_tokens[] =
	"DELETE FROM subscriber_tokens WHERE subscriber_id = ?1 AND purpose = 'confirm'";

int sub_confirm(struct db *db, const char *token)
{
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];
	long long id = token_owner(db, token, "confirm");

	if (id <= 0)
		return (int)id;
	if ((st = db_stmt(db, sql_confirm)) == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	if (db_write(db, st, "subscriber confirm") < 0 ||
	    db_write_id(db, sql_drop_confirm_tokens, id, "confirm tokens") < 0)
		return -1;
	return 1;
}

/* Unsent newsletter rows go; the others keep their counts but lose the
 * address and the message. Confirmation mails to the address lose them too. */
static const char sql_erase_queued[] =
	"DELETE FROM mail_queue WHERE state IN ('queued', 'failed')"
	" AND (subscriber_id = ?1 OR (kind = 'confirm' AND rcpt = (SELECT email FROM subscribers WHERE id = ?1)))";
static const char sql_erase_sent[] =
	"UPDATE mail_queue SET rcpt = '', message = NULL WHERE state = 'sent'"
	" AND (subscriber_id = ?1 OR (kind = 'confirm' AND rcpt = (SELECT email FROM subscribers WHERE id = ?1)))";
static const char sql_sub_delete[] = "DELETE FROM subscribers WHERE id = ?1";

int sub_erase(struct db *db, long long id)
{
	if (db_write_id(db, sql_erase_queued, id, "erase queued") < 0 ||
	    db_write_id(db, sql_erase_sent, id, "erase sent") < 0)
		return -1;
	return db_write_id(db, sql_sub_delete, id, "erase subscriber");
}

int sub_unsubscribe(struct db *db, const char *token)
{
	long long id = token_owner(db, token, "unsubscribe");

	return id <= 0 ? (int)id : sub_erase(db, id);
}

static const char sql_expired[] =
	"SELECT id FROM subscribers WHERE state = 'pending' AND created_at < ?1 LIMIT 100";

int sub_expire(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_expired);
	char before[TIME_UTC_LEN];
	long long ids[100];
	int n = 0, i, rc;

	if (st == NULL)
		return -1;
	utc_ago(SUB_CONFIRM_DAYS * 86400LL, before);
	db_bind_text(st, 1, before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 100)
		ids[n++] = sqlite3_column_int64(st, 0);
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	for (i = 0; i < n; i++)
		if (sub_erase(db, ids[i]) < 0)
			return -1;
	return n;
}

static const char sql_count_confirmed[] =
	"SELECT count(*) FROM subscribers WHERE state = 'confirmed'";

long long sub_count_confirmed(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_count_confirmed);
	long long n = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	db_done(st);
	return n;
}

static const char sql_list[] =
	"SELECT id, email, state, consent_text, consent_at, coalesce(confirmed_at, ''), created_at"
	" FROM subscribers ORDER BY state = 'pending', email";

int sub_list(struct db *db, struct arena *a, struct subscriber_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t cap = 0;
	int rc;

	out->items = NULL;
	out->count = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct subscriber *s;

		if (out->count == cap) {
			struct subscriber *n = arena_alloc(a, (cap = cap ? cap * 2 : 64) * sizeof *n);

			if (out->count)
				memcpy(n, out->items, out->count * sizeof *n);
			out->items = n;
		}
		s = &out->items[out->count++];
		s->id = sqlite3_column_int64(st, 0);
		s->email = arena_strdup(a, db_col_text(st, 1));
		s->state = arena_strdup(a, db_col_text(st, 2));
		s->consent_text = arena_strdup(a, db_col_text(st, 3));
		s->consent_at = arena_strdup(a, db_col_text(st, 4));
		s->confirmed_at = arena_strdup(a, db_col_text(st, 5));
		s->created_at = arena_strdup(a, db_col_text(st, 6));
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One CSV field, quoted when it holds a comma, quote or line end; a field
 * that a spreadsheet would read as a formula gets a leading apostrophe. */
static void csv_field(struct abuf *b, const char *s, bool last)
{
	if (*s && strchr("=+-@", *s))
		abuf_add(b, "'", 1);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		abuf_str(b, s);
	} else {
		abuf_add(b, "\"", 1);
		for (; *s; s++) {
			if (*s == '"')
				abuf_add(b, "\"", 1);
			abuf_add(b, s, 1);
		}
		abuf_add(b, "\"", 1);
	}
	abuf_str(b, last ? "\r\n" : ",");
}

int sub_export_csv(struct db *db, struct arena *a, char **out, size_t *len)
{
	struct subscriber_list l;
	struct abuf b = { .a = a };
	size_t i;

	if (sub_list(db, a, &l) < 0)
		return -1;
	abuf_str(&b, "e-post,status,samtycke,samtycke_tid,bekraftad_tid,registrerad_tid\r\n");
	for (i = 0; i < l.count; i++) {
		csv_field(&b, l.items[i].email, false);
		csv_field(&b, strcmp(l.items[i].state, "confirmed") == 0 ? "bekräftad" : "obekräftad",
		    false);
		csv_field(&b, l.items[i].consent_text, false);
		csv_field(&b, l.items[i].consent_at, false);
		csv_field(&b, l.items[i].confirmed_at, false);
		csv_field(&b, l.items[i].created_at, true);
	}
	*out = b.p;
	*len = b.len;
	return 0;
}
