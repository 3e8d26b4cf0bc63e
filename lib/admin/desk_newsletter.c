/* desk_newsletter.c: the coordinator's newsletter: compose, preview, test, send to all, progress, subscribers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "http/response.h"
#include "net/deliver.h"
#include "site/auth.h"
#include "site/nlmail.h"
#include "store/audit.h"
#include "store/mail.h"
#include "store/mailq.h"
#include "store/newsletter.h"
#include "store/subscribers.h"
#include "util/config.h"
#include "util/log.h"
#include "util/timefmt.h"
#include "util/valid.h"

#define NAV "/admin/nyhetsbrev"
#define REFRESH_SECS 5
#define MAX_PICKS 60

const struct field admin_newsletter_fields[] = {
	{ "klart", F_INT, 1, 7 },
	{ NULL, F_INT, 0, 0 },
};

static const char *const done_text[] = {
	"", "Utkastet är sparat.", "Utkastet är skapat.", "Testbrevet ligger i kön till din adress.",
	"Utskicket har börjat.", "De misslyckade breven försöks igen.", "Prenumeranten är raderad.",
	"Utkastet är raderat.",
};

static void done_notice(struct req *r, tdict *d)
{
	if (r->in[0].set)
		tdict_set(tdict_section(d, "DONE"), "TEXT", done_text[r->in[0].i]);
}

static const char *state_sv(const char *state)
{
	return strcmp(state, "draft") == 0 ? "Utkast" : strcmp(state, "sending") == 0 ?
	    "Skickas" : "Skickat";
}

static const char *date_sv(struct req *r, const char *utc)
{
	char buf[64];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return "";
	time_format_datetime_sv(t, buf, sizeof buf);
	return arena_strdup(r->a, buf);
}

void page_admin_newsletters(struct req *r)
{
	struct newsletter *l;
	size_t n, i;
	long long subs = sub_count_confirmed(r->db);
	tdict *d;

	if (subs < 0 || nl_list(r->db, r->a, &l, &n) < 0) {
		resp_error(r, 500, "admin newsletters: database");
		return;
	}
	d = admin_begin(r, "admin_newsletters.tpl", "Nyhetsbrev", NAV);
	done_notice(r, d);
	tdict_set_int(d, "SUBSCRIBERS", subs);
	tdict_show(d, n ? "HAS_ISSUES" : "EMPTY");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "ISSUE");
		struct mailq_counts c;

		if (mailq_count(r->db, l[i].id, &c) < 0) {
			resp_error(r, 500, "admin newsletters: counts");
			return;
		}
		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%lld", l[i].id));
		tdict_set(row, "SUBJECT", l[i].subject);
		tdict_set(row, "STATE", state_sv(l[i].state));
		tdict_set_int(row, "SENT", c.sent);
		tdict_set_int(row, "WAITING", l[i].state[0] == 'd' ? 0 :
		    l[i].recipients > c.sent + c.failed ? l[i].recipients - c.sent - c.failed :
		    c.queued + c.sending);
		tdict_set_int(row, "FAILED", c.failed);
		tdict_set(row, "CREATED", date_sv(r, l[i].created_at));
	}
	page_end(r, 200);
}

/* Fills the post and event checkboxes, marking the chosen ones. When posted
 * is true, the choice comes from the form instead of the database. */
static int picks_fill(struct req *r, tdict *d, long long id, bool posted)
{
	struct nl_pick *posts, *events;
	size_t np, ne, i, j;

	if (nl_picks(r->db, r->a, id, &posts, &np, &events, &ne) < 0)
		return -1;
	for (i = 0; i < np + ne; i++) {
		struct nl_pick *p = i < np ? &posts[i] : &events[i - np];
		const char *key = i < np ? "post" : "event";
		tdict *row = tdict_section(d, i < np ? "POST" : "EVENT");
		bool chosen = p->chosen;

		if (posted) {
			chosen = false;
			for (j = 0; j < r->nform; j++)
				if (strcmp(r->form[j].key, key) == 0 &&
				    strcmp(r->form[j].val, arena_printf(r->a, "%lld", p->id)) == 0)
					chosen = true;
		}
		tdict_set_int(row, "ID", p->id);
		tdict_set(row, "TITLE", p->title);
		tdict_set(row, "WHEN", p->when);
		if (chosen)
			tdict_show(row, "CHOSEN");
	}
	if (np == 0)
		tdict_show(d, "NO_POSTS");
	if (ne == 0)
		tdict_show(d, "NO_EVENTS");
	return 0;
}

