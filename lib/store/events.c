/* events.c: the named SQL statements for events: public lists and pages, and editing. */
#include "store/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"
#include "util/markdown.h"
#include "util/slug.h"
#include "util/timefmt.h"

/* Every event query selects these columns, in this order (read_event); the
 * public ones leave out the Markdown source, which only the editor shows. */
#define COLS_OF(md) \
	"id, slug, title, kind, status, all_day, online, starts_at, ends_at, venue, town, " \
	"join_url, description_html, description_text, registration_url, " \
	"coalesce(registration_until, ''), programme_url, created_at, updated_at, " \
	md ", coalesce(programme_media_id, 0), version "
#define EVENT_COLS COLS_OF("''")
#define EDIT_COLS COLS_OF("description_md")
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
static const char sql_admin[] =
	"SELECT " EDIT_COLS "FROM events WHERE ?1 = '' OR instr(sv_lower(title), sv_lower(?1)) > 0 "
	"ORDER BY starts_at DESC, id DESC LIMIT ?2";
static const char sql_by_id[] =
	"SELECT " EDIT_COLS "FROM events WHERE id = ?1";
/* "tidigare" and "manad" are taken by the routes /evenemang/tidigare and
 * /evenemang/manad. */
static const char sql_slug_taken[] =
	"SELECT 1 WHERE ?1 IN ('tidigare', 'manad') OR EXISTS "
	"(SELECT 1 FROM events WHERE slug = ?1 AND id <> ?2)";
/* Insert and update bind the same ?2..?18 (bind_input). */
static const char sql_insert[] =
	"INSERT INTO events (slug, title, kind, status, all_day, online, starts_at, ends_at, "
	"venue, town, join_url, description_md, description_html, description_text, "
	"registration_url, registration_until, programme_url, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	"?17, ?18, ?18)";
static const char sql_update[] =
	"UPDATE events SET title = ?2, kind = ?3, status = ?4, all_day = ?5, online = ?6, "
	"starts_at = ?7, ends_at = ?8, venue = ?9, town = ?10, join_url = ?11, "
	"description_md = ?12, description_html = ?13, description_text = ?14, "
	"registration_url = ?15, registration_until = ?16, programme_url = ?17, "
	"updated_at = ?18, version = version + 1 WHERE id = ?19 AND version = ?20";
static const char sql_delete[] =
	"DELETE FROM events WHERE id = ?1";
static const char sql_set_programme[] =
	"UPDATE events SET programme_media_id = ?2 WHERE id = ?1";

/* An event with the editor's columns: what read_event fills. */
struct event_row {
	struct event *e;
	struct event_edit *x;    /* NULL: not wanted */
};

static void read_into(sqlite3_stmt *st, struct arena *a, struct event *e, struct event_edit *x)
{
	e->id = sqlite3_column_int64(st, 0);
	e->slug = db_col_dup(a, st, 1);
	e->title = db_col_dup(a, st, 2);
	e->kind = db_col_dup(a, st, 3);
	e->status = db_col_dup(a, st, 4);
	e->all_day = sqlite3_column_int(st, 5) != 0;
	e->online = sqlite3_column_int(st, 6) != 0;
	e->start = db_col_time(st, 7);
	e->end = db_col_time(st, 8);
	e->venue = db_col_dup(a, st, 9);
	e->town = db_col_dup(a, st, 10);
	e->join_url = db_col_dup(a, st, 11);
	e->description_html = db_col_dup(a, st, 12);
	e->description_text = db_col_dup(a, st, 13);
	e->registration_url = db_col_dup(a, st, 14);
	e->registration_until = db_col_dup(a, st, 15);
	e->programme_url = db_col_dup(a, st, 16);
	e->created = db_col_time(st, 17);
	e->updated = db_col_time(st, 18);
	if (x != NULL) {
		x->description_md = db_col_dup(a, st, 19);
		x->programme_media_id = sqlite3_column_int64(st, 20);
		x->version = sqlite3_column_int64(st, 21);
	}
}

/* The one reader of an event row (the columns of EVENT_COLS). */
static void read_event(sqlite3_stmt *st, struct arena *a, void *out)
{
	read_into(st, a, out, NULL);
}

static void read_event_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct event_row *row = out;

	read_into(st, a, row->e, row->x);
}

/* Steps st (bound already) into out, at most limit rows. Returns 0 or -1. */
static int read_list(struct db *db, struct arena *a, sqlite3_stmt *st, int limit,
    struct event_list *out, const char *what)
{
	void *items;
	long long n = db_step_list(db, st, read_event, a, sizeof *out->items,
	    limit > 0 ? (size_t)limit : 0, &items, what);

	out->items = items;
	out->count = n > 0 ? (size_t)n : 0;
	return n < 0 ? -1 : 0;
}

/* The longest event in seconds (plus one), cached while the data stamp holds.
 * Returns 0 or -1. */
