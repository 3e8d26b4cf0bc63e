/* events.c: the named SQL statements for events. */
#include "store/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/eventfmt.h"
#include "util/log.h"
#include "util/markdown.h"
#include "util/slug.h"
#include "util/timefmt.h"

#define EVENT_COLS \
	"id, slug, title, kind, status, all_day, online, starts_at, ends_at, venue, town, " \
	"join_url, description_html, description_text, registration_url, " \
	"coalesce(registration_until, ''), programme_url, created_at, updated_at "
#define PUBLIC "status IN ('published', 'cancelled') "

/* ?4 is now less the longest event: no event that ends after now starts
 * before it, and the scan of events_start begins there, not at the oldest. */
static const char sql_upcoming[] =
	"SELECT " EVENT_COLS "FROM events WHERE " PUBLIC "AND ends_at > ?1 "
	"AND starts_at >= ?4 ORDER BY starts_at, id LIMIT ?2 OFFSET ?3";
static const char sql_span[] =
	"SELECT coalesce(max(CAST((julianday(ends_at) - julianday(starts_at)) * 86400 "
	"AS INTEGER)), 0) + 1 FROM events";
static const char sql_upcoming_count[] =
	"SELECT count(*) FROM events WHERE " PUBLIC "AND ends_at > ?1";
/* starts_at <= ?1 follows from the table's CHECK (ends_at >= starts_at) and
 * lets the backward scan begin at now, not at the last event. */
static const char sql_past[] =
	"SELECT " EVENT_COLS "FROM events WHERE " PUBLIC "AND ends_at <= ?1 AND starts_at <= ?1 "
	"ORDER BY starts_at DESC, id DESC LIMIT ?2 OFFSET ?3";
static const char sql_past_count[] =
	"SELECT count(*) FROM events WHERE " PUBLIC "AND ends_at <= ?1";
static const char sql_next_end[] =
	"SELECT coalesce(min(ends_at), '') FROM events WHERE " PUBLIC "AND ends_at > ?1";
static const char sql_since[] =
	"SELECT " EVENT_COLS "FROM events WHERE " PUBLIC "AND ends_at >= ?1 "
	"ORDER BY starts_at, id LIMIT ?2";
static const char sql_by_slug[] =
	"SELECT " EVENT_COLS "FROM events WHERE " PUBLIC "AND slug = ?1";
/* "tidigare" is taken by the route /evenemang/tidigare. */
static const char sql_slug_taken[] =
	"SELECT 1 WHERE ?1 = 'tidigare' OR EXISTS "
	"(SELECT 1 FROM events WHERE slug = ?1 AND id <> ?2)";
static const char sql_insert[] =
	"INSERT INTO events (slug, title, kind, status, all_day, online, starts_at, ends_at, "
	"venue, town, join_url, description_md, description_html, description_text, "
	"registration_url, registration_until, programme_url, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	"?17, ?18, ?18)";

/* A stored UTC time, or 0 when it does not parse (the table's CHECK prevents it). */
static time_t col_time(sqlite3_stmt *st, int col)
{
	time_t t = 0;

	time_parse_utc(db_col_text(st, col), &t);
	return t;
}

static void read_event(sqlite3_stmt *st, struct arena *a, struct event *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->slug = arena_strdup(a, db_col_text(st, 1));
	e->title = arena_strdup(a, db_col_text(st, 2));
	e->kind = arena_strdup(a, db_col_text(st, 3));
	e->status = arena_strdup(a, db_col_text(st, 4));
	e->all_day = sqlite3_column_int(st, 5) != 0;
	e->online = sqlite3_column_int(st, 6) != 0;
	e->start = col_time(st, 7);
	e->end = col_time(st, 8);
	e->venue = arena_strdup(a, db_col_text(st, 9));
	e->town = arena_strdup(a, db_col_text(st, 10));
	e->join_url = arena_strdup(a, db_col_text(st, 11));
	e->description_html = arena_strdup(a, db_col_text(st, 12));
	e->description_text = arena_strdup(a, db_col_text(st, 13));
	e->registration_url = arena_strdup(a, db_col_text(st, 14));
	e->registration_until = arena_strdup(a, db_col_text(st, 15));
	e->programme_url = arena_strdup(a, db_col_text(st, 16));
	e->created = col_time(st, 17);
	e->updated = col_time(st, 18);
}

/* Steps st (bound already) into out, at most limit rows; resets st. */
static int read_list(struct db *db, struct arena *a, sqlite3_stmt *st, int limit,
    struct event_list *out, const char *what)
{
	int rc;

	out->items = arena_alloc(a, sizeof *out->items * (size_t)(limit > 0 ? limit : 1));
	out->count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)limit)
		read_event(st, a, &out->items[out->count++]);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, what);
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Binds a time in the storage format. */
static void bind_time(sqlite3_stmt *st, int idx, time_t t)
{
	char buf[TIME_UTC_LEN];

	time_format_utc(t, buf);
	db_bind_text(st, idx, buf);
}

/* The longest event in seconds (plus one), cached while the data stamp holds.
 * Returns 0 or -1. */