/* The ids posted under key (checkboxes), at most MAX_PICKS; arena. */
static size_t posted_ids(struct req *r, const char *key, long long **out)
{
	size_t i, n = 0;

	*out = arena_alloc(r->a, MAX_PICKS * sizeof **out);
	for (i = 0; i < r->nform && n < MAX_PICKS; i++)
		if (strcmp(r->form[i].key, key) == 0 && valid_int(r->form[i].val, 1, 1LL << 53,
		    &(*out)[n]))
			n++;
	return n;
}

/* The text of issue nl as mailed (unsubscribe link as an example), or NULL. */
static char *render(struct req *r, const struct newsletter *nl, char **html)
{
	struct nl_content c;
	char *text = NULL, *h = NULL;
	const char *unsub = arena_printf(r->a, "%s/nyhetsbrev/avsluta?t=exempel", r->cfg->site_url);

	if (nl_content(r->db, r->a, r->cfg, nl->id, nl, &c) < 0 || nlmail_render(&c, unsub, &h, &text) < 0)
		return NULL;
	if (html)
		*html = h;
	else
		free(h);
	return text;
}

/* The compose page of nl (NULL: new). With posted, the fields come back as
 * the form had them (the caller reads them); otherwise from the draft, with
 * the previews and the ways to send. Returns the page's dictionary, or NULL
 * after answering with an error. */
static tdict *compose_page(struct req *r, const struct newsletter *nl, bool posted)
{
	const char *heading = nl ? "Redigera nyhetsbrevet" : "Nytt nyhetsbrev";
	tdict *d = admin_begin(r, "admin_newsletter_form.tpl", heading, NAV);
	tdict *s;
	char *text;

	tdict_set(d, "HEADING", heading);
	tdict_set(d, "ACTION", nl ? arena_printf(r->a, NAV "/%lld", nl->id) : NAV "/ny");
	done_notice(r, d);
	if (picks_fill(r, d, nl ? nl->id : 0, posted) < 0) {
		resp_error(r, 500, "newsletter compose: picks");
		return NULL;
	}
	if (posted || nl == NULL)
		return d;
	tdict_set(d, "SUBJECT", nl->subject);
	tdict_set(d, "INTRO", nl->intro_md);
	if ((text = render(r, nl, NULL)) == NULL) {
		resp_error(r, 500, "newsletter compose: render");
		return NULL;
	}
	s = tdict_section(d, "SAVED_ISSUE");
	tdict_set(s, "TEXT_PREVIEW", text);
	free(text);
	tdict_set(s, "PREVIEW_HREF", arena_printf(r->a, NAV "/forhandsvisning/%lld", nl->id));
	tdict_set(s, "TEST_ACTION", arena_printf(r->a, NAV "/test/%lld", nl->id));
	tdict_set(s, "SEND_HREF", arena_printf(r->a, NAV "/skicka/%lld", nl->id));
	tdict_set(s, "DELETE_ACTION", arena_printf(r->a, NAV "/radera/%lld", nl->id));
	tdict_set(s, "ME", r->session->email);
	return d;
}

void page_admin_newsletter_new(struct req *r)
{
	if (compose_page(r, NULL, false) != NULL)
		page_end(r, 200);
}

/* Reads and checks the compose form; on errors answers with the form as
 * typed (422) and returns false. */
static bool read_compose(struct req *r, const struct newsletter *nl, const char **subject,
    const char **intro)
{
	tdict *d = compose_page(r, nl, true);
	struct form f;

	if (d == NULL)
		return false;
	form_start(&f, r, d);
	*subject = form_text(&f, "subject", "SUBJECT", "Ämnesraden", NL_SUBJECT_MAX, FF_REQUIRED);
	*intro = form_text(&f, "intro", "INTRO", "Inledningen", NL_INTRO_MAX, FF_MULTILINE);
	if (!form_ok(&f)) {
		page_end(r, 422);
		return false;
	}
	*intro = form_normalize_newlines(r->a, *intro);
	tdict_free(r->layout);
	r->layout = NULL;
	return true;
}

