/* newsletter_pages.c: /nyhetsbrev: sign-up with double opt-in, confirmation, one-click unsubscription. */
#include "public/public.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"
#include "http/response.h"
#include "site/auth.h"
#include "site/nlmail.h"
#include "store/mail.h"
#include "store/subscribers.h"
#include "util/config.h"
#include "util/log.h"
#include "util/mailaddr.h"

#define NAV "/nyhetsbrev"

/* The sentence beside the consent box; stored with each sign-up as shown. */
#define CONSENT_TEXT "Jag vill få nyhetsbrevet från Healthy Cities Sverige och godkänner att " \
	"min e-postadress sparas för det. Adressen används bara för nyhetsbrevet och raderas " \
	"när jag avslutar prenumerationen."

const struct field newsletter_fields[] = {
	{ "t", F_TEXT, 0, 64 },
	{ NULL, F_INT, 0, 0 },
};

static tdict *begin(struct req *r, const char *heading)
{
	tdict *d = page_begin(r, "newsletter.tpl", heading, NAV);

	r->no_store = true;
	tdict_set(d, "HEADING", heading);
	tdict_set(d, "SITE_NAME", r->cfg->site_name);
	return d;
}

/* A page with one message (and an optional way home). */
static void message(struct req *r, int status, const char *heading, const char *text)
{
	tdict *d = begin(r, heading);
	tdict *m = tdict_section(d, "MESSAGE");

	tdict_set(m, "TEXT", text);
	if (status >= 400)
		tdict_show(m, "ALERT");
	tdict_show(d, "HOME");
	page_end(r, status);
}

static tdict *form_page(struct req *r, const char *email, bool consent)
{
	tdict *d = begin(r, "Nyhetsbrev");
	tdict *f = tdict_section(d, "FORM");

	tdict_set(f, "EMAIL", email);
	tdict_set(f, "CONSENT_TEXT", CONSENT_TEXT);
	tdict_set(f, "SITE_NAME", r->cfg->site_name);
	if (consent)
		tdict_show(f, "CONSENT_CHECKED");
	return f;
}

void page_newsletter(struct req *r)
{
	form_page(r, "", false);
	page_end(r, 200);
}

static void thanks(struct req *r)
{
	message(r, 200, "Tack! Titta i din e-post",
	    "Om adressen kan ta emot e-post får den strax ett brev med en länk. Öppna länken och "
	    "bekräfta för att börja prenumerera. Kommer inget brev, titta i skräpposten.");
}

/* Lower-cases the ASCII letters of an address (the domain is case-blind and
 * nearly every mailbox too), into the arena. */
