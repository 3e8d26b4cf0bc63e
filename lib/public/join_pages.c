/* join_pages.c: /bli-medlem: the page's text with the membership-interest form, and sending it. */
#include "public/public.h"

#include <string.h>

#include "util/log.h"
#include "site/auth.h"
#include "store/membership.h"
#include "store/signups_mail.h"
#include "store/textpages.h"
#include "http/formguard.h"
#include "http/response.h"

#define JOIN_SLUG "bli-medlem"

static const char *const kinds[] = { "kommun", "region", NULL };

/* Begins /bli-medlem: its text and the form. Returns the form's dictionary,
 * or NULL after answering 404/500. */
static tdict *join_page(struct req *r)
{
	struct text_page p;
	int rc = db_text_page(r->db, r->a, JOIN_SLUG, &p);
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "text page " JOIN_SLUG);
		return NULL;
	}
	d = page_begin(r, "text_page.tpl", p.title, "/medlemmar");
	tdict_set(d, "TITLE", p.title);
	tdict_set(d, "SAFE_BODY_HTML", p.body_html);
	return tdict_include(d, "FORM", "join_form.tpl");
}

void page_join(struct req *r)
{
	if (join_page(r) != NULL)
		page_end(r, 200);
}

/* Reads the request into m with messages into fd. True when valid. */
static bool read_request(struct req *r, tdict *fd, struct membership_request *m)
{
	struct pubform f;

	memset(m, 0, sizeof *m);
	pubform_start(&f, r, fd);
	m->organisation = pubform_text(&f, "organisation", "ORG", "join-org",
	    "Namnet på kommunen eller regionen", 150, PF_REQUIRED);
	m->kind = pubform_choice(&f, "kind", "KIND", "join-kind",
	    "Välj kommun eller region.", kinds, PF_REQUIRED);
	m->contact = pubform_text(&f, "contact", "CONTACT", "join-contact", "Kontaktpersonen",
	    100, PF_REQUIRED);
	m->role = pubform_text(&f, "role", "ROLE", "join-role", "Rollen", 100, PF_REQUIRED);
	m->email = pubform_email(&f, "email", "EMAIL", "join-email", "E-postadressen", PF_REQUIRED);
	m->phone = pubform_text(&f, "phone", "PHONE", "join-phone", "Telefonnumret", 40, 0);
	if (m->phone != NULL && strspn(m->phone, "0123456789 +-()") != strlen(m->phone))
		pubform_error(&f, "PHONE", "join-phone",
		    "Telefonnumret får bara innehålla siffror, mellanslag och + - ( ).");
	m->message = pubform_text(&f, "message", "MESSAGE_TEXT", "join-message", "Meddelandet",
	    3000, PF_MULTILINE);
	return pubform_ok(&f);
}

static void thanks(struct req *r)
{
	tdict *d;

	tdict_free(r->layout);
	r->layout = NULL;
	d = page_begin(r, "public_message.tpl", "Tack för ditt intresse", "/medlemmar");
	tdict_set(d, "HEADING", "Tack för ditt intresse");
	tdict_set(tdict_section(d, "PARA"), "TEXT", "Vi har tagit emot din intresseanmälan och "
	    "hör av oss så snart vi kan. En bekräftelse skickas till din e-postadress.");
	d = tdict_section(d, "BACK");
	tdict_set(d, "HREF", "/medlemmar");
	tdict_set(d, "LABEL", "← Till medlemmarna");
	page_end(r, 200);
}

void page_join_send(struct req *r)
{
	char form_hash[AUTH_TOKEN_HEX];
	struct membership_request m;
	tdict *fd = join_page(r);
	long long id;
	int ft;

	if (fd == NULL)
		return;
	if ((ft = form_token_check(r, form_hash)) == FT_ERROR) {
		resp_error(r, 500, "join: form token: database");
		return;
	}
	if (!read_request(r, fd, &m) || ft != FT_OK) {
		if (ft == FT_MISSING) {
			tdict_set(tdict_section(fd, "NOTICE"), "TEXT", "Formuläret kunde inte tas emot "
			    "eftersom webbläsaren inte skickade med formulärets kaka. Tillåt kakor "
			    "för webbplatsen och skicka igen; det du skrev finns kvar.");
			form_cookie_set(r);
		} else if (ft == FT_SPENT) {
			tdict_set(tdict_section(fd, "NOTICE"), "TEXT", "Det här formuläret har redan "
			    "skickats en gång. Ladda om sidan om du vill skicka en ny intresseanmälan.");
		}
		page_end(r, ft == FT_MISSING ? 403 : ft == FT_SPENT ? 409 : 422);
		return;
	}
	if (pubform_honeypot(r)) {
		log_msg("join: honeypot filled from %s; nothing stored", r->remote_addr);
		thanks(r);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "join: database busy");
		return;
	}
	if ((id = db_membership_insert(r->db, &m)) < 0 ||
	    joinmail_send(r->db, r->cfg, r->a, id, &m) < 0 ||
	    form_token_spend(r, form_hash) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "join: database");
		return;
	}
	thanks(r);
}