/* Saves the posted choice of posts and events of issue id. */
static int save_items(struct req *r, long long id)
{
	long long *posts, *events;
	size_t np = posted_ids(r, "post", &posts), ne = posted_ids(r, "event", &events);

	return nl_items_set(r->db, id, posts, np, events, ne);
}

void page_admin_newsletter_create(struct req *r)
{
	const char *subject, *intro;
	long long id;

	if (!read_compose(r, NULL, &subject, &intro))
		return;
	if (db_begin(r->db) < 0 || (id = nl_create(r->db, subject, intro)) < 0 ||
	    save_items(r, id) < 0 || admin_audit(r, "create", "newsletter", id, subject) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "newsletter create: database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, NAV "/%lld?klart=2", id));
}

/* Loads the issue named by the path; answers 404 (and returns false) when none. */
static bool load(struct req *r, struct newsletter *nl)
{
	long long id = admin_arg_id(r);
	int rc = id ? nl_get(r->db, r->a, id, nl) : 0;

	if (rc < 0)
		resp_error(r, 500, "newsletter: database");
	else if (rc == 0)
		resp_error(r, 404, "newsletter %s: no such issue", r->arg ? r->arg : "-");
	return rc == 1;
}

static void status_page(struct req *r, const struct newsletter *nl)
{
	tdict *d = admin_begin(r, "admin_newsletter_status.tpl", nl->subject, NAV);
	struct mailq_counts c;
	struct nl_failure *fl;
	char problem[400];
	size_t n, i;
	bool sending = strcmp(nl->state, "sending") == 0;

	if (mailq_count(r->db, nl->id, &c) < 0 || nl_failures(r->db, r->a, nl->id, &fl, &n) < 0 ||
	    mailq_last_problem(r->db, nl->id, problem, sizeof problem) < 0) {
		resp_error(r, 500, "newsletter status: database");
		return;
	}
	done_notice(r, d);
	tdict_set(d, "SUBJECT", nl->subject);
	tdict_set(d, "STATE", state_sv(nl->state));
	tdict_set(d, "HREF", arena_printf(r->a, NAV "/%lld", nl->id));
	tdict_set(d, "PREVIEW_HREF", arena_printf(r->a, NAV "/forhandsvisning/%lld", nl->id));
	tdict_set_int(d, "RECIPIENTS", nl->recipients);
	tdict_set_int(d, "SENT", c.sent);
	tdict_set_int(d, "WAITING", nl->recipients > c.sent + c.failed ?
	    nl->recipients - c.sent - c.failed : c.queued + c.sending);
	tdict_set_int(d, "FAILED", c.failed);
	if (sending) {
		tdict_set_int(tdict_section(d, "SENDING"), "SECONDS", REFRESH_SECS);
		tdict_set_int(tdict_section(r->layout, "REFRESH"), "SECONDS", REFRESH_SECS);
		if (problem[0])
			tdict_set(tdict_section(d, "PROBLEM"), "TEXT", problem);
	}
	if (n > 0) {
		tdict *f = tdict_section(d, "FAILURES");

		tdict_set(f, "RETRY_ACTION", arena_printf(r->a, NAV "/forsok-igen/%lld", nl->id));
		for (i = 0; i < n; i++) {
			tdict *row = tdict_section(f, "FAILURE");

			tdict_set(row, "RCPT", fl[i].rcpt[0] ? fl[i].rcpt : "(raderad)");
			tdict_set(row, "REPLY", fl[i].reply);
		}
	}
	page_end(r, 200);
}

void page_admin_newsletter(struct req *r)
{
	struct newsletter nl;

	if (!load(r, &nl))
		return;
	if (strcmp(nl.state, "draft") != 0) {
		status_page(r, &nl);
		return;
	}
	if (compose_page(r, &nl, false) != NULL)
		page_end(r, 200);
}

void page_admin_newsletter_save(struct req *r)
{
	struct newsletter nl;
	const char *subject, *intro;
	int rc;

	if (!load(r, &nl) || !read_compose(r, &nl, &subject, &intro))
		return;
	if (db_begin(r->db) < 0 || (rc = nl_save(r->db, nl.id, subject, intro)) < 0 ||
	    (rc == 1 && (save_items(r, nl.id) < 0 ||
	    admin_audit(r, "update", "newsletter", nl.id, subject) < 0)) || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "newsletter save: database");
		return;
	}
	if (rc == 0) {
		r->error_message = "Nyhetsbrevet har redan skickats och kan inte ändras.";
		resp_error(r, 409, "newsletter %lld: save after sending", nl.id);
		return;
	}
	resp_redirect(r, arena_printf(r->a, NAV "/%lld?klart=1", nl.id));
}

