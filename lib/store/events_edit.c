/* events_edit.c: the named SQL statements of event editing. */
#include "store/events_edit.h"

#include <stdlib.h>
#include <string.h>

#include "site/eventfmt.h"
#include "util/log.h"
#include "util/markdown.h"
#include "util/timefmt.h"

const char *const event_kinds[] = {
	"arskonferens", "hostmote", "webbinarium", "seminarium", "tematiskt-mote", "annat", NULL,
};
const char *const event_statuses[] = { "draft", "published", "cancelled", NULL };
static const char *const status_labels[] = { "Utkast", "Publicerat", "Inställt" };

#define COLS \
	"id, slug, title, kind, status, all_day, online, starts_at, ends_at, venue, town, " \
	"join_url, description_html, description_text, registration_url, " \
	"coalesce(registration_until, ''), programme_url, created_at, updated_at, " \
	"description_md, coalesce(programme_media_id, 0), version "

static const char sql_admin[] =
	"SELECT " COLS "FROM events WHERE ?1 = '' OR instr(sv_lower(title), sv_lower(?1)) > 0 "
	"ORDER BY starts_at DESC, id DESC LIMIT ?2";
static const char sql_by_id[] =
	"SELECT " COLS "FROM events WHERE id = ?1";
static const char sql_update[] =
	"UPDATE events SET title = ?3, kind = ?4, status = ?5, all_day = ?6, online = ?7, "
	"starts_at = ?8, ends_at = ?9, venue = ?10, town = ?11, join_url = ?12, "
	"description_md = ?13, description_html = ?14, description_text = ?15, "
	"registration_url = ?16, registration_until = ?17, programme_url = ?18, "
	"updated_at = ?19, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_delete[] =
	"DELETE FROM events WHERE id = ?1";

const char *event_status_label(const char *code)
{
	size_t i;

	for (i = 0; event_statuses[i] != NULL; i++)
		if (strcmp(code, event_statuses[i]) == 0)
			return status_labels[i];
	return code;
}

static time_t col_time(sqlite3_stmt *st, int col)
{
	time_t t = 0;

	time_parse_utc(db_col_text(st, col), &t);
	return t;
}

static const char *col_dup(struct arena *a, sqlite3_stmt *st, int col)
{
	return arena_strdup(a, db_col_text(st, col));
}

static void read_row(sqlite3_stmt *st, struct arena *a, struct event *e, struct event_edit *x)
{
	e->id = sqlite3_column_int64(st, 0);
	e->slug = col_dup(a, st, 1);
	e->title = col_dup(a, st, 2);
	e->kind = col_dup(a, st, 3);
	e->status = col_dup(a, st, 4);
	e->all_day = sqlite3_column_int(st, 5) != 0;
	e->online = sqlite3_column_int(st, 6) != 0;
	e->start = col_time(st, 7);
	e->end = col_time(st, 8);
	e->venue = col_dup(a, st, 9);
	e->town = col_dup(a, st, 10);
	e->join_url = col_dup(a, st, 11);
	e->description_html = col_dup(a, st, 12);
	e->description_text = col_dup(a, st, 13);
	e->registration_url = col_dup(a, st, 14);
	e->registration_until = col_dup(a, st, 15);
	e->programme_url = col_dup(a, st, 16);
	e->created = col_time(st, 17);
	e->updated = col_time(st, 18);
	if (x != NULL) {
		x->description_md = col_dup(a, st, 19);
		x->programme_media_id = sqlite3_column_int64(st, 20);
		x->version = sqlite3_column_int64(st, 21);
	}
}

int db_events_admin(struct db *db, struct arena *a, const char *q, struct event_list *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	out->items = arena_alloc(a, sizeof *out->items * EVENTS_ADMIN_MAX);
	db_bind_text(st, 1, q);
	sqlite3_bind_int(st, 2, EVENTS_ADMIN_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < EVENTS_ADMIN_MAX)
		read_row(st, a, &out->items[out->count++], NULL);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_log_error(db, "admin events");
	db_done(st);
	out->total = (long long)out->count;
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int db_event_by_id(struct db *db, struct arena *a, long long id, struct event *out,
    struct event_edit *edit)
{
	sqlite3_stmt *st = db_stmt(db, sql_by_id);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, a, out, edit);
	else if (rc != SQLITE_DONE)
		db_log_error(db, "event by id");
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static bool input_ok(const struct event_input *in)
{
	size_t i;

	if (in->end < in->start || event_kind_label(in->kind) == NULL)
		return false;
	for (i = 0; event_statuses[i] != NULL; i++)
		if (strcmp(in->status, event_statuses[i]) == 0)
			return true;
	return false;
}

static void bind_time(sqlite3_stmt *st, int idx, time_t t)
{
	char buf[TIME_UTC_LEN];

	time_format_utc(t, buf);
	db_bind_text(st, idx, buf);
}

/* Binds in's fields to ?3..?18 of sql_update, with the rendered Markdown. */
static void bind_input(sqlite3_stmt *st, const struct event_input *in,
    const char *html, const char *text)
{
	db_bind_text(st, 3, in->title);
	db_bind_text(st, 4, in->kind);
	db_bind_text(st, 5, in->status);
	sqlite3_bind_int(st, 6, in->all_day);
	sqlite3_bind_int(st, 7, in->online);
	bind_time(st, 8, in->start);
	bind_time(st, 9, in->end);
	db_bind_text(st, 10, in->venue);
	db_bind_text(st, 11, in->town);
	db_bind_text(st, 12, in->join_url);
	db_bind_text(st, 13, in->description_md);
	db_bind_text(st, 14, html);
	db_bind_text(st, 15, text);
	db_bind_text(st, 16, in->registration_url);
	db_bind_text(st, 17, in->registration_until);
	db_bind_text(st, 18, in->programme_url);
}

int db_event_update(struct db *db, long long id, long long version,
    const struct event_input *in)
{
	size_t mdlen = strlen(in->description_md);
	char *html = NULL, *text = NULL;
	char now[TIME_UTC_LEN];
	sqlite3_stmt *st;
	int ret = -1;

	if (!input_ok(in)) {
		log_msg("event %lld refused: end before start, or bad kind or status", id);
		return -1;
	}
	html = md_to_html(in->description_md, mdlen);
	text = md_to_text(in->description_md, mdlen);
	if (html == NULL || text == NULL || (st = db_stmt(db, sql_update)) == NULL)
		goto out;
	db_now(now);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	bind_input(st, in, html, text);
	db_bind_text(st, 19, now);
	ret = db_write(db, st, "update event");
out:
	free(html);
	free(text);
	return ret;
}

int db_event_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "delete event");
}
