/* signup_pages.c: registration for events on the site: the form on the event page, registering, cancelling by a personal link. */
#include "public/public.h"

#include <string.h>
#include <time.h>

#include "util/config.h"
#include "util/log.h"
#include "util/timefmt.h"
#include "site/auth.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "store/registrations.h"
#include "store/signups_mail.h"
#include "http/formguard.h"
#include "http/response.h"

#define NAME_MAX 100
#define ORG_MAX 150
#define PHONE_MAX 40
#define DIET_MAX 300
#define MESSAGE_MAX 2000
#define PLACES_SHOWN 10          /* places left are told below this */

static const char *const attend_codes[] = { "plats", "digitalt", NULL };

/* Where registration stands for an event that takes it on the site. */
enum signup_state { SU_OPEN, SU_WAITLIST, SU_FULL, SU_CLOSED };

static enum signup_state state_of(const struct event *e, const struct signup *s,
    long long registered, time_t now)
{
	if (!event_registration_open(e, now))
		return SU_CLOSED;
	if (s->places == 0 || registered < s->places)
		return SU_OPEN;
	return s->waitlist ? SU_WAITLIST : SU_FULL;
}

int signup_add(struct req *r, tdict *d, const struct event *e, time_t now, tdict **form)
{
	struct signup s;
	long long registered, waiting;
	enum signup_state state;
	tdict *sd, *fd;
	int rc;

	if (form != NULL)
		*form = NULL;
	if ((rc = db_signup_get(r->db, e->id, &s)) <= 0)
		return rc;
	if (db_signup_counts(r->db, e->id, &registered, &waiting) < 0)
		return -1;
	sd = tdict_include(d, "SIGNUP", "signup_form.tpl");
	tdict_set_int(sd, "DAYS", r->cfg->registration_days);
	state = state_of(e, &s, registered, now);
	if (state == SU_CLOSED || state == SU_FULL) {
		tdict_show(sd, state == SU_CLOSED ? "CLOSED" : "FULL");
		return 1;
	}
	fd = tdict_section(sd, "FORM");
	tdict_set(fd, "ACTION", arena_printf(r->a, "/anmalan/%s", e->slug));
	if (state == SU_WAITLIST) {
		tdict_show(fd, "WAITLIST");
		tdict_set(fd, "BUTTON", "Anmäl mig till väntelistan");
	} else {
		tdict_set(fd, "BUTTON", "Anmäl mig");
	}
	if (state == SU_OPEN && s.places > 0 && s.places - registered < PLACES_SHOWN)
		tdict_set(tdict_section(fd, "LEFT"), "TEXT", s.places - registered == 1
		    ? "1 plats kvar." : arena_printf(r->a, "%lld platser kvar.", s.places - registered));
	if (e->registration_until[0]) {
		time_t t;
		char buf[TIME_SV_DATE_LEN];

		if (time_parse_local(e->registration_until, &t) == 0) {
			time_format_date_sv(t, buf, sizeof buf);
			tdict_set(tdict_section(fd, "UNTIL"), "DATE_SV", buf);
		}
	}
	if (s.ask_phone)
		tdict_show(fd, "ASK_PHONE");
	if (s.ask_attend)
		tdict_show(fd, "ASK_ATTEND");
	if (s.ask_diet)
		tdict_show(fd, "ASK_DIET");
	if (s.ask_message)
		tdict_show(fd, "ASK_MESSAGE");
	if (form != NULL)
		*form = fd;
	return 1;
}

/* Reads the posted registration into in, checking each field the event asks
 * for; messages and values as typed go into fd. Returns true when valid. */
static bool read_registration(struct req *r, tdict *fd, const struct signup *s,
    struct registration_input *in)
{
	struct pubform f;

	memset(in, 0, sizeof *in);
	in->phone = in->diet = in->attend = in->message = "";
	in->source = "web";
	pubform_start(&f, r, fd);
	in->name = pubform_text(&f, "name", "NAME", "reg-name", "Namnet", NAME_MAX, PF_REQUIRED);
	in->email = pubform_email(&f, "email", "EMAIL", "reg-email", "E-postadressen", PF_REQUIRED);
	in->organisation = pubform_text(&f, "organisation", "ORG", "reg-org", "Organisationen",
	    ORG_MAX, PF_REQUIRED);
	if (s->ask_phone)
		in->phone = pubform_text(&f, "phone", "PHONE", "reg-phone", "Telefonnumret",
		    PHONE_MAX, 0);
	if (in->phone != NULL && in->phone[0] && strspn(in->phone, "0123456789 +-()") !=
	    strlen(in->phone))
		pubform_error(&f, "PHONE", "reg-phone",
		    "Telefonnumret får bara innehålla siffror, mellanslag och + - ( ).");
	if (s->ask_attend)
		in->attend = pubform_choice(&f, "attend", "ATTEND", "reg-attend",
		    "Välj om du deltar på plats eller digitalt.", attend_codes, PF_REQUIRED);
	if (s->ask_diet)
		in->diet = pubform_text(&f, "diet", "DIET", "reg-diet", "Specialkosten", DIET_MAX, 0);
	if (s->ask_message)
		in->message = pubform_text(&f, "message", "MESSAGE_TEXT", "reg-message",
		    "Meddelandet", MESSAGE_MAX, PF_MULTILINE);
	return pubform_ok(&f);
}