static int event_span(struct db *db, long long *span)
{
	long long version, changes;
	sqlite3_stmt *st;

	if (db_data_stamp(db, &version, &changes) < 0)
		return -1;
	if (db->event_span.valid && db->event_span.version == version &&
	    db->event_span.changes == changes) {
		*span = db->event_span.span;
		return 0;
	}
	if ((st = db_stmt(db, sql_span)) == NULL ||
	    db_step_int(db, st, span, "longest event") < 0)
		return -1;
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
	db_bind_time(st, 1, now);
	sqlite3_bind_int(st, 2, per);
	sqlite3_bind_int64(st, 3, (page - 1) * per);
	if (upcoming)
		db_bind_time(st, 4, now - (time_t)span);
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
	db_bind_time(st, 1, since);
	sqlite3_bind_int(st, 2, limit);
	return read_list(db, a, st, limit, out, "calendar events");
}

int db_event_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct event *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_slug);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_step_one(db, st, read_event, a, out, "event by slug");
}

int db_events_admin(struct db *db, struct arena *a, const char *q, struct event_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin);

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, q);
	sqlite3_bind_int(st, 2, EVENTS_ADMIN_MAX);
	if (read_list(db, a, st, EVENTS_ADMIN_MAX, out, "admin events") < 0)
		return -1;
	out->total = (long long)out->count;
	return 0;
}

int db_event_by_id(struct db *db, struct arena *a, long long id, struct event *out,
    struct event_edit *edit)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	struct event_row row = { out, edit };

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_event_row, a, &row, "event by id");
}

/* The one check of what is written: the table's CHECKs refuse the same. */
static bool input_ok(const struct event_input *in)
{
	return in->end >= in->start && event_kind_label(in->kind) != NULL &&
	    event_status_valid(in->status);
}

/* Binds in's fields to ?2..?18 of sql_insert and sql_update, with the
 * rendered Markdown and now. Returns 0, or -1 when rendering failed. */
static int bind_input(sqlite3_stmt *st, const struct event_input *in)
{
	size_t mdlen = strlen(in->description_md);
	char *html = md_to_html(in->description_md, mdlen);
	char *text = md_to_text(in->description_md, mdlen);
	char now[TIME_UTC_LEN];
	int rc = -1;

	if (html != NULL && text != NULL) {
		db_now(now);
		db_bind_text(st, 2, in->title);
		db_bind_text(st, 3, in->kind);
		db_bind_text(st, 4, in->status);
		sqlite3_bind_int(st, 5, in->all_day);
		sqlite3_bind_int(st, 6, in->online);
		db_bind_time(st, 7, in->start);
		db_bind_time(st, 8, in->end);
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
		rc = 0;
	}
	free(html);
	free(text);
	return rc;
}

long long db_event_insert(struct db *db, const struct event_input *in)
{
	char slug[SLUG_MAX + 8];   /* room for "-NNNN" in the eyes of -Wformat-truncation */
	sqlite3_stmt *st;

	if (!input_ok(in)) {
		log_msg("event %s refused: end before start, or bad kind or status", in->title);
		return -1;
	}
	if (db_unique_slug(db, sql_slug_taken, 0, in->title, "evenemang", slug, sizeof slug) < 0 ||
	    (st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	if (bind_input(st, in) < 0) {
		db_done(st);
		return -1;
	}
	return db_insert(db, st, "insert event");
}

int db_event_update(struct db *db, long long id, long long version,
    const struct event_input *in)
{
	sqlite3_stmt *st;

	if (!input_ok(in)) {
		log_msg("event %lld refused: end before start, or bad kind or status", id);
		return -1;
	}
	if ((st = db_stmt(db, sql_update)) == NULL)
		return -1;
	if (bind_input(st, in) < 0) {
		db_done(st);
		return -1;
	}
	sqlite3_bind_int64(st, 19, id);
	sqlite3_bind_int64(st, 20, version);
	return db_write(db, st, "update event");
}

int db_event_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete event");
}

int db_event_set_programme(struct db *db, long long event_id, long long media_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_set_programme);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	if (media_id > 0)
		sqlite3_bind_int64(st, 2, media_id);
	return db_write(db, st, "set programme") < 0 ? -1 : 0;
}

/* ?4 is ?1 less the longest event, as in sql_upcoming. */
static const char sql_between[] =
	"SELECT " EVENT_COLS "FROM events WHERE " PUBLIC "AND ends_at > ?1 AND starts_at < ?2 "
	"AND starts_at >= ?4 ORDER BY starts_at, id LIMIT ?3";

int db_events_between(struct db *db, struct arena *a, time_t from, time_t to, int limit,
    struct event_list *out)
{
	sqlite3_stmt *st;
	long long span = 0;

	memset(out, 0, sizeof *out);
	if (event_span(db, &span) < 0 || (st = db_stmt(db, sql_between)) == NULL)
		return -1;
	db_bind_time(st, 1, from);
	db_bind_time(st, 2, to);
	sqlite3_bind_int(st, 3, limit);
	db_bind_time(st, 4, from - (time_t)span);
	return read_list(db, a, st, limit, out, "events of a month");
}
