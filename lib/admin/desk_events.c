/* desk_events.c: editing events: list, new, edit, delete with a confirmation step. */
#include <string.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "store/audit.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "store/registrations.h"
#include "store/media.h"
#include "http/response.h"
#include "util/timefmt.h"

#define NAV "/admin/evenemang"
#define TITLE_MAX 200
#define VENUE_MAX 200
#define TOWN_MAX 100
#define DESCRIPTION_MAX 60000

static const char *const status_labels[] = { "Utkast", "Publicerat", "Inställt", NULL };

/* What the event form holds after reading. */
struct event_form {
	struct event_input in;
	long long programme_id;
	long long version;
};

/* The kind labels in the order of event_kinds, in a. */
static const char *const *kind_labels(struct arena *a)
{
	size_t i, n;
	const char **l;

	for (n = 0; event_kinds[n] != NULL; n++)
		;
	l = arena_alloc(a, sizeof *l * (n + 1));
	for (i = 0; i < n; i++)
		l[i] = event_kind_label(event_kinds[i]);
	l[n] = NULL;
	return l;
}

void page_admin_events(struct req *r)
{
	const char *q = r->in[ADMIN_IN_Q].set ? r->in[ADMIN_IN_Q].s : "";
	struct event_list el;
	char when[128];
	size_t i;
	tdict *d;

	if (db_events_admin(r->db, r->a, q, &el) < 0) {
		resp_error(r, 500, "admin events: database");
		return;
	}
	d = admin_begin(r, "admin_events.tpl", "Evenemang", NAV);
	tdict_set(d, "Q", q);
	admin_done_notice(r, d, "DONE");
	tdict_show(d, el.count ? "HAS_EVENTS" : "EMPTY");
	for (i = 0; i < el.count; i++) {
		const struct event *e = &el.items[i];
		tdict *row = tdict_section(d, "EVENT");

		event_when_sv(e->all_day, e->start, e->end, when, sizeof when);
		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%lld", e->id));
		tdict_set(row, "TITLE", e->title);
		tdict_set(row, "WHEN", when);
		tdict_set(row, "KIND", event_kind_label(e->kind));
		tdict_set(row, "STATUS", event_status_label(e->status));
	}
	page_end(r, 200);
}

/* Starts the form page for event id (0: new). */
static tdict *form_page(struct req *r, long long id, const char *heading)
{
	tdict *d = admin_begin(r, "admin_event_form.tpl", heading, NAV);

	tdict_set(d, "HEADING", heading);
	tdict_set(d, "ACTION", id ? arena_printf(r->a, NAV "/%lld", id) : NAV "/ny");
	if (id)
		admin_revisions_link(r, d, "event", id, arena_printf(r->a, NAV "/versioner/%lld", id));
	if (id) {
		tdict_set(tdict_section(d, "DELETE"), "HREF", arena_printf(r->a, NAV "/radera/%lld", id));
		tdict_set(tdict_section(d, "SIGNUPS"), "HREF", arena_printf(r->a, "/admin/anmalan/%lld", id));
	}
	return d;
}

/* Fills the selects with kind, status and programme current. Returns 0 or -1. */
static int fill_options(struct req *r, tdict *d, const char *kind, const char *status,
    long long programme)
{
	form_options(d, "KIND_OPTION", event_kinds, kind_labels(r->a), kind);
	form_options(d, "STATUS_OPTION", event_statuses, status_labels, status);
	return admin_media_options(r, d, "PROGRAMME_OPTION", true, programme);
}

/* A cancelled event with people registered on the site: offers the message
 * to all of them (desk_registrations.c). */
static void notice_registered(struct req *r, tdict *d, const struct event *e)
{
	long long registered, waiting;
	tdict *n;

	if (strcmp(e->status, "cancelled") != 0 ||
	    db_signup_counts(r->db, e->id, &registered, &waiting) < 0 || registered + waiting == 0)
		return;
	n = tdict_section(d, "CANCELLED_SIGNUPS");
	tdict_set_int(n, "COUNT", registered + waiting);
	tdict_set(n, "HREF", arena_printf(r->a, "/admin/anmalan/%lld#meddelande", e->id));
}

