/* mailq.c: claiming and settling rows of mail_queue for the sender. */
#include "store/mailq.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/timefmt.h"

static void utc_in(int seconds, char buf[TIME_UTC_LEN])
{
	time_format_utc(time(NULL) + seconds, buf);
}

static const char sql_recover[] =
	"UPDATE mail_queue SET state = 'queued', next_at = ?2,"
	" last_reply = CASE WHEN last_reply = '' THEN 'avbrutet försök' ELSE last_reply END"
	" WHERE state = 'sending' AND claimed_at < ?1";

/* Read-only checks first: an idle sender never asks for the write lock, so
 * it never makes a request wait (WAL readers do not block). */
static const char sql_any_stale[] =
	"SELECT EXISTS (SELECT 1 FROM mail_queue WHERE state = 'sending' AND claimed_at < ?1)";
static const char sql_any_due[] =
	"SELECT EXISTS (SELECT 1 FROM mail_queue WHERE state = 'queued' AND next_at <= ?1)";

/* 1 when the one-parameter EXISTS query sql finds a row for t, 0 when not, -1. */
static int exists(struct db *db, const char *sql, const char *t)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc, n = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, t);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_done(st);
	return n;
}

int mailq_recover(struct db *db, int timeout)
{
	sqlite3_stmt *st;
	char before[TIME_UTC_LEN], now[TIME_UTC_LEN];
	int rc;

	utc_in(-timeout, before);
	if ((rc = exists(db, sql_any_stale, before)) <= 0)
		return rc;
	if ((st = db_stmt(db, sql_recover)) == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, before);
	db_bind_text(st, 2, now);
	if (db_write(db, st, "mail recover") < 0)
		return -1;
	return (int)sqlite3_changes(db->h);
}

static const char sql_claim[] =
	"UPDATE mail_queue SET state = 'sending', claimed_at = ?1, attempts = attempts + 1"
	" WHERE id = (SELECT id FROM mail_queue WHERE state = 'queued' AND next_at <= ?1"
	"  ORDER BY next_at, id LIMIT 1) AND state = 'queued'"
	" RETURNING id, rcpt, message, attempts, newsletter_id";

int mailq_claim(struct db *db, struct mailq_item *it)
{
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];
	const void *blob;
	int rc, n;

	memset(it, 0, sizeof *it);
	db_now(now);
	if ((rc = exists(db, sql_any_due, now)) <= 0)
		return rc;
	if ((st = db_stmt(db, sql_claim)) == NULL)
		return -1;
	db_bind_text(st, 1, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		it->id = sqlite3_column_int64(st, 0);
		it->rcpt = strdup(db_col_text(st, 1));
		blob = sqlite3_column_blob(st, 2);
		n = sqlite3_column_bytes(st, 2);
		it->message = malloc((size_t)n + 1);
		if (it->message != NULL) {
			if (n > 0)
				memcpy(it->message, blob, (size_t)n);
			it->message[n] = '\0';
		}
		it->len = (size_t)n;
		it->attempts = sqlite3_column_int(st, 3);
		it->newsletter_id = sqlite3_column_int64(st, 4);
		rc = sqlite3_step(st);   /* finishes the statement: the update commits */
	}
	if (rc != SQLITE_DONE) {
		db_log_error(db, "mail claim");
		db_done(st);
		mailq_item_free(it);
		return -1;
	}
	db_done(st);
	if (it->id == 0)
		return 0;
	if (it->rcpt == NULL || it->message == NULL) {
		mailq_item_free(it);
		return -1;
	}
	return 1;
}

void mailq_item_free(struct mailq_item *it)
{
	free(it->rcpt);
	free(it->message);
	memset(it, 0, sizeof *it);
}

static const char sql_sent[] =
	"UPDATE mail_queue SET state = 'sent', sent_at = ?2, last_reply = ?3 WHERE id = ?1";
static const char sql_retry[] =
	"UPDATE mail_queue SET state = 'queued', next_at = ?2, last_reply = ?3 WHERE id = ?1";
static const char sql_failed[] =
	"UPDATE mail_queue SET state = 'failed', last_reply = ?3, next_at = ?2 WHERE id = ?1";

static int settle(struct db *db, const char *sql, long long id, const char *when,
    const char *reply)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, when);
	db_bind_text(st, 3, reply ? reply : "");
	return db_write(db, st, "mail settle") < 0 ? -1 : 0;
}

int mailq_mark_sent(struct db *db, long long id, const char *reply)
{
	char now[TIME_UTC_LEN];

	db_now(now);
	return settle(db, sql_sent, id, now, reply);
}

int mailq_mark_retry(struct db *db, long long id, const char *reply, int delay)
{
	char at[TIME_UTC_LEN];

	utc_in(delay, at);
	return settle(db, sql_retry, id, at, reply);
}

int mailq_mark_failed(struct db *db, long long id, const char *reply)
{
	char now[TIME_UTC_LEN];

	db_now(now);
	return settle(db, sql_failed, id, now, reply);
}

static const char sql_requeue[] =
	"UPDATE mail_queue SET state = 'queued', attempts = 0, next_at = ?3"
	" WHERE state = 'failed' AND message IS NOT NULL"
	" AND (id = ?1 OR (?1 = 0 AND newsletter_id = ?2))";

int mailq_requeue_failed(struct db *db, long long id, long long newsletter_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_requeue);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, newsletter_id);
	db_bind_text(st, 3, now);
	if (db_write(db, st, "mail requeue") < 0)
		return -1;
	return (int)sqlite3_changes(db->h);
}

static const char sql_count_all[] =
	"SELECT state, count(*) FROM mail_queue GROUP BY state";
static const char sql_count_nl[] =
	"SELECT state, count(*) FROM mail_queue WHERE newsletter_id = ?1 GROUP BY state";

int mailq_count(struct db *db, long long newsletter_id, struct mailq_counts *c)
{
	sqlite3_stmt *st = db_stmt(db, newsletter_id ? sql_count_nl : sql_count_all);
	int rc;

	memset(c, 0, sizeof *c);
	if (st == NULL)
		return -1;
	if (newsletter_id)
		sqlite3_bind_int64(st, 1, newsletter_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);
		long long n = sqlite3_column_int64(st, 1);

		if (strcmp(s, "queued") == 0)
			c->queued = n;
		else if (strcmp(s, "sending") == 0)
			c->sending = n;
		else if (strcmp(s, "sent") == 0)
			c->sent = n;
		else if (strcmp(s, "failed") == 0)
			c->failed = n;
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char sql_problem[] =
	"SELECT last_reply FROM mail_queue WHERE state IN ('queued', 'sending')"
	" AND attempts > 0 AND last_reply <> '' AND (?1 = 0 OR newsletter_id = ?1)"
	" ORDER BY claimed_at DESC LIMIT 1";

int mailq_last_problem(struct db *db, long long newsletter_id, char *buf, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql_problem);
	int rc;

	buf[0] = '\0';
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, newsletter_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(buf, n, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