void page_admin_newsletter_preview(struct req *r)
{
	struct newsletter nl;
	char *html = NULL, *text;

	if (!load(r, &nl))
		return;
	if ((text = render(r, &nl, &html)) == NULL) {
		resp_error(r, 500, "newsletter preview: render");
		return;
	}
	free(text);
	r->no_store = true;
	r->mail_preview = true;
	resp_send(r, 200, "text/html; charset=utf-8", html, strlen(html));
	free(html);
}

void page_admin_newsletter_test(struct req *r)
{
	struct newsletter nl;
	char *html = NULL, *text;
	struct mail_request m = { .kind = "test" };
	int rc;

	if (!load(r, &nl))
		return;
	if ((text = render(r, &nl, &html)) == NULL) {
		resp_error(r, 500, "newsletter test: render");
		return;
	}
	m.to = r->session->email;
	m.subject = arena_printf(r->a, "[Test] %s", nl.subject);
	m.text = text;
	m.html = html;
	rc = mail_enqueue(r->db, r->cfg, &m, NULL);
	free(text);
	free(html);
	if (rc < 0) {
		r->error_message = mail_err_sv(rc);
		resp_error(r, rc == MAIL_ERR_STORE ? 500 : 422, "newsletter test: %d", rc);
		return;
	}
	resp_redirect(r, arena_printf(r->a, NAV "/%lld?klart=3", nl.id));
}

/* The confirmation step, or (problem not NULL) the reason it cannot go. */
static void send_page(struct req *r, const struct newsletter *nl, const char *problem, int status)
{
	tdict *d = admin_begin(r, "admin_newsletter_send.tpl", "Skicka nyhetsbrevet", NAV);
	long long count = sub_count_confirmed(r->db);

	if (count < 0) {
		resp_error(r, 500, "newsletter send: count");
		return;
	}
	tdict_set(d, "SUBJECT", nl->subject);
	tdict_set(d, "BACK", arena_printf(r->a, NAV "/%lld", nl->id));
	if (problem != NULL) {
		tdict_set(tdict_section(d, "PROBLEM"), "TEXT", problem);
	} else if (count == 0) {
		tdict_show(d, "NOBODY");
	} else {
		tdict *a = tdict_section(d, "ASK");

		tdict_set_int(a, "COUNT", count);
		tdict_set(a, "ACTION", arena_printf(r->a, NAV "/skicka/%lld", nl->id));
	}
	page_end(r, status);
}

/* Why mail cannot go now (the spool cannot be written), in Swedish; NULL when it can. */
static const char *transport_problem(struct req *r)
{
	char err[600];

	if (transport_ready(r->cfg, err, sizeof err) == 0)
		return NULL;
	log_msg("newsletter: %s", err);
	return arena_printf(r->a, "Utskicket kan inte börja: %s. Inget har skickats. Be den som "
	    "sköter servern att rätta det (mail_spool i hcweb.conf).", err);
}

void page_admin_newsletter_send_ask(struct req *r)
{
	struct newsletter nl;

	if (!load(r, &nl))
		return;
	if (strcmp(nl.state, "draft") != 0) {
		resp_redirect(r, arena_printf(r->a, NAV "/%lld", nl.id));
		return;
	}
	send_page(r, &nl, transport_problem(r), 200);
}

