/* registrations.c: the named SQL statements of registration for events: settings, places, waiting list, retention. */
#include "store/registrations.h"

#include <stdio.h>
#include <string.h>

#include "util/timefmt.h"
#include "store/audit.h"

static const char sql_signup_get[] =
	"SELECT coalesce(places, 0), waitlist, ask_phone, ask_diet, ask_attend, ask_message, version "
	"FROM event_signups WHERE event_id = ?1";
static const char sql_signup_insert[] =
	"INSERT INTO event_signups (event_id, places, waitlist, ask_phone, ask_diet, ask_attend, "
	"ask_message) SELECT ?1, nullif(?2, 0), ?3, ?4, ?5, ?6, ?7 "
	"WHERE NOT EXISTS (SELECT 1 FROM event_signups WHERE event_id = ?1)";
static const char sql_signup_update[] =
	"UPDATE event_signups SET places = nullif(?3, 0), waitlist = ?4, ask_phone = ?5, "
	"ask_diet = ?6, ask_attend = ?7, ask_message = ?8, version = version + 1 "
	"WHERE event_id = ?1 AND version = ?2";
static const char sql_signup_delete[] =
	"DELETE FROM event_signups WHERE event_id = ?1 AND version = ?2";
static const char sql_counts[] =
	"SELECT count(*) FILTER (WHERE status = 'registered'), "
	"count(*) FILTER (WHERE status = 'waiting') FROM registrations WHERE event_id = ?1";
static const char sql_email_taken[] =
	"SELECT 1 FROM registrations WHERE event_id = ?1 AND email = ?2";
static const char sql_insert[] =
	"INSERT INTO registrations (event_id, status, name, email, organisation, phone, diet, "
	"attend, message, token_hash, source, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
#define REG_COLS \
	"id, event_id, status, name, email, organisation, phone, diet, attend, message, source, " \
	"created_at FROM registrations "
static const char sql_by_token[] = "SELECT " REG_COLS "WHERE token_hash = ?1";
static const char sql_by_id[] = "SELECT " REG_COLS "WHERE id = ?1";
static const char sql_of_event[] =
	"SELECT " REG_COLS "WHERE event_id = ?1 "
	"ORDER BY status = 'waiting', id LIMIT ?2";
static const char sql_delete[] = "DELETE FROM registrations WHERE id = ?1";
static const char sql_first_waiting[] =
	"SELECT id FROM registrations WHERE event_id = ?1 AND status = 'waiting' ORDER BY id LIMIT 1";
static const char sql_promote[] =
	"UPDATE registrations SET status = 'registered' WHERE id = ?1";
static const char sql_places[] =
	"SELECT places FROM event_signups WHERE event_id = ?1";
static const char sql_purge_list[] =
	"SELECT r.event_id, count(*) FROM registrations r JOIN events e ON e.id = r.event_id "
	"WHERE e.ends_at <= ?1 GROUP BY r.event_id ORDER BY r.event_id LIMIT ?2";
static const char sql_purge_event[] = "DELETE FROM registrations WHERE event_id = ?1";
static const char sql_purge_tokens[] = "DELETE FROM form_tokens_spent WHERE at < ?1";
static const char sql_purge_posts[] = "DELETE FROM form_posts WHERE at < ?1";

static void read_signup(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct signup *s = out;

	(void)a;
	s->places = sqlite3_column_int64(st, 0);
	s->waitlist = sqlite3_column_int(st, 1);
	s->ask_phone = sqlite3_column_int(st, 2);
	s->ask_diet = sqlite3_column_int(st, 3);
	s->ask_attend = sqlite3_column_int(st, 4);
	s->ask_message = sqlite3_column_int(st, 5);
	s->version = sqlite3_column_int64(st, 6);
}

int db_signup_get(struct db *db, long long event_id, struct signup *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_signup_get);

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	return db_step_one(db, st, read_signup, NULL, out, "signup get");
}

/* Binds the settings to st from index i on. */
static void bind_signup(sqlite3_stmt *st, int i, const struct signup *s)
{
	sqlite3_bind_int64(st, i, s->places);
	sqlite3_bind_int(st, i + 1, s->waitlist);
	sqlite3_bind_int(st, i + 2, s->ask_phone);
	sqlite3_bind_int(st, i + 3, s->ask_diet);
	sqlite3_bind_int(st, i + 4, s->ask_attend);
	sqlite3_bind_int(st, i + 5, s->ask_message);
}