static char *lower(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s), *p;

	for (p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* Queues the confirmation mail inside the open transaction. */
static int mail_confirmation(struct req *r, const char *email, const char *token)
{
	char *html = NULL, *text = NULL;
	const char *url = arena_printf(r->a, "%s/nyhetsbrev/bekrafta?t=%s", r->cfg->site_url, token);
	struct mail_request m = {
		.to = email, .kind = "confirm",
		.subject = arena_printf(r->a, "Bekräfta din prenumeration på nyhetsbrevet från %s",
		    r->cfg->site_name),
	};
	int rc;

	if (nlmail_confirm(r->cfg->site_name, url, &html, &text) < 0)
		return -1;
	m.html = html;
	m.text = text;
	rc = mail_enqueue(r->db, r->cfg, &m, NULL);
	free(html);
	free(text);
	return rc < 0 ? -1 : 0;
}

void page_newsletter_signup(struct req *r)
{
	const char *email, *trap;
	char token[SUB_TOKEN_HEX];
	bool consent;
	tdict *f;
	int rc, errors = 0;

	if (!auth_same_origin(r->cfg->site_url, r->origin, r->sec_fetch_site)) {
		resp_error(r, 403, "newsletter: cross-origin POST");
		return;
	}
	if ((rc = request_read_form(r)) != 0) {
		resp_error(r, rc, "newsletter: form unreadable");
		return;
	}
	email = req_form(r, "email");
	email = email ? email : "";
	trap = req_form(r, "webbplats");
	consent = req_form(r, "samtycke") != NULL;
	if (trap != NULL && trap[0] != '\0') {      /* a robot: the same answer, nothing kept */
		thanks(r);
		return;
	}
	f = form_page(r, email, consent);
	if (mailaddr_check(email) != MA_OK) {
		tdict_set(tdict_section(f, "EMAIL_ERROR"), "MESSAGE",
		    email[0] ? "Skriv en giltig e-postadress, till exempel namn@kommun.se (utan "
		    "mellanslag eller radbrytningar)." : "Skriv din e-postadress.");
		errors++;
	}
	if (!consent) {
		tdict_set(tdict_section(f, "CONSENT_ERROR"), "MESSAGE",
		    "Kryssa i rutan för att godkänna att vi sparar din adress för nyhetsbrevet.");
		errors++;
	}
	if (errors) {
		tdict_set_int(tdict_section(f, "FORM_ERRORS"), "COUNT", errors);
		page_end(r, 422);
		return;
	}
	tdict_free(r->layout);
	r->layout = NULL;
	email = lower(r->a, email);
	if (db_begin(r->db) < 0)
		goto fail;
	if ((rc = sub_attempt_allowed(r->db, email, r->remote_addr ? r->remote_addr : "")) < 0)
		goto fail;
	if (rc == 0) {
		db_commit(r->db);
		message(r, 429, "För många försök",
		    "Det har kommit för många anmälningar på kort tid. Vänta en timme och försök igen.");
		return;
	}
	if ((rc = sub_signup(r->db, email, CONSENT_TEXT, token)) < 0 ||
	    (rc == 1 && mail_confirmation(r, email, token) < 0) || db_commit(r->db) < 0)
		goto fail;
	thanks(r);
	return;
fail:
	db_rollback(r->db);
	resp_error(r, 500, "newsletter signup: database or mail");
}

static void invalid_link(struct req *r)
{
	message(r, 404, "Länken gäller inte",
	    "Länken är felaktig, redan använd eller äldre än 7 dagar. Anmäl dig gärna på nytt på "
	    "sidan Nyhetsbrev.");
}

void page_newsletter_confirm_ask(struct req *r)
{
	const char *t = r->in[0].set ? r->in[0].s : "";
	tdict *d;
	int rc = sub_token_live(r->db, t, "confirm");

	if (rc < 0) {
		resp_error(r, 500, "newsletter confirm: database");
		return;
	}
	if (rc == 0) {
		invalid_link(r);
		return;
	}
	d = begin(r, "Bekräfta prenumerationen");
	tdict_set(tdict_section(d, "MESSAGE"), "TEXT",
	    "Tryck på knappen för att börja prenumerera på nyhetsbrevet.");
	tdict_set(tdict_section(d, "CONFIRM_ASK"), "TOKEN", t);
	page_end(r, 200);
}

void page_newsletter_confirm(struct req *r)
{
	int rc;

	if (!auth_same_origin(r->cfg->site_url, r->origin, r->sec_fetch_site)) {
		resp_error(r, 403, "newsletter confirm: cross-origin POST");
		return;
	}
	if ((rc = request_read_form(r)) != 0) {
		resp_error(r, rc, "newsletter confirm: form unreadable");
		return;
	}
	if ((rc = sub_confirm(r->db, req_form(r, "t"))) < 0) {
		resp_error(r, 500, "newsletter confirm: database");
		return;
	}
	if (rc == 0) {
		invalid_link(r);
		return;
	}
	message(r, 200, "Klart! Du prenumererar nu",
	    "Tack! Nästa nyhetsbrev kommer till din e-post. Varje brev har en länk för att avsluta.");
}

void page_newsletter_unsubscribe_ask(struct req *r)
{
	const char *t = r->in[0].set ? r->in[0].s : "";
	tdict *d;
	int rc = sub_token_live(r->db, t, "unsubscribe");

	if (rc < 0) {
		resp_error(r, 500, "newsletter unsubscribe: database");
		return;
	}
	if (rc == 0) {
		message(r, 404, "Länken gäller inte",
		    "Du är redan avregistrerad, eller så är länken felaktig. Din adress finns inte "
		    "kvar hos oss om du har avslutat prenumerationen.");
		return;
	}
	d = begin(r, "Avsluta prenumerationen");
	tdict_set(tdict_section(d, "MESSAGE"), "TEXT",
	    "Tryck på knappen för att sluta få nyhetsbrevet. Din e-postadress och ditt samtycke "
	    "raderas då helt hos oss.");
	tdict_set(tdict_section(d, "UNSUB_ASK"), "TOKEN", t);
	page_end(r, 200);
}

/* RFC 8058 one-click: the mail program POSTs "List-Unsubscribe=One-Click"
 * without a session or an Origin of ours; the secret token in the URL is the
 * authority, as it is for the button on the page before. */
void page_newsletter_unsubscribe(struct req *r)
{
	const char *t = r->in[0].set ? r->in[0].s : "";
	int rc;

	if ((rc = request_read_form(r)) != 0 && rc != 415) {
		resp_error(r, rc, "newsletter unsubscribe: form unreadable");
		return;
	}
	if (db_begin(r->db) < 0 || (rc = sub_unsubscribe(r->db, t)) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "newsletter unsubscribe: database");
		return;
	}
	if (rc == 0) {
		message(r, 404, "Länken gäller inte",
		    "Du är redan avregistrerad, eller så är länken felaktig.");
		return;
	}
	log_msg("newsletter: a subscriber unsubscribed and was erased");
	message(r, 200, "Du är avregistrerad",
	    "Du får inga fler nyhetsbrev. Din e-postadress och ditt samtycke är raderade.");
}
