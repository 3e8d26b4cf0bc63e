/* newsletter.c: the SQL of newsletter issues and the fan-out into mail_queue. */
#include "store/newsletter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "site/eventfmt.h"
#include "store/mail.h"
#include "store/mailq.h"
#include "store/subscribers.h"
#include "util/log.h"
#include "util/markdown.h"
#include "util/timefmt.h"

#define COLS "id, subject, intro_md, state, coalesce(send_at, ''), coalesce(sent_at, ''),"\
	" created_at, updated_at, recipients, queued_all"

static void read_nl(sqlite3_stmt *st, struct arena *a, struct newsletter *n)
{
	n->id = sqlite3_column_int64(st, 0);
	n->subject = arena_strdup(a, db_col_text(st, 1));
	n->intro_md = arena_strdup(a, db_col_text(st, 2));
	n->state = arena_strdup(a, db_col_text(st, 3));
	n->send_at = arena_strdup(a, db_col_text(st, 4));
	n->sent_at = arena_strdup(a, db_col_text(st, 5));
	n->created_at = arena_strdup(a, db_col_text(st, 6));
	n->updated_at = arena_strdup(a, db_col_text(st, 7));
	n->recipients = sqlite3_column_int64(st, 8);
	n->queued_all = sqlite3_column_int(st, 9) != 0;
}

static const char sql_list[] = "SELECT " COLS " FROM newsletters ORDER BY created_at DESC, id DESC";

int nl_list(struct db *db, struct arena *a, struct newsletter **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct newsletter *m = arena_alloc(a, (cap = cap ? cap * 2 : 16) * sizeof *m);

			if (*n)
				memcpy(m, *out, *n * sizeof *m);
			*out = m;
		}
		read_nl(st, a, &(*out)[(*n)++]);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char sql_get[] = "SELECT " COLS " FROM newsletters WHERE id = ?1";

int nl_get(struct db *db, struct arena *a, long long id, struct newsletter *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_nl(st, a, out);
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static const char sql_create[] =
	"INSERT INTO newsletters (subject, intro_md, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)";

long long nl_create(struct db *db, const char *subject, const char *intro_md)
{
	sqlite3_stmt *st = db_stmt(db, sql_create);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, subject);
	db_bind_text(st, 2, intro_md);
	db_bind_text(st, 3, now);
	return db_write(db, st, "newsletter create") == 1 ? sqlite3_last_insert_rowid(db->h) : -1;
}

static const char sql_save[] =
	"UPDATE newsletters SET subject = ?2, intro_md = ?3, updated_at = ?4"
	" WHERE id = ?1 AND state = 'draft'";

int nl_save(struct db *db, long long id, const char *subject, const char *intro_md)
{
	sqlite3_stmt *st = db_stmt(db, sql_save);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, subject);
	db_bind_text(st, 3, intro_md);
	db_bind_text(st, 4, now);
	return db_write(db, st, "newsletter save");
}

static const char sql_items_clear[] = "DELETE FROM newsletter_items WHERE newsletter_id = ?1";
static const char sql_item_add[] =
	"INSERT OR IGNORE INTO newsletter_items (newsletter_id, kind, item_id, position)"
	" VALUES (?1, ?2, ?3, ?4)";

static int items_add(struct db *db, long long id, const char *kind, const long long *ids,
    size_t n)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((st = db_stmt(db, sql_item_add)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, kind);
		sqlite3_bind_int64(st, 3, ids[i]);
		sqlite3_bind_int64(st, 4, (long long)i);
		if (db_write(db, st, "newsletter item") < 0)
			return -1;
	}
	return 0;
}

int nl_items_set(struct db *db, long long id, const long long *posts, size_t nposts,
    const long long *events, size_t nevents)
{
	if (db_write_id(db, sql_items_clear, id, "newsletter items") < 0 ||
	    items_add(db, id, "post", posts, nposts) < 0 ||
	    items_add(db, id, "event", events, nevents) < 0)
		return -1;
	return 0;
}

static const char sql_delete[] = "DELETE FROM newsletters WHERE id = ?1 AND state = 'draft'";

int nl_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "newsletter delete");
}