void page_admin_newsletter_send(struct req *r)
{
	struct newsletter nl;
	const char *problem;
	int rc;

	if (!load(r, &nl))
		return;
	if ((problem = transport_problem(r)) != NULL) {
		send_page(r, &nl, problem, 503);
		return;
	}
	if (db_begin(r->db) < 0 || (rc = nl_start(r->db, nl.id)) < 0 ||
	    (rc == 1 && admin_audit(r, "send", "newsletter", nl.id, nl.subject) < 0) ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "newsletter send: database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, NAV "/%lld%s", nl.id, rc == 1 ? "?klart=4" : ""));
}

void page_admin_newsletter_retry(struct req *r)
{
	struct newsletter nl;

	if (!load(r, &nl))
		return;
	if (nl_retry_failed(r->db, nl.id) < 0) {
		resp_error(r, 500, "newsletter retry: database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, NAV "/%lld?klart=5", nl.id));
}

void page_admin_newsletter_delete(struct req *r)
{
	struct newsletter nl;
	int rc;

	if (!load(r, &nl))
		return;
	if ((rc = nl_delete(r->db, nl.id)) < 0) {
		resp_error(r, 500, "newsletter delete: database");
		return;
	}
	if (rc == 0) {
		r->error_message = "Ett nyhetsbrev som har skickats kan inte raderas.";
		resp_error(r, 409, "newsletter %lld: delete after sending", nl.id);
		return;
	}
	admin_audit(r, "delete", "newsletter", nl.id, nl.subject);
	resp_redirect(r, NAV "?klart=7");
}

void page_admin_subscribers(struct req *r)
{
	struct subscriber_list l;
	size_t i, pending = 0;
	tdict *d;

	if (sub_list(r->db, r->a, &l) < 0) {
		resp_error(r, 500, "subscribers: database");
		return;
	}
	d = admin_begin(r, "admin_subscribers.tpl", "Prenumeranter", NAV);
	done_notice(r, d);
	tdict_show(d, l.count ? "HAS_SUBSCRIBERS" : "EMPTY");
	for (i = 0; i < l.count; i++) {
		tdict *row = tdict_section(d, "SUBSCRIBER");
		bool confirmed = strcmp(l.items[i].state, "confirmed") == 0;

		pending += !confirmed;
		tdict_set(row, "EMAIL", l.items[i].email);
		tdict_set(row, "STATE", confirmed ? "Bekräftad" : "Väntar på bekräftelse");
		tdict_set(row, "CONSENT_AT", date_sv(r, l.items[i].consent_at));
		tdict_set(row, "ERASE_HREF", arena_printf(r->a, NAV "/prenumeranter/radera/%lld",
		    l.items[i].id));
	}
	tdict_set_int(d, "CONFIRMED", (long long)(l.count - pending));
	tdict_set_int(d, "PENDING", (long long)pending);
	page_end(r, 200);
}

void page_admin_subscribers_csv(struct req *r)
{
	char *csv;
	size_t len;

	if (sub_export_csv(r->db, r->a, &csv, &len) < 0) {
		resp_error(r, 500, "subscribers csv: database");
		return;
	}
	r->no_store = true;
	resp_header(r, "Content-Disposition", "attachment; filename=\"prenumeranter.csv\"");
	resp_send(r, 200, "text/csv; charset=utf-8", csv, len);
}

void page_admin_subscriber_erase_ask(struct req *r)
{
	struct subscriber_list l;
	long long id = admin_arg_id(r);
	size_t i;

	if (sub_list(r->db, r->a, &l) < 0) {
		resp_error(r, 500, "subscriber erase: database");
		return;
	}
	for (i = 0; i < l.count && l.items[i].id != id; i++)
		;
	if (i == l.count) {
		resp_error(r, 404, "subscriber %lld: none", id);
		return;
	}
	admin_confirm(r, NAV, "Radera prenumeranten",
	    "Adressen, samtycket och adressen i skickade brev raderas. Det går inte att ångra.",
	    l.items[i].email, arena_printf(r->a, NAV "/prenumeranter/radera/%lld", id),
	    NAV "/prenumeranter");
}

void page_admin_subscriber_erase(struct req *r)
{
	long long id = admin_arg_id(r);
	int rc;

	if (db_begin(r->db) < 0 || (rc = sub_erase(r->db, id)) < 0 ||
	    (rc == 1 && admin_audit(r, "delete", "subscriber", id, "") < 0) || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "subscriber erase: database");
		return;
	}
	if (rc == 0) {
		resp_error(r, 404, "subscriber %lld: none", id);
		return;
	}
	resp_redirect(r, NAV "/prenumeranter?klart=6");
}
