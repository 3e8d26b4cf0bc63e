/* desk_registrations.c: an event's registration on the site at the desk: settings, the lists, adding and removing by hand, CSV. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin/editor.h"
#include "admin/form.h"
#include "util/abuf.h"
#include "util/config.h"
#include "util/timefmt.h"
#include "site/auth.h"
#include "site/eventfmt.h"
#include "store/audit.h"
#include "store/events.h"
#include "store/registrations.h"
#include "store/signups_mail.h"
#include "site/mailmsg.h"
#include "http/response.h"

#define NAV "/admin/evenemang"
#define BASE "/admin/anmalan"
#define PLACES_MAX 100000

/* The event of the path id; answers 404 or 500 and returns false when none. */
static bool load_event(struct req *r, long long id, struct event *e)
{
	struct event_edit x;
	int rc = id ? db_event_by_id(r->db, r->a, id, e, &x) : 0;

	if (rc <= 0)
		resp_error(r, rc < 0 ? 500 : 404, "registrations: event %lld", id);
	return rc == 1;
}

/* The answers beyond name, e-mail and organisation, as one line. */
static const char *answers(struct arena *a, const struct registration *g)
{
	const char *parts[4] = { g->phone, reg_attend_label(g->attend), g->diet, g->message };
	const char *out = "";
	size_t i;

	for (i = 0; i < 4; i++)
		if (parts[i][0])
			out = out[0] ? arena_printf(a, "%s · %s", out, parts[i]) : parts[i];
	return out;
}

/* "2 december 2026 kl. 16.05" of a stored UTC time. */
static const char *when_sv(struct arena *a, const char *utc)
{
	char buf[64];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return utc;
	time_format_datetime_sv(t, buf, sizeof buf);
	return arena_strdup(a, buf);
}