int db_signup_save(struct db *db, long long event_id, bool on, const struct signup *s,
    long long version)
{
	sqlite3_stmt *st;

	if (version == 0) {
		if (!on)
			return 1;
		if ((st = db_stmt(db, sql_signup_insert)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, event_id);
		bind_signup(st, 2, s);
		return db_write(db, st, "signup insert");
	}
	if ((st = db_stmt(db, on ? sql_signup_update : sql_signup_delete)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	sqlite3_bind_int64(st, 2, version);
	if (on)
		bind_signup(st, 3, s);
	return db_write(db, st, "signup save");
}

static void read_counts(sqlite3_stmt *st, struct arena *a, void *out)
{
	long long *c = out;

	(void)a;
	c[0] = sqlite3_column_int64(st, 0);
	c[1] = sqlite3_column_int64(st, 1);
}

int db_signup_counts(struct db *db, long long event_id, long long *registered,
    long long *waiting)
{
	sqlite3_stmt *st = db_stmt(db, sql_counts);
	long long c[2] = { 0, 0 };
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	rc = db_step_one(db, st, read_counts, NULL, c, "signup counts");
	*registered = c[0];
	*waiting = c[1];
	return rc == 1 ? 0 : -1;
}

/* 1 when email is already registered or waiting for event_id, 0 if not, -1 error. */
static int email_taken(struct db *db, long long event_id, const char *email)
{
	sqlite3_stmt *st = db_stmt(db, sql_email_taken);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	db_bind_text(st, 2, email);
	return db_step_one(db, st, NULL, NULL, NULL, "registration email taken");
}

int db_registration_add(struct db *db, long long event_id, const struct signup *s,
    const struct registration_input *in, const char *token_hash,
    enum reg_outcome *outcome, long long *id)
{
	long long registered, waiting;
	char now[TIME_UTC_LEN];
	sqlite3_stmt *st;
	int taken;

	*id = 0;
	if ((taken = email_taken(db, event_id, in->email)) != 0) {
		*outcome = REG_DUPLICATE;
		return taken < 0 ? -1 : 0;
	}
	if (db_signup_counts(db, event_id, &registered, &waiting) < 0)
		return -1;
	if (s->places == 0 || registered < s->places)
		*outcome = REG_REGISTERED;
	else if (s->waitlist)
		*outcome = REG_WAITING;
	else {
		*outcome = REG_FULL;
		return 0;
	}
	if ((st = db_stmt(db, sql_insert)) == NULL)
		return -1;
	db_now(now);
	sqlite3_bind_int64(st, 1, event_id);
	db_bind_text(st, 2, *outcome == REG_REGISTERED ? "registered" : "waiting");
	db_bind_text(st, 3, in->name);
	db_bind_text(st, 4, in->email);
	db_bind_text(st, 5, in->organisation);
	db_bind_text(st, 6, in->phone);
	db_bind_text(st, 7, in->diet);
	db_bind_text(st, 8, in->attend);
	db_bind_text(st, 9, in->message);
	db_bind_text(st, 10, token_hash);
	db_bind_text(st, 11, in->source);
	db_bind_text(st, 12, now);
	if (db_write(db, st, "registration insert") != 1)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

/* The one reader of a registration row (REG_COLS). */
static void read_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct registration *g = out;

	g->id = sqlite3_column_int64(st, 0);
	g->event_id = sqlite3_column_int64(st, 1);
	g->status = db_col_dup(a, st, 2);
	g->name = db_col_dup(a, st, 3);
	g->email = db_col_dup(a, st, 4);
	g->organisation = db_col_dup(a, st, 5);
	g->phone = db_col_dup(a, st, 6);
	g->diet = db_col_dup(a, st, 7);
	g->attend = db_col_dup(a, st, 8);
	g->message = db_col_dup(a, st, 9);
	g->source = db_col_dup(a, st, 10);
	g->created_at = db_col_dup(a, st, 11);
}

/* Runs a one-row lookup of the registration columns with one text or id key. */
static int one_row(struct db *db, struct arena *a, const char *sql, const char *key,
    long long id, struct registration *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	if (key != NULL)
		db_bind_text(st, 1, key);
	else
		sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_row, a, out, "registration lookup");
}

int db_registration_by_token(struct db *db, struct arena *a, const char *token_hash,
    struct registration *out)
{
	return one_row(db, a, sql_by_token, token_hash, 0, out);
}

int db_registration_by_id(struct db *db, struct arena *a, long long id,
    struct registration *out)
{
	return one_row(db, a, sql_by_id, NULL, id, out);
}

static void read_id(sqlite3_stmt *st, struct arena *a, void *out)
{
	(void)a;
	*(long long *)out = sqlite3_column_int64(st, 0);
}

/* The first id on the waiting list of event_id: 1 found, 0 none, -1 error. */
static int first_waiting(struct db *db, long long event_id, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, sql_first_waiting);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	return db_step_one(db, st, read_id, NULL, id, "first waiting");
}

/* The places of event_id (0: unlimited or no settings). Returns 0 or -1. */
static int places_of(struct db *db, long long event_id, long long *places)
{
	sqlite3_stmt *st = db_stmt(db, sql_places);

	*places = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	return db_step_one(db, st, read_id, NULL, places, "places") < 0 ? -1 : 0;
}

int db_registration_promote(struct db *db, long long event_id, long long *promoted,
    size_t *npromoted)
{
	long long places, registered, waiting, id;
	int rc;

	*npromoted = 0;
	if (places_of(db, event_id, &places) < 0 ||
	    db_signup_counts(db, event_id, &registered, &waiting) < 0)
		return -1;
	while ((places == 0 || registered < places) && *npromoted < REG_PROMOTED_MAX) {
		if ((rc = first_waiting(db, event_id, &id)) <= 0)
			return rc;
		if (db_write_id(db, sql_promote, id, "promote") != 1)
			return -1;
		promoted[(*npromoted)++] = id;
		registered++;
	}
	return 0;
}

int db_registration_delete(struct db *db, long long id, long long *promoted,
    size_t *npromoted)
{
	struct registration g;
	struct arena a = { 0 };
	int rc;

	*npromoted = 0;
	rc = one_row(db, &a, sql_by_id, NULL, id, &g);
	if (rc == 1 && db_write_id(db, sql_delete, id, "registration delete") != 1)
		rc = -1;
	if (rc == 1 && db_registration_promote(db, g.event_id, promoted, npromoted) < 0)
		rc = -1;
	arena_free(&a);
	return rc;
}

int db_registrations_of(struct db *db, struct arena *a, long long event_id,
    struct registration **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_of_event);
	void *items;
	long long got;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	sqlite3_bind_int(st, 2, REG_LIST_MAX);
	got = db_step_list(db, st, read_row, a, sizeof **out, REG_LIST_MAX, &items,
	    "registrations of event");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

/* Runs a DELETE whose one parameter is a storage time. Returns 0 or -1. */
static int delete_before(struct db *db, const char *sql, time_t t, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	db_bind_time(st, 1, t);
	return db_write(db, st, what) < 0 ? -1 : 0;
}

static void read_purged(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct reg_purged *p = out;

	(void)a;
	p->event_id = sqlite3_column_int64(st, 0);
	p->count = sqlite3_column_int64(st, 1);
}

long long db_registrations_purge(struct db *db, time_t now, int days, struct arena *a,
    struct reg_purged **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_purge_list);
	long long total = 0, got;
	void *items;
	size_t i;

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_time(st, 1, now - (time_t)days * 86400);
	sqlite3_bind_int(st, 2, REG_PURGE_EVENTS);
	if ((got = db_step_list(db, st, read_purged, a, sizeof **out, REG_PURGE_EVENTS, &items,
	    "purge list")) < 0)
		return -1;
	*out = items;
	*n = (size_t)got;
	for (i = 0; i < *n; i++) {
		if (db_write_id(db, sql_purge_event, (*out)[i].event_id, "purge") < 0)
			return -1;
		total += (*out)[i].count;
	}
	if (delete_before(db, sql_purge_tokens, now - 86400, "purge tokens") < 0 ||
	    delete_before(db, sql_purge_posts, now - 3600, "purge posts") < 0)
		return -1;
	return total;
}

long long registrations_purge(struct db *db, time_t now, int days, const char *who)
{
	struct arena a = { 0 };
	struct reg_purged *done;
	long long total;
	size_t n, i;
	char what[96];

	if (db_begin(db) < 0)
		return -1;
	total = db_registrations_purge(db, now, days, &a, &done, &n);
	for (i = 0; total >= 0 && i < n; i++) {
		snprintf(what, sizeof what, "%lld anmälningar raderade %d dagar efter evenemanget",
		    done[i].count, days);
		if (audit_log(db, 0, who, "purge", "registrations", done[i].event_id, what) < 0)
			total = -1;
	}
	arena_free(&a);
	if (total < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return total;
}

const char *reg_attend_label(const char *code)
{
	if (strcmp(code, "plats") == 0)
		return "På plats";
	if (strcmp(code, "digitalt") == 0)
		return "Digitalt";
	return "";
}