/* Replaces the page begun so far with a short answer page. */
static tdict *message_page(struct req *r, const char *heading)
{
	tdict *d;

	if (r->layout != NULL) {
		tdict_free(r->layout);
		r->layout = NULL;
	}
	d = page_begin(r, "public_message.tpl", heading, "/evenemang");
	tdict_set(d, "HEADING", heading);
	return d;
}

static void para(tdict *d, const char *text)
{
	tdict_set(tdict_section(d, "PARA"), "TEXT", text);
}

/* The answer after registering; outcome as a new registration would get it,
 * so that it never tells whether the address was registered before. */
static void registered_page(struct req *r, const struct event *e, enum reg_outcome outcome)
{
	bool waiting = outcome == REG_WAITING;
	tdict *d = message_page(r, waiting ? "Du står på väntelistan" : "Tack för din anmälan");
	tdict *back = tdict_section(d, "BACK");

	para(d, waiting ? arena_printf(r->a, "Evenemanget %s är fullbokat, så du står nu på "
	    "väntelistan. Blir en plats ledig får du den i tur och ordning och ett mejl om det.",
	    e->title) : arena_printf(r->a, "Du är anmäld till %s.", e->title));
	para(d, "Vi skickar ett mejl till adressen du angav med uppgifterna om evenemanget och "
	    "en personlig länk där du kan avanmäla dig. Hittar du inget mejl, titta i skräpposten.");
	tdict_set(back, "HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
	tdict_set(back, "LABEL", "← Tillbaka till evenemanget");
	page_end(r, 200);
}

/* Stores the registration in one write transaction with the spent form
 * token. Returns 0 (outcome set) or -1 (answered). */
static int store_registration(struct req *r, const struct event *e,
    const struct registration_input *in, const char *form_hash, enum reg_outcome *outcome)
{
	char token[AUTH_TOKEN_HEX], token_hash[AUTH_TOKEN_HEX];
	long long id;
	struct signup s;

	auth_random_hex(token);
	auth_token_hash(token, token_hash);
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "register: database busy");
		return -1;
	}
	if (db_signup_get(r->db, e->id, &s) != 1 ||
	    db_registration_add(r->db, e->id, &s, in, token_hash, outcome, &id) < 0 ||
	    form_token_spend(r, form_hash) < 0)
		goto fail;
	if (*outcome == REG_DUPLICATE) {
		long long registered, waiting;

		if (db_signup_counts(r->db, e->id, &registered, &waiting) < 0)
			goto fail;
		*outcome = s.places == 0 || registered < s.places ? REG_REGISTERED
		    : s.waitlist ? REG_WAITING : REG_FULL;
	}
	if (*outcome == REG_FULL) {
		db_rollback(r->db);
		return 0;
	}
	if (id != 0 && (regmail_confirm(r->db, r->cfg, r->a, e, id, in->name, in->email, token,
	    *outcome == REG_WAITING) < 0 || regmail_notice(r->db, r->cfg, r->a, e, in->name,
	    in->organisation, *outcome == REG_WAITING) < 0))
		goto fail;
	if (db_commit(r->db) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(r->db);
	resp_error(r, 500, "register: database");
	return -1;
}

void page_event_register(struct req *r)
{
	char form_hash[AUTH_TOKEN_HEX];
	struct registration_input in;
	enum reg_outcome outcome;
	struct signup s;
	struct event e;
	time_t now = time(NULL);
	tdict *fd;
	int ft;

	if (!event_find(r, &e))
		return;
	if (event_page(r, &e, now, &fd) == NULL || db_signup_get(r->db, e.id, &s) < 0) {
		resp_error(r, 500, "register: database");
		return;
	}
	if (fd == NULL && s.version == 0) {
		resp_error(r, 404, "register: event %s takes no registration here", e.slug);
		return;
	}
	if (fd == NULL) {      /* closed or full: the page says which */
		page_end(r, 409);
		return;
	}
	if ((ft = form_token_check(r, form_hash)) == FT_ERROR) {
		resp_error(r, 500, "register: form token: database");
		return;
	}
	if (!read_registration(r, fd, &s, &in) || ft != FT_OK) {
		if (ft == FT_MISSING) {
			tdict_set(tdict_section(fd, "NOTICE"), "TEXT", "Anmälan kunde inte tas emot "
			    "eftersom webbläsaren inte skickade med formulärets kaka. Tillåt kakor "
			    "för webbplatsen och skicka igen; det du skrev finns kvar.");
			form_cookie_set(r);
		} else if (ft == FT_SPENT) {
			tdict_set(tdict_section(fd, "NOTICE"), "TEXT", "Det här formuläret har "
			    "redan skickats en gång. Ladda om sidan om du vill anmäla någon mer.");
		}
		page_end(r, ft == FT_MISSING ? 403 : ft == FT_SPENT ? 409 : 422);
		return;
	}
	if (pubform_honeypot(r)) {
		log_msg("register: honeypot filled from %s; nothing stored", r->remote_addr);
		registered_page(r, &e, REG_REGISTERED);
		return;
	}
	if (store_registration(r, &e, &in, form_hash, &outcome) < 0)
		return;
	if (outcome == REG_FULL) {
		tdict_free(r->layout);
		r->layout = NULL;
		if (event_page(r, &e, now, NULL) == NULL) {
			resp_error(r, 500, "register: database");
			return;
		}
		page_end(r, 409);
		return;
	}
	registered_page(r, &e, outcome);
}