/* The offered posts: the newest public ones and the chosen ones. */
static const char sql_pick_posts[] =
	"SELECT p.id, p.title, p.published_at, i.item_id IS NOT NULL FROM posts p"
	" LEFT JOIN newsletter_items i ON i.newsletter_id = ?1 AND i.kind = 'post' AND i.item_id = p.id"
	" WHERE p.status = 'published' AND p.published_at <= ?2 AND (i.item_id IS NOT NULL OR p.id IN"
	"  (SELECT id FROM posts WHERE status = 'published' AND published_at <= ?2"
	"   ORDER BY published_at DESC, id DESC LIMIT ?3))"
	" ORDER BY p.published_at DESC, p.id DESC";
static const char sql_pick_events[] =
	"SELECT e.id, e.title, e.starts_at, e.ends_at, e.all_day, i.item_id IS NOT NULL FROM events e"
	" LEFT JOIN newsletter_items i ON i.newsletter_id = ?1 AND i.kind = 'event' AND i.item_id = e.id"
	" WHERE e.status <> 'draft' AND (i.item_id IS NOT NULL OR e.id IN"
	"  (SELECT id FROM events WHERE status <> 'draft' AND ends_at > ?2"
	"   ORDER BY starts_at, id LIMIT ?3))"
	" ORDER BY e.starts_at, e.id";

static const char *post_when(struct arena *a, const char *utc)
{
	char buf[TIME_SV_DATE_LEN];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return "";
	time_format_date_sv(t, buf, sizeof buf);
	return arena_strdup(a, buf);
}

static const char *event_when(struct arena *a, const char *start, const char *end, bool all_day)
{
	char buf[128];
	time_t s, e;

	if (time_parse_utc(start, &s) < 0 || time_parse_utc(end, &e) < 0)
		return "";
	event_when_sv(all_day, s, e, buf, sizeof buf);
	return arena_strdup(a, buf);
}