/* Adds the two lists and the counts. Returns 0 or -1. */
static int add_lists(struct req *r, tdict *d, const struct event *e, const struct signup *s)
{
	struct registration *g;
	size_t n, i;
	long long registered = 0, waiting = 0;

	if (db_registrations_of(r->db, r->a, e->id, &g, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		bool wait = strcmp(g[i].status, "waiting") == 0;
		tdict *row = tdict_section(d, wait ? "WAITING_ROW" : "REGISTERED_ROW");

		if (wait)
			tdict_set_int(row, "N", ++waiting);
		else
			registered++;
		tdict_set(row, "NAME", g[i].name);
		tdict_set(row, "ORG", g[i].organisation);
		tdict_set(row, "EMAIL", g[i].email);
		tdict_set(row, "ANSWERS", answers(r->a, &g[i]));
		tdict_set(row, "AT", when_sv(r->a, g[i].created_at));
		tdict_set(row, "REMOVE_HREF", arena_printf(r->a, BASE "/ta-bort/%lld", g[i].id));
	}
	tdict_set_int(d, "REGISTERED", registered);
	tdict_set_int(d, "WAITING", waiting);
	if (s->places)
		tdict_set_int(tdict_section(d, "OF"), "PLACES_TOTAL", s->places);
	tdict_show(d, registered ? "HAS_REGISTERED" : "NO_REGISTERED");
	tdict_show(d, waiting ? "HAS_WAITING" : "NO_WAITING");
	if (n)
		tdict_show(d, "HAS_ANY");
	if (n && strcmp(e->status, "cancelled") == 0)
		tdict_set_int(tdict_section(d, "CANCELLED"), "COUNT", (long long)n);
	return 0;
}

/* Starts the page of event e with everything but the two forms' values. */
static tdict *begin(struct req *r, const struct event *e)
{
	char when[96];
	tdict *d = admin_begin(r, "admin_registrations.tpl",
	    arena_printf(r->a, "Anmälan: %s", e->title), NAV);

	event_when_sv(e->all_day, e->start, e->end, when, sizeof when);
	tdict_set(d, "TITLE", e->title);
	tdict_set(d, "DATE_SV", when);
	tdict_set(d, "EDIT_HREF", arena_printf(r->a, NAV "/%lld", e->id));
	tdict_set(d, "PUBLIC_HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
	tdict_set(d, "ACTION", arena_printf(r->a, BASE "/%lld", e->id));
	tdict_set(d, "ADD_ACTION", arena_printf(r->a, BASE "/lagg-till/%lld", e->id));
	tdict_set(d, "CSV_HREF", arena_printf(r->a, BASE "/csv/%lld", e->id));
	tdict_set(d, "MSG_ACTION", arena_printf(r->a, BASE "/meddelande/%lld", e->id));
	if (strcmp(e->status, "cancelled") == 0)
		tdict_set(d, "MSG_SUBJECT", arena_printf(r->a, "Inställt: %s", e->title));
	tdict_set_int(d, "DAYS", r->cfg->registration_days);
	return d;
}

/* Shows the stored settings in the settings form. */
static void show_settings(tdict *d, bool on, const struct signup *s)
{
	tdict_set_int(d, "VERSION", s->version);
	if (on)
		tdict_show(d, "ON_CHECKED");
	if (s->places)
		tdict_set_int(d, "PLACES", s->places);
	if (s->waitlist || !on)
		tdict_show(d, "WAITLIST_CHECKED");
	if (s->ask_phone)
		tdict_show(d, "ASK_PHONE_CHECKED");
	if (s->ask_diet)
		tdict_show(d, "ASK_DIET_CHECKED");
	if (s->ask_attend)
		tdict_show(d, "ASK_ATTEND_CHECKED");
	if (s->ask_message)
		tdict_show(d, "ASK_MESSAGE_CHECKED");
}

static const char *const done_texts[] = {
	NULL, "Inställningarna är sparade.", "Anmälan är tillagd.", "Anmälan är borttagen.",
	"Meddelandet är lagt i kön och skickas till alla anmälda och alla på väntelistan.",
};

void page_admin_registrations(struct req *r)
{
	struct signup s;
	struct event e;
	tdict *d;
	int on;

	if (!load_event(r, admin_arg_id(r), &e))
		return;
	if ((on = db_signup_get(r->db, e.id, &s)) < 0) {
		resp_error(r, 500, "registrations: database");
		return;
	}
	d = begin(r, &e);
	if (r->in[ADMIN_IN_DONE].set && r->in[ADMIN_IN_DONE].i >= 1 && r->in[ADMIN_IN_DONE].i <= 4)
		tdict_set(tdict_section(d, "DONE"), "TEXT", done_texts[r->in[ADMIN_IN_DONE].i]);
	show_settings(d, on, &s);
	if (add_lists(r, d, &e, &s) < 0) {
		resp_error(r, 500, "registrations: list");
		return;
	}
	page_end(r, 200);
}

/* Answers a form of the page that did not validate: the page again with the
 * lists and what was typed. */
static void form_again(struct req *r, const struct event *e, tdict *d, int status)
{
	struct signup s;

	if (db_signup_get(r->db, e->id, &s) < 0 || add_lists(r, d, e, &s) < 0) {
		resp_error(r, 500, "registrations: list");
		return;
	}
	page_end(r, status);
}

void page_admin_signup_save(struct req *r)
{
	long long promoted[REG_PROMOTED_MAX], version;
	size_t npromoted = 0;
	struct signup s = { 0 };
	struct form f;
	struct event e;
	bool on;
	tdict *d;
	int rc;

	if (!load_event(r, admin_arg_id(r), &e))
		return;
	d = begin(r, &e);
	form_start(&f, r, d);
	on = form_bool(&f, "on", "ON");
	form_int(&f, "places", "PLACES", "Antal platser", 1, PLACES_MAX, 0, &s.places);
	s.waitlist = form_bool(&f, "waitlist", "WAITLIST");
	s.ask_phone = form_bool(&f, "ask_phone", "ASK_PHONE");
	s.ask_diet = form_bool(&f, "ask_diet", "ASK_DIET");
	s.ask_attend = form_bool(&f, "ask_attend", "ASK_ATTEND");
	s.ask_message = form_bool(&f, "ask_message", "ASK_MESSAGE");
	form_int(&f, "version", "VERSION", "Versionen", 0, 1LL << 50, FF_REQUIRED, &version);
	if (!form_ok(&f)) {
		form_again(r, &e, d, 422);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "signup save: database busy");
		return;
	}
	rc = db_signup_save(r->db, e.id, on, &s, version);
	if (rc == 1 && on && (db_registration_promote(r->db, e.id, promoted, &npromoted) < 0 ||
	    regmail_promoted(r->db, r->cfg, r->a, promoted, npromoted) < 0))
		rc = -1;
	if (rc == 1 && admin_audit(r, "update", "signup", e.id, e.title) < 0)
		rc = -1;
	if (rc != 1 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		if (rc == 0) {
			form_conflict(&f);
			form_again(r, &e, d, 409);
		} else {
			resp_error(r, 500, "signup save: database");
		}
		return;
	}
	resp_redirect(r, arena_printf(r->a, BASE "/%lld?klart=1", e.id));
}

void page_admin_registration_add(struct req *r)
{
	struct registration_input in = { .phone = "", .diet = "", .attend = "", .message = "",
	    .source = "desk" };
	char token[AUTH_TOKEN_HEX], hash[AUTH_TOKEN_HEX];
	enum reg_outcome outcome;
	struct signup s;
	struct form f;
	struct event e;
	long long id;
	tdict *d;
	int on;

	if (!load_event(r, admin_arg_id(r), &e))
		return;
	if ((on = db_signup_get(r->db, e.id, &s)) < 0) {
		resp_error(r, 500, "registration add: database");
		return;
	}
	d = begin(r, &e);
	show_settings(d, on, &s);
	form_start(&f, r, d);
	in.name = form_text(&f, "name", "ADD_NAME", "Namnet", 100, FF_REQUIRED);
	in.email = form_email(&f, "email", "ADD_EMAIL", "E-postadressen", FF_REQUIRED);
	in.organisation = form_text(&f, "organisation", "ADD_ORG", "Organisationen", 150, FF_REQUIRED);
	if (form_bool(&f, "force", "ADD_FORCE"))
		s.places = 0;
	if (on == 0)
		form_error(&f, "ADD_NAME", "Slå på anmälan på webbplatsen först.");
	if (f.errors) {
		tdict_set_int(tdict_section(d, "ADD_ERRORS"), "COUNT", f.errors);
		form_again(r, &e, d, 422);
		return;
	}
	auth_random_hex(token);
	auth_token_hash(token, hash);
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "registration add: database busy");
		return;
	}
	s.waitlist = true;     /* by hand: a full event puts the person on the list */
	if (db_registration_add(r->db, e.id, &s, &in, hash, &outcome, &id) < 0 ||
	    (outcome != REG_DUPLICATE && (admin_audit(r, "create", "registration", e.id,
	    arena_printf(r->a, "%s (%s)", e.title,
	    outcome == REG_WAITING ? "väntelista" : "plats")) < 0 ||
	    regmail_confirm(r->db, r->cfg, r->a, &e, id, in.name, in.email, token,
	    outcome == REG_WAITING) < 0)) ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "registration add: database");
		return;
	}
	if (outcome == REG_DUPLICATE) {
		form_error(&f, "ADD_EMAIL", "Den här e-postadressen är redan anmäld till evenemanget.");
		tdict_set_int(tdict_section(d, "ADD_ERRORS"), "COUNT", f.errors);
		form_again(r, &e, d, 409);
		return;
	}
	resp_redirect(r, arena_printf(r->a, BASE "/%lld?klart=2", e.id));
}