/* The registration of the personal link r->arg; answers 404 or 500 and returns
 * false when there is none. */
static bool find_registration(struct req *r, struct registration *g, struct event *e)
{
	char hash[AUTH_TOKEN_HEX];
	struct event_edit x;
	int rc = 0;

	r->no_store = true;
	if (strlen(r->arg) == AUTH_TOKEN_HEX - 1 &&
	    strspn(r->arg, "0123456789abcdef") == AUTH_TOKEN_HEX - 1) {
		auth_token_hash(r->arg, hash);
		if ((rc = db_registration_by_token(r->db, r->a, hash, g)) == 1)
			rc = db_event_by_id(r->db, r->a, g->event_id, e, &x);
	}
	if (rc < 0) {
		resp_error(r, 500, "cancel: database");
	} else if (rc == 0) {
		r->error_message = "Anmälan finns inte. Den kan redan vara avanmäld, eller "
		    "raderad efter evenemanget.";
		resp_error(r, 404, "cancel: no registration for the link");
	}
	return rc == 1;
}

static void cancel_form(struct req *r, const struct registration *g, const struct event *e,
    const char *notice, int status)
{
	char when[96];
	tdict *d = page_begin(r, "cancel.tpl", "Avanmälan", "/evenemang");

	event_when_sv(e->all_day, e->start, e->end, when, sizeof when);
	tdict_set(d, "NAME", g->name);
	tdict_set(d, "EVENT_TITLE", e->title);
	tdict_set(d, "EVENT_HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
	tdict_set(d, "DATE_SV", when);
	tdict_set(d, "ACTION", arena_printf(r->a, "/avanmalan/%s", r->arg));
	if (strcmp(g->status, "waiting") == 0)
		tdict_show(d, "WAITING");
	if (notice != NULL)
		tdict_set(tdict_section(d, "NOTICE"), "TEXT", notice);
	page_end(r, status);
}

void page_cancel_form(struct req *r)
{
	struct registration g;
	struct event e;

	if (!find_registration(r, &g, &e))
		return;
	if (!form_cookie_present(r))
		form_cookie_set(r);
	cancel_form(r, &g, &e, NULL, 200);
}

void page_cancel(struct req *r)
{
	char form_hash[AUTH_TOKEN_HEX];
	long long promoted[REG_PROMOTED_MAX];
	size_t npromoted;
	struct registration g;
	struct event e;
	tdict *d, *back;
	int ft, rc;

	if (!find_registration(r, &g, &e))
		return;
	if ((ft = form_token_check(r, form_hash)) == FT_ERROR) {
		resp_error(r, 500, "cancel: form token: database");
		return;
	}
	if (ft == FT_MISSING) {
		form_cookie_set(r);
		cancel_form(r, &g, &e, "Avanmälan kunde inte tas emot eftersom webbläsaren inte "
		    "skickade med formulärets kaka. Tillåt kakor för webbplatsen och försök igen.", 403);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "cancel: database busy");
		return;
	}
	rc = db_registration_delete(r->db, g.id, promoted, &npromoted);
	if (rc < 0 || regmail_promoted(r->db, r->cfg, r->a, promoted, npromoted) < 0 ||
	    form_token_spend(r, form_hash) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "cancel: database");
		return;
	}
	d = page_begin(r, "public_message.tpl", "Du är avanmäld", "/evenemang");
	tdict_set(d, "HEADING", "Du är avanmäld");
	para(d, arena_printf(r->a, "%s är avanmäld från %s. Dina uppgifter är raderade.",
	    g.name, e.title));
	back = tdict_section(d, "BACK");
	tdict_set(back, "HREF", arena_printf(r->a, "/evenemang/%s", e.slug));
	tdict_set(back, "LABEL", "← Till evenemanget");
	page_end(r, 200);
}