static int picks(struct db *db, struct arena *a, const char *sql, long long id, bool events,
    struct nl_pick **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	char now[TIME_UTC_LEN];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	sqlite3_bind_int(st, 3, NL_PICK_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct nl_pick *p;

		if (*n == cap) {
			struct nl_pick *m = arena_alloc(a, (cap = cap ? cap * 2 : 32) * sizeof *m);

			if (*n)
				memcpy(m, *out, *n * sizeof *m);
			*out = m;
		}
		p = &(*out)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->title = arena_strdup(a, db_col_text(st, 1));
		if (events) {
			p->when = event_when(a, db_col_text(st, 2), db_col_text(st, 3),
			    sqlite3_column_int(st, 4) != 0);
			p->chosen = sqlite3_column_int(st, 5) != 0;
		} else {
			p->when = post_when(a, db_col_text(st, 2));
			p->chosen = sqlite3_column_int(st, 3) != 0;
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int nl_picks(struct db *db, struct arena *a, long long id, struct nl_pick **posts,
    size_t *nposts, struct nl_pick **events, size_t *nevents)
{
	if (picks(db, a, sql_pick_posts, id, false, posts, nposts) < 0 ||
	    picks(db, a, sql_pick_events, id, true, events, nevents) < 0)
		return -1;
	return 0;
}

static const char sql_content_posts[] =
	"SELECT p.title, p.published_at, p.excerpt, p.slug FROM newsletter_items i"
	" JOIN posts p ON p.id = i.item_id WHERE i.newsletter_id = ?1 AND i.kind = 'post'"
	" AND p.status = 'published' ORDER BY i.position";
static const char sql_content_events[] =
	"SELECT e.title, e.starts_at, e.ends_at, e.all_day, e.description_md, e.slug, e.status"
	" FROM newsletter_items i JOIN events e ON e.id = i.item_id"
	" WHERE i.newsletter_id = ?1 AND i.kind = 'event' AND e.status <> 'draft'"
	" ORDER BY e.starts_at, e.id";

static int content_items(struct db *db, struct arena *a, const struct config *cfg,
    long long id, bool events, struct nl_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, events ? sql_content_events : sql_content_posts);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct nl_item *it;

		if (*n == cap) {
			struct nl_item *m = arena_alloc(a, (cap = cap ? cap * 2 : 16) * sizeof *m);

			if (*n)
				memcpy(m, *out, *n * sizeof *m);
			*out = m;
		}
		it = &(*out)[(*n)++];
		if (events) {
			const char *md = db_col_text(st, 4);
			char *ex = md_excerpt(md, strlen(md), 300);
			bool cancelled = strcmp(db_col_text(st, 6), "cancelled") == 0;

			it->title = cancelled ? arena_printf(a, "Inställt: %s", db_col_text(st, 0))
			    : arena_strdup(a, db_col_text(st, 0));
			it->when = event_when(a, db_col_text(st, 1), db_col_text(st, 2),
			    sqlite3_column_int(st, 3) != 0);
			it->excerpt = arena_strdup(a, ex ? ex : "");
			free(ex);
			it->url = arena_printf(a, "%s/evenemang/%s", cfg->site_url, db_col_text(st, 5));
		} else {
			it->title = arena_strdup(a, db_col_text(st, 0));
			it->when = post_when(a, db_col_text(st, 1));
			it->excerpt = arena_strdup(a, db_col_text(st, 2));
			it->url = arena_printf(a, "%s/nyheter/%s", cfg->site_url, db_col_text(st, 3));
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int nl_content(struct db *db, struct arena *a, const struct config *cfg, long long id,
    const struct newsletter *nl, struct nl_content *c)
{
	char *html = md_to_html(nl->intro_md, strlen(nl->intro_md));
	char *text = md_to_text(nl->intro_md, strlen(nl->intro_md));
	struct nl_item *posts, *events;
	int rc = -1;

	if (html == NULL || text == NULL)
		goto out;
	*c = (struct nl_content){
		.site_name = cfg->site_name, .site_url = cfg->site_url, .subject = nl->subject,
		.intro_html = arena_strdup(a, html), .intro_text = arena_strdup(a, text),
	};
	if (content_items(db, a, cfg, id, false, &posts, &c->nposts) < 0 ||
	    content_items(db, a, cfg, id, true, &events, &c->nevents) < 0)
		goto out;
	c->posts = posts;
	c->events = events;
	rc = 0;
out:
	free(html);
	free(text);
	return rc;
}

static const char sql_start[] =
	"UPDATE newsletters SET state = 'sending', send_at = ?2, updated_at = ?2, queued_all = 0,"
	" recipients = (SELECT count(*) FROM subscribers WHERE state = 'confirmed')"
	" WHERE id = ?1 AND state = 'draft'";

int nl_start(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql_start);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	return db_write(db, st, "newsletter start");
}

static const char sql_resend[] =
	"UPDATE newsletters SET state = 'sending', sent_at = NULL WHERE id = ?1 AND state = 'sent'";

int nl_retry_failed(struct db *db, long long id)
{
	int n;

	if (db_begin(db) < 0)
		return -1;
	if ((n = mailq_requeue_failed(db, 0, id)) < 0 ||
	    (n > 0 && db_write_id(db, sql_resend, id, "newsletter resend") < 0) ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return n;
}

/* ---- the fan-out ---- */

static const char sql_sending[] =
	"SELECT " COLS " FROM newsletters WHERE state = 'sending' AND queued_all = 0"
	" ORDER BY id LIMIT 1";
static const char sql_todo[] =
	"SELECT s.id, s.email FROM subscribers s WHERE s.state = 'confirmed'"
	" AND s.confirmed_at <= ?2 AND NOT EXISTS (SELECT 1 FROM mail_queue q"
	"  WHERE q.newsletter_id = ?1 AND q.subscriber_id = s.id)"
	" ORDER BY s.id LIMIT ?3";
static const char sql_all_queued[] = "UPDATE newsletters SET queued_all = 1 WHERE id = ?1";
static const char sql_done[] =
	"UPDATE newsletters SET state = 'sent', sent_at = ?1 WHERE state = 'sending'"
	" AND queued_all = 1 AND NOT EXISTS (SELECT 1 FROM mail_queue q"
	"  WHERE q.newsletter_id = newsletters.id AND q.state IN ('queued', 'sending'))";

/* Queues the newsletter for one subscriber. Returns 0 or -1. */
static int queue_one(struct db *db, const struct config *cfg, const struct newsletter *nl,
    const struct nl_content *c, long long sub, const char *email)
{
	char token[SUB_TOKEN_HEX], url[600], list[620], dedupe[64], *html = NULL, *text = NULL;
	struct mail_header h[2] = {
		{ "List-Unsubscribe", list },
		{ "List-Unsubscribe-Post", "List-Unsubscribe=One-Click" },
	};
	struct mail_request m = {
		.to = email, .subject = nl->subject, .headers = h, .nheaders = 2,
		.kind = "newsletter", .dedupe = dedupe,
	};
	int rc;

	if (sub_unsubscribe_token(db, sub, token) < 0)
		return -1;
	snprintf(url, sizeof url, "%s/nyhetsbrev/avsluta?t=%s", cfg->site_url, token);
	snprintf(list, sizeof list, "<%s>", url);
	snprintf(dedupe, sizeof dedupe, "newsletter:%lld:%lld", nl->id, sub);
	if (nlmail_render(c, url, &html, &text) < 0)
		return -1;
	m.html = html;
	m.text = text;
	rc = mail_enqueue_newsletter(db, cfg, &m, nl->id, sub);
	free(html);
	free(text);
	if (rc < 0)
		log_msg("newsletter %lld: not queued for subscriber %lld: %s", nl->id, sub,
		    mail_err_sv(rc));
	return rc == MAIL_ERR_STORE ? -1 : 0;
}

/* One batch of one issue, inside the caller's transaction. */
static int fan_out_batch(struct db *db, struct arena *a, const struct config *cfg,
    const struct newsletter *nl, int max)
{
	struct nl_content c;
	sqlite3_stmt *st;
	long long *ids = arena_alloc(a, (size_t)max * sizeof *ids);
	const char **emails = arena_alloc(a, (size_t)max * sizeof *emails);
	int n = 0, i, rc;

	if ((st = db_stmt(db, sql_todo)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, nl->id);
	db_bind_text(st, 2, nl->send_at);
	sqlite3_bind_int(st, 3, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		ids[n] = sqlite3_column_int64(st, 0);
		emails[n++] = arena_strdup(a, db_col_text(st, 1));
	}
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	if (n > 0 && nl_content(db, a, cfg, nl->id, nl, &c) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (queue_one(db, cfg, nl, &c, ids[i], emails[i]) < 0)
			return -1;
	if (n < max && db_write_id(db, sql_all_queued, nl->id, "newsletter queued") < 0)
		return -1;
	return n;
}

static const char sql_work[] =
	"SELECT EXISTS (SELECT 1 FROM newsletters WHERE state = 'sending')"
	" OR EXISTS (SELECT 1 FROM subscribers WHERE state = 'pending' AND created_at < ?1)";

/* 1 when an issue is being sent or a sign-up has expired, 0 when there is
 * nothing to do (then no write transaction is started), -1 on error. */
static int work_waiting(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_work);
	char before[TIME_UTC_LEN];
	int rc, n = -1;

	if (st == NULL)
		return -1;
	time_format_utc(time(NULL) - SUB_CONFIRM_DAYS * 86400LL, before);
	db_bind_text(st, 1, before);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_done(st);
	return n;
}

int newsletter_fan_out(struct db *db, const struct config *cfg, int max)
{
	struct arena a = { 0 };
	struct newsletter nl;
	sqlite3_stmt *st;
	char now[TIME_UTC_LEN];
	int rc, n = 0;

	if ((rc = work_waiting(db)) <= 0)
		return rc;
	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, sql_sending)) == NULL)
		goto fail;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_nl(st, &a, &nl);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto fail;
	if (rc == SQLITE_ROW && (n = fan_out_batch(db, &a, cfg, &nl, max)) < 0)
		goto fail;
	if ((st = db_stmt(db, sql_done)) == NULL)
		goto fail;
	db_now(now);
	db_bind_text(st, 1, now);
	if (db_write(db, st, "newsletter done") < 0 || sub_expire(db) < 0 || db_commit(db) < 0)
		goto fail;
	arena_free(&a);
	return n;
fail:
	db_rollback(db);
	arena_free(&a);
	return -1;
}

static const char sql_failures[] =
	"SELECT id, rcpt, last_reply FROM mail_queue WHERE newsletter_id = ?1 AND state = 'failed'"
	" ORDER BY rcpt";

int nl_failures(struct db *db, struct arena *a, long long id, struct nl_failure **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_failures);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct nl_failure *m = arena_alloc(a, (cap = cap ? cap * 2 : 16) * sizeof *m);

			if (*n)
				memcpy(m, *out, *n * sizeof *m);
			*out = m;
		}
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		(*out)[*n].rcpt = arena_strdup(a, db_col_text(st, 1));
		(*out)[(*n)++].reply = arena_strdup(a, db_col_text(st, 2));
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