void page_admin_registration_remove_ask(struct req *r)
{
	struct registration g;
	long long id = admin_arg_id(r);
	int rc = id ? db_registration_by_id(r->db, r->a, id, &g) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "registration %s", r->arg);
		return;
	}
	admin_confirm(r, NAV, "Ta bort anmälan",
	    "Vill du ta bort den här anmälan? Står någon på väntelistan får den första platsen.",
	    arena_printf(r->a, "%s, %s (%s)", g.name, g.organisation, g.email),
	    arena_printf(r->a, BASE "/ta-bort/%lld", id),
	    arena_printf(r->a, BASE "/%lld", g.event_id));
}

void page_admin_registration_remove(struct req *r)
{
	long long promoted[REG_PROMOTED_MAX];
	size_t npromoted;
	struct registration g;
	long long id = admin_arg_id(r);
	int rc = id ? db_registration_by_id(r->db, r->a, id, &g) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "registration %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "registration remove: database busy");
		return;
	}
	if (db_registration_delete(r->db, id, promoted, &npromoted) < 0 ||
	    regmail_promoted(r->db, r->cfg, r->a, promoted, npromoted) < 0 ||
	    admin_audit(r, "delete", "registration", g.event_id,
	    arena_printf(r->a, "1 anmälan borttagen, %zu flyttade från väntelistan", npromoted)) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "registration remove: database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, BASE "/%lld?klart=3", g.event_id));
}