/* Shows the state line of a stored event with a link to its public page. */
static void show_state(struct req *r, tdict *d, const struct event *e)
{
	tdict *s = tdict_section(d, "STATE");

	tdict_set(s, "LABEL", event_status_label(e->status));
	if (strcmp(e->status, "draft") != 0)
		tdict_set(tdict_section(s, "PUBLIC"), "HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
	notice_registered(r, d, e);
}

void page_admin_event_new(struct req *r)
{
	tdict *d = form_page(r, 0, "Nytt evenemang");

	tdict_set(d, "VERSION", "1");
	if (fill_options(r, d, "annat", "draft", 0) < 0) {
		resp_error(r, 500, "event form: media");
		return;
	}
	page_end(r, 200);
}

/* Sets the date and time fields the way the form holds them for a stored event. */
static void set_times(tdict *d, const struct event *e)
{
	char buf[32];
	struct tm tm;

	if (e->all_day) {
		event_date_local(e->start, buf);
		tdict_set(d, "START_DATE", buf);
		event_last_day(true, e->start, e->end, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
		tdict_set(d, "END_DATE", buf);
		tdict_show(d, "ALL_DAY_CHECKED");
		return;
	}
	localtime_r(&e->start, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	tdict_set(d, "START_DATE", buf);
	strftime(buf, sizeof buf, "%H:%M", &tm);
	tdict_set(d, "START_TIME", buf);
	localtime_r(&e->end, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	tdict_set(d, "END_DATE", buf);
	strftime(buf, sizeof buf, "%H:%M", &tm);
	tdict_set(d, "END_TIME", buf);
}

void page_admin_event_edit(struct req *r)
{
	long long id = admin_arg_id(r);
	struct event_edit x;
	struct event e;
	int rc = id ? db_event_by_id(r->db, r->a, id, &e, &x) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "admin event %s", r->arg);
		return;
	}
	d = form_page(r, id, "Redigera evenemang");
	admin_done_notice(r, d, "SAVED");
	show_state(r, d, &e);
	tdict_set_int(d, "VERSION", x.version);
	tdict_set(d, "TITLE", e.title);
	set_times(d, &e);
	if (e.online)
		tdict_show(d, "ONLINE_CHECKED");
	tdict_set(d, "VENUE", e.venue);
	tdict_set(d, "TOWN", e.town);
	tdict_set(d, "JOIN_URL", e.join_url);
	tdict_set(d, "DESCRIPTION", x.description_md);
	tdict_set(d, "REG_URL", e.registration_url);
	tdict_set(d, "REG_UNTIL", e.registration_until);
	tdict_set(d, "PROGRAMME_URL", e.programme_url);
	if (fill_options(r, d, e.kind, e.status, x.programme_media_id) < 0) {
		resp_error(r, 500, "event form: media");
		return;
	}
	page_end(r, 200);
}

/* Stockholm midnight starting the day of t, plus days days. */
static time_t day_start(time_t t, int days)
{
	struct tm tm;

	localtime_r(&t, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Reads start and end from date and time fields. Whole-day events take
 * dates only (their times are kept as typed but not read); an end without a
 * date is on the start's day. Refuses an end before the start. */
static void read_times(struct form *f, struct event_input *in)
{
	struct ymd sd, ed;
	int sh = 0, sm = 0, ss = 0, eh = 0, em = 0, es = 0, s_ok, e_ok, st_ok = 0, et_ok = 0;
	time_t last;

	s_ok = form_date(f, "start_date", "START_DATE", "Startdatumet", FF_REQUIRED, &sd);
	e_ok = form_date(f, "end_date", "END_DATE", "Slutdatumet", 0, &ed);
	if (in->all_day) {
		form_text(f, "start_time", "START_TIME", "Starttiden", 20, 0);
		form_text(f, "end_time", "END_TIME", "Sluttiden", 20, 0);
	} else {
		st_ok = form_clock(f, "start_time", "START_TIME", "Starttiden", 0, &sh, &sm, &ss);
		et_ok = form_clock(f, "end_time", "END_TIME", "Sluttiden", 0, &eh, &em, &es);
		if (st_ok == 0)
			form_error(f, "START_TIME", "Ange en starttid, eller kryssa i Heldag.");
		if (et_ok == 0)
			form_error(f, "END_TIME", "Ange en sluttid, eller kryssa i Heldag.");
	}
	if (s_ok < 1 || e_ok < 0)
		return;
	if (e_ok == 0)
		ed = sd;
	if (in->all_day) {
		if (when_local(&sd, 0, 0, 0, &in->start) < 0 || when_local(&ed, 0, 0, 0, &last) < 0) {
			form_error(f, "START_DATE", "Datumet finns inte i kalendern.");
			return;
		}
		in->end = day_start(last, 1);
		if (in->end <= in->start)
			form_error(f, "END_DATE", "Sista dagen kan inte vara före första dagen.");
		return;
	}
	if (st_ok < 1 || et_ok < 1)
		return;
	if (when_local(&sd, sh, sm, ss, &in->start) < 0 || when_local(&ed, eh, em, es, &in->end) < 0) {
		form_error(f, "START_DATE", "Datumet finns inte i kalendern.");
		return;
	}
	if (in->end < in->start)
		form_error(f, e_ok == 1 && (ed.y * 10000 + ed.m * 100 + ed.d) <
		    (sd.y * 10000 + sd.m * 100 + sd.d) ? "END_DATE" : "END_TIME",
		    "Slutet kan inte vara före starten. Ändra slutet eller starten.");
}

/* Reads the place: a venue and town, or Digitalt with a join link. */
static void read_place(struct form *f, struct event_input *in)
{
	in->online = form_bool(f, "online", "ONLINE");
	in->venue = form_text(f, "venue", "VENUE", "Lokalen", VENUE_MAX, 0);
	in->town = form_text(f, "town", "TOWN", "Orten", TOWN_MAX, 0);
	in->join_url = form_url(f, "join_url", "JOIN_URL", "Länken för att delta", 0);
	if (!in->online && in->town && in->town[0] == '\0')
		form_error(f, "TOWN", "Ange orten, eller markera evenemanget som digitalt.");
	if (in->online && in->venue && in->town)
		in->venue = in->town = "";    /* a digital event has no place */
}

/* Reads the last day to register: "" or a date (as typed), kept as YYYY-MM-DD. */
static const char *read_reg_until(struct form *f)
{
	struct ymd d;
	int rc = form_date(f, "registration_until", "REG_UNTIL", "Sista anmälningsdag", 0, &d);

	if (rc <= 0)
		return rc == 0 ? "" : NULL;
	return arena_printf(f->r->a, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* Reads the programme: a PDF of the library and/or a link. */
static void read_programme(struct req *r, struct form *f, struct event_form *ef)
{
	int ok;

	if (form_int(f, "programme", "PROGRAMME", "Programmet", 0, 1LL << 53, 0, &ef->programme_id) &&
	    (ok = db_media_kind_ok(r->db, r->a, ef->programme_id, true)) != 1)
		form_error(f, "PROGRAMME", ok < 0 ? "Mediebiblioteket kunde inte läsas. Försök igen."
		    : "Den valda filen finns inte längre som PDF i mediebiblioteket. Välj en annan.");
	ef->in.programme_url = form_url(f, "programme_url", "PROGRAMME_URL", "Länken till programmet", 0);
}

/* Reads and checks the posted fields into ef; messages go to f. */
static bool read_event_form(struct req *r, struct form *f, struct event_form *ef)
{
	struct event_input *in = &ef->in;

	memset(ef, 0, sizeof *ef);
	in->title = form_text(f, "title", "TITLE", "Rubriken", TITLE_MAX, FF_REQUIRED);
	in->kind = form_choice(f, "kind", "KIND", "typ", event_kinds, FF_REQUIRED);
	in->status = form_choice(f, "status", "STATUS", "status", event_statuses, FF_REQUIRED);
	in->all_day = form_bool(f, "all_day", "ALL_DAY");
	read_times(f, in);
	read_place(f, in);
	in->description_md = form_text(f, "description", "DESCRIPTION", "Beskrivningen",
	    DESCRIPTION_MAX, FF_MULTILINE);
	in->registration_url = form_url(f, "registration_url", "REG_URL", "Anmälningslänken", 0);
	in->registration_until = read_reg_until(f);
	read_programme(r, f, ef);
	form_version(f, &ef->version);
	if (!form_ok(f))
		return false;
	if (in->registration_until[0] == '\0')
		in->registration_until = NULL;
	return true;
}

/* Writes a new event, its programme and its audit row. Returns the id, or -1. */
static long long create_event(struct req *r, const struct event_form *ef)
{
	long long id;

	if (db_begin(r->db) < 0)
		return -1;
	id = db_event_insert(r->db, &ef->in);
	if (id < 0 || db_event_set_programme(r->db, id, ef->programme_id) < 0 ||
	    admin_audit(r, "create", "event", id, ef->in.title) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		return -1;
	}
	return id;
}

/* Saves over event id (old, x: as stored), keeping the text it had as a
 * revision; returns 1 saved, 0 conflict, -1 error. */
static int update_event(struct req *r, long long id, const struct event_form *ef,
    const struct event *old, const struct event_edit *x)
{
	int rc = 0;

	if (db_begin(r->db) < 0)
		return -1;
	if (strcmp(old->title, ef->in.title) || strcmp(x->description_md, ef->in.description_md))
		rc = admin_keep_revision(r, "event", id, "save", old->title, NULL, NULL,
		    x->description_md);
	if (rc == 0)
		rc = db_event_update(r->db, id, ef->version, &ef->in);
	if (rc == 1 && (db_event_set_programme(r->db, id, ef->programme_id) < 0 ||
	    admin_audit(r, "update", "event", id, ef->in.title) < 0 || db_commit(r->db) < 0))
		rc = -1;
	if (rc != 1)
		db_rollback(r->db);
	return rc;
}

/* The POST of the form, for a new event (id 0) or an existing one. */
static void save(struct req *r, long long id)
{
	struct event_form ef;
	struct event_edit x;
	struct event old;
	struct form f;
	long long newid;
	tdict *d;
	int rc;

	if (id && (rc = db_event_by_id(r->db, r->a, id, &old, &x)) <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "save event %lld", id);
		return;
	}
	d = form_page(r, id, id ? "Redigera evenemang" : "Nytt evenemang");
	form_start(&f, r, d);
	if (id)
		show_state(r, d, &old);
	rc = read_event_form(r, &f, &ef);
	fill_options(r, d, req_form(r, "kind"), req_form(r, "status"), ef.programme_id);
	if (!rc) {
		page_end(r, 422);
		return;
	}
	if (id == 0) {
		if ((newid = create_event(r, &ef)) < 0)
			form_saved(&f, -1, "", "create event");
		else
			resp_redirect(r, arena_printf(r->a, NAV "/%lld?klart=2", newid));
		return;
	}
	form_saved(&f, update_event(r, id, &ef, &old, &x), arena_printf(r->a, NAV "/%lld?klart=1", id),
	    arena_printf(r->a, "update event %lld", id));
}

void page_admin_event_create(struct req *r)
{
	save(r, 0);
}

void page_admin_event_save(struct req *r)
{
	long long id = admin_arg_id(r);

	if (id == 0)
		resp_error(r, 404, "admin event %s", r->arg);
	else
		save(r, id);
}

void page_admin_event_delete_ask(struct req *r)
{
	long long id = admin_arg_id(r);
	struct event_edit x;
	struct event e;
	int rc = id ? db_event_by_id(r->db, r->a, id, &e, &x) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete event %s", r->arg);
		return;
	}
	admin_confirm(r, NAV, "Radera evenemang",
	    "Vill du radera det här evenemanget? Det försvinner från webbplatsen och kalendern. "
	    "Det går inte att ångra.", e.title,
	    arena_printf(r->a, NAV "/radera/%lld", id), arena_printf(r->a, NAV "/%lld", id));
}

void page_admin_event_delete(struct req *r)
{
	long long id = admin_arg_id(r);
	struct event_edit x;
	struct event e;
	int rc = id ? db_event_by_id(r->db, r->a, id, &e, &x) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete event %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0 || db_event_delete(r->db, id) != 1 ||
	    admin_audit(r, "delete", "event", id, e.title) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "delete event %lld", id);
		return;
	}
	resp_redirect(r, NAV "?klart=3");
}