static int event_span(struct db *db, long long *span)
{
	long long version, changes;
	sqlite3_stmt *st;
	int rc;

	if (db_data_stamp(db, &version, &changes) < 0)
		return -1;
	if (db->event_span.valid && db->event_span.version == version &&
	    db->event_span.changes == changes) {
		*span = db->event_span.span;
		return 0;
	}
	if ((st = db_stmt(db, sql_span)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*span = sqlite3_column_int64(st, 0);
	db_done(st);
	if (rc != SQLITE_ROW) {
		db_log_error(db, "longest event");
		return -1;
	}
	db->event_span.span = *span;
	db->event_span.version = version;
	db->event_span.changes = changes;
	db->event_span.valid = true;
	return 0;
}

/* Runs sql (now as ?1) and reads its one value: an integer into *n or, when
 * text is not NULL, a time into text. Returns 0 or -1. */
static int one_value(struct db *db, const char *sql, const char *now, long long *n,
    char text[TIME_UTC_LEN])
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, now);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && text != NULL)
		snprintf(text, TIME_UTC_LEN, "%s", db_col_text(st, 0));
	else if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		db_log_error(db, "count events");
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* The number of coming (upcoming) or past events at now into out->total,
 * counted again only when the data changed or an event has ended since. */
static int count(struct db *db, bool upcoming, time_t now, struct event_list *out)
{
	char stamp[TIME_UTC_LEN];
	long long version, changes;

	time_format_utc(now, stamp);
	if (db_data_stamp(db, &version, &changes) < 0)
		return -1;
	if (!db->event_counts.valid || db->event_counts.version != version ||
	    db->event_counts.changes != changes || (db->event_counts.until[0] &&
	    strcmp(stamp, db->event_counts.until) >= 0)) {
		db->event_counts.valid = false;
		if (one_value(db, sql_upcoming_count, stamp, &db->event_counts.upcoming, NULL) < 0 ||
		    one_value(db, sql_past_count, stamp, &db->event_counts.past, NULL) < 0 ||
		    one_value(db, sql_next_end, stamp, NULL, db->event_counts.until) < 0)
			return -1;
		db->event_counts.version = version;
		db->event_counts.changes = changes;
		db->event_counts.valid = true;
	}
	out->total = upcoming ? db->event_counts.upcoming : db->event_counts.past;
	return 0;
}

/* A page of a list: page_sql takes now as ?1, LIMIT ?2 OFFSET ?3 and, when
 * upcoming, the earliest start as ?4. With counted, out->total is set. */
static int paged(struct db *db, struct arena *a, bool counted, const char *page_sql,
    bool upcoming, time_t now, long long page, int per, struct event_list *out)
{
	sqlite3_stmt *st;
	long long span = 0;

	memset(out, 0, sizeof *out);
	if ((counted && count(db, upcoming, now, out) < 0) ||
	    (upcoming && event_span(db, &span) < 0) || (st = db_stmt(db, page_sql)) == NULL)
		return -1;
	bind_time(st, 1, now);
	sqlite3_bind_int(st, 2, per);
	sqlite3_bind_int64(st, 3, (page - 1) * per);
	if (upcoming)
		bind_time(st, 4, now - (time_t)span);
	return read_list(db, a, st, per, out, "list events");
}

int db_events_upcoming(struct db *db, struct arena *a, time_t now, long long page,
    int per, struct event_list *out)
{
	return paged(db, a, true, sql_upcoming, true, now, page, per, out);
}

int db_events_next(struct db *db, struct arena *a, time_t now, int limit,
    struct event_list *out)
{
	return paged(db, a, false, sql_upcoming, true, now, 1, limit, out);
}

int db_events_past(struct db *db, struct arena *a, time_t now, long long page,
    int per, struct event_list *out)
{
	return paged(db, a, true, sql_past, false, now, page, per, out);
}

int db_events_since(struct db *db, struct arena *a, time_t since, int limit,
    struct event_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_since);

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	bind_time(st, 1, since);
	sqlite3_bind_int(st, 2, limit);
	return read_list(db, a, st, limit, out, "calendar events");
}

int db_event_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct event *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_slug);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_event(st, a, out);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "event by slug");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Picks a free slug for title into buf (size n > SLUG_MAX). Returns 0 or -1. */
static bool status_valid(const char *s)
{
	return strcmp(s, "draft") == 0 || strcmp(s, "published") == 0 ||
	    strcmp(s, "cancelled") == 0;
}

long long db_event_insert(struct db *db, const struct event_input *in)
{
	char slug[SLUG_MAX + 8], now[TIME_UTC_LEN];   /* room for "-NNNN" in the eyes of -Wformat-truncation */
	char *html = NULL, *text = NULL;
	size_t mdlen = strlen(in->description_md);
	sqlite3_stmt *st;
	long long id = -1;

	if (in->end < in->start || event_kind_label(in->kind) == NULL ||
	    !status_valid(in->status)) {
		log_msg("event %s refused: end before start, or bad kind or status", in->title);
		return -1;
	}
	if (db_unique_slug(db, sql_slug_taken, 0, in->title, "evenemang", slug, sizeof slug) < 0)
		return -1;
	html = md_to_html(in->description_md, mdlen);
	text = md_to_text(in->description_md, mdlen);
	if (html == NULL || text == NULL || (st = db_stmt(db, sql_insert)) == NULL)
		goto out;
	db_now(now);
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, in->title);
	db_bind_text(st, 3, in->kind);
	db_bind_text(st, 4, in->status);
	sqlite3_bind_int(st, 5, in->all_day);
	sqlite3_bind_int(st, 6, in->online);
	bind_time(st, 7, in->start);
	bind_time(st, 8, in->end);
	db_bind_text(st, 9, in->venue);
	db_bind_text(st, 10, in->town);
	db_bind_text(st, 11, in->join_url);
	db_bind_text(st, 12, in->description_md);
	db_bind_text(st, 13, html);
	db_bind_text(st, 14, text);
	db_bind_text(st, 15, in->registration_url);
	db_bind_text(st, 16, in->registration_until);
	db_bind_text(st, 17, in->programme_url);
	db_bind_text(st, 18, now);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "insert event");
	db_done(st);
out:
	free(html);
	free(text);
	return id;
}