/* Appends one CSV field: quoted, quotes doubled, and a leading = + - @ made
 * harmless so that a spreadsheet never reads a value as a formula. */
static void csv_field(struct abuf *b, const char *s, bool last)
{
	abuf_str(b, "\"");
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		abuf_str(b, "'");
	for (; *s; s++)
		abuf_add(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	abuf_str(b, last ? "\"\r\n" : "\";");
}

void page_admin_registrations_csv(struct req *r)
{
	static const char *const head[] = { "Status", "Namn", "E-post", "Organisation", "Telefon",
	    "Deltar", "Specialkost", "Meddelande", "Anmäld", "Källa" };
	struct abuf b = { .a = r->a };
	struct registration *g;
	struct event e;
	size_t n, i, k;

	if (!load_event(r, admin_arg_id(r), &e))
		return;
	if (db_registrations_of(r->db, r->a, e.id, &g, &n) < 0) {
		resp_error(r, 500, "registrations csv: database");
		return;
	}
	abuf_str(&b, "\xEF\xBB\xBF");   /* BOM: Excel then reads UTF-8 */
	for (k = 0; k < 10; k++)
		csv_field(&b, head[k], k == 9);
	for (i = 0; i < n; i++) {
		const char *row[10] = {
			strcmp(g[i].status, "waiting") == 0 ? "Väntelista" : "Anmäld",
			g[i].name, g[i].email, g[i].organisation, g[i].phone,
			reg_attend_label(g[i].attend), g[i].diet, g[i].message,
			when_sv(r->a, g[i].created_at),
			strcmp(g[i].source, "desk") == 0 ? "Tillagd för hand" : "Webbplatsen",
		};
		for (k = 0; k < 10; k++)
			csv_field(&b, row[k], k == 9);
	}
	resp_header(r, "Content-Disposition",
	    arena_printf(r->a, "attachment; filename=\"anmalningar-%s.csv\"", e.slug));
	resp_send(r, 200, "text/csv; charset=utf-8", b.p ? b.p : "", b.len);
}

void page_admin_registrations_message(struct req *r)
{
	const char *subject, *text;
	struct signup s;
	struct form f;
	struct event e;
	long long sent;
	tdict *d;
	int on, rc;

	if (!load_event(r, admin_arg_id(r), &e))
		return;
	if ((on = db_signup_get(r->db, e.id, &s)) < 0) {
		resp_error(r, 500, "registrations message: database");
		return;
	}
	d = begin(r, &e);
	show_settings(d, on, &s);
	form_start(&f, r, d);
	subject = form_text(&f, "subject", "MSG_SUBJECT", "Ämnet", 200, FF_REQUIRED);
	text = form_text(&f, "text", "MSG_TEXT", "Meddelandet", 20000, FF_REQUIRED | FF_MULTILINE);
	if (f.errors) {
		tdict_set_int(tdict_section(d, "MSG_ERRORS"), "COUNT", f.errors);
		form_again(r, &e, d, 422);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "registrations message: database busy");
		return;
	}
	rc = regmail_message(r->db, r->cfg, r->a, &e, subject, text, &sent);
	if (rc < 0 || admin_audit(r, "message", "registrations", e.id,
	    arena_printf(r->a, "%s: %lld mottagare", e.title, sent)) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		if (rc == MAIL_ERR_SUBJECT) {
			form_error(&f, "MSG_SUBJECT", mail_err_sv(rc));
			tdict_set_int(tdict_section(d, "MSG_ERRORS"), "COUNT", f.errors);
			form_again(r, &e, d, 422);
			return;
		}
		resp_error(r, 500, "registrations message: %d", rc);
		return;
	}
	resp_redirect(r, arena_printf(r->a, BASE "/%lld?klart=4", e.id));
}
