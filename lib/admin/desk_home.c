/* desk_home.c: the dashboard /admin, the audit log /admin/logg and the users page /admin/anvandare. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "admin/form.h"
#include "admin/admin.h"
#include "store/audit.h"
#include "site/auth.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "store/posts.h"
#include "http/pager.h"
#include "http/response.h"
#include "util/timefmt.h"
#include "store/users.h"
#include "util/valid.h"

#define DASH_ITEMS 8
#define LOG_PER_PAGE 50

#define USER_NAME_MAX 200

/* The text fields' limits of the users page: what form_text reads with and
 * the template shows. */
static const struct form_limit user_limits[] = {
	{ "NEW_NAME", USER_NAME_MAX },
	{ NULL, 0 },
};

enum { IN_LOG_PAGE, IN_USERS_DONE, IN_END };
const struct field admin_log_fields[] = {
	[IN_LOG_PAGE] = { "sida", F_INT, 1, 1000000 },
	[IN_USERS_DONE] = { "klart", F_INT, 1, 2 },
	[IN_END] = { NULL, F_INT, 0, 0 },
};

/* A stored UTC time as Swedish date and time, in r's arena. */
static const char *when_sv(struct req *r, const char *utc)
{
	char buf[64];

	time_utc_datetime_sv(utc, buf, sizeof buf);
	return arena_strdup(r->a, buf);
}

/* Shows the list section (returning its dictionary, to add the items to) when
 * there are items, else the section saying the list is empty (returning NULL). */
static tdict *dash_list(tdict *d, size_t count, const char *list, const char *empty)
{
	if (count > 0)
		return tdict_section(d, list);
	tdict_show(d, empty);
	return NULL;
}

/* Lists posts of a filter in section; returns -1 on a database error. */
static int dash_posts(struct req *r, tdict *d, const char *filter, const char *list,
    const char *section, const char *empty)
{
	struct post_page pp;
	size_t i;

	if (db_posts_admin(r->db, r->a, "", filter, 1, DASH_ITEMS, &pp) < 0)
		return -1;
	d = dash_list(d, pp.count, list, empty);
	for (i = 0; i < pp.count; i++) {
		tdict *it = tdict_section(d, section);

		tdict_set(it, "HREF", arena_printf(r->a, "/admin/nyheter/%lld", pp.items[i].id));
		tdict_set(it, "TITLE", pp.items[i].title);
		tdict_set(it, "WHEN", when_sv(r, strcmp(filter, "utkast") == 0
		    ? pp.items[i].updated_at : pp.items[i].published_at));
	}
	return 0;
}

static int dash_events(struct req *r, tdict *d)
{
	struct event_list el;
	char buf[160];
	size_t i;

	if (db_events_upcoming(r->db, r->a, time(NULL), 1, DASH_ITEMS, &el) < 0)
		return -1;
	d = dash_list(d, el.count, "EVENTS", "NO_EVENTS");
	for (i = 0; i < el.count; i++) {
		tdict *it = tdict_section(d, "EVENT");

		tdict_set(it, "HREF", arena_printf(r->a, "/admin/evenemang/%lld", el.items[i].id));
		tdict_set(it, "TITLE", el.items[i].title);
		event_when_sv(el.items[i].all_day, el.items[i].start, el.items[i].end,
		    buf, sizeof buf);
		tdict_set(it, "WHEN", buf);
	}
	return 0;
}

static int dash_changes(struct req *r, tdict *d)
{
	struct audit_entry *e;
	tdict *list;
	size_t i, n;

	if (db_audit_changes(r->db, r->a, DASH_ITEMS, &e, &n) < 0)
		return -1;
	list = dash_list(d, n, "CHANGES", "NO_CHANGES");
	for (i = 0; i < n; i++) {
		tdict *it = tdict_section(list, "CHANGE");

		tdict_set(it, "WHEN", when_sv(r, e[i].at));
		tdict_set(it, "WHO", e[i].user_email);
		tdict_set(it, "WHAT", audit_phrase(r->a, e[i].action, e[i].item_type));
		tdict_set(it, "SUMMARY", e[i].summary);
	}
	if (r->session->admin)
		tdict_show(d, "LOG_LINK");
	return 0;
}

void page_admin_home(struct req *r)
{
	tdict *d = admin_begin(r, "admin_home.tpl", "Översikt", "/admin");

	tdict_set(d, "USER_NAME", r->session->name);
	if (dash_posts(r, d, "utkast", "DRAFTS", "DRAFT", "NO_DRAFTS") < 0 ||
	    dash_posts(r, d, "schemalagd", "SCHEDULED_LIST", "SCHEDULED", "NO_SCHEDULED") < 0 ||
	    dash_events(r, d) < 0 || dash_changes(r, d) < 0) {
		resp_error(r, 500, "dashboard: database");
		return;
	}
	page_end(r, 200);
}

void page_admin_log(struct req *r)
{
	long long page = r->in[IN_LOG_PAGE].set ? r->in[IN_LOG_PAGE].i : 1, total, pages;
	struct audit_entry *e;
	size_t i, n;
	tdict *d;

	if (db_audit_page(r->db, r->a, page, LOG_PER_PAGE, &e, &n, &total) < 0) {
		resp_error(r, 500, "audit log: database");
		return;
	}
	d = admin_begin(r, "admin_log.tpl", "Logg", "/admin/logg");
	tdict_show(d, n ? "HAS_ROWS" : "EMPTY");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "ROW");

		tdict_set(row, "WHEN", when_sv(r, e[i].at));
		tdict_set(row, "WHO", e[i].user_email);
		tdict_set(row, "WHAT", audit_phrase(r->a, e[i].action, e[i].item_type));
		if (e[i].item_id)
			tdict_set_int(row, "ITEM_ID", e[i].item_id);
		tdict_set(row, "SUMMARY", e[i].summary);
	}
	pages = (total + LOG_PER_PAGE - 1) / LOG_PER_PAGE;
	pager_add_labels(r, d, page, pages, "/admin/logg", "← Nyare", "Äldre →");
	page_end(r, 200);
}

static const char *const roles[] = { "coordinator", "admin", NULL };
static const char *const role_labels[] = { "Samordnare", "Administratör", NULL };

/* Starts the users page with the list; returns its dictionary or NULL. */
static tdict *users_page(struct req *r, const char *role)
{
	struct user *u;
	size_t i, n;
	tdict *d;

	if (db_users_all(r->db, r->a, &u, &n) < 0)
		return NULL;
	d = admin_begin(r, "admin_users.tpl", "Användare", "/admin/anvandare");
	form_limits(d, user_limits);
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "USER");

		tdict_set(row, "NAME", u[i].name);
		tdict_set(row, "EMAIL", u[i].email);
		tdict_set(row, "ROLE", strcmp(u[i].role, "admin") ? "Samordnare" : "Administratör");
		tdict_set(row, "STATE", u[i].disabled ? "Avstängd" : "Aktiv");
		if (!u[i].disabled && u[i].id != r->session->user_id)
			tdict_set(tdict_section(row, "CAN_DISABLE"), "ACTION",
			    arena_printf(r->a, "/admin/anvandare/stang-av/%lld", u[i].id));
	}
	form_options(d, "ROLE_OPTION", roles, role_labels, role);
	return d;
}

void page_admin_users(struct req *r)
{
	static const char *const done[] = { "", "Användaren är tillagd.", "Användaren är avstängd och utloggad." };
	tdict *d = users_page(r, "coordinator");

	if (d == NULL) {
		resp_error(r, 500, "users: database");
		return;
	}
	if (r->in[IN_USERS_DONE].set)
		admin_notice(d, done[r->in[IN_USERS_DONE].i], NULL, NULL);
	page_end(r, 200);
}

/* Checks the new password (never put back into the page). */
static const char *new_password(struct form *f)
{
	const char *pw = req_form(f->r, "password");
	int rc;

	if (pw == NULL || pw[0] == '\0') {
		form_error(f, "PASSWORD", "Lösenordet måste fyllas i.");
		return NULL;
	}
	if ((rc = pw_check(pw, strlen(pw))) != 0) {
		form_error(f, "PASSWORD", rc == -1 ? "Lösenordet måste ha minst 12 tecken."
		    : rc == -2 ? "Lösenordet får ha högst 128 tecken."
		    : "Lösenordet innehåller tecken som inte kan läsas.");
		return NULL;
	}
	return pw;
}

void page_admin_user_add(struct req *r)
{
	const char *role = req_form(r, "role"), *name, *email, *pw;
	char hash[crypto_pwhash_STRBYTES];
	struct form f;
	long long id;
	tdict *d;

	if ((d = users_page(r, role)) == NULL) {
		resp_error(r, 500, "users: database");
		return;
	}
	form_start(&f, r, d);
	name = form_text(&f, "name", "NEW_NAME", "Namnet", USER_NAME_MAX, FF_REQUIRED);
	email = form_email(&f, "email", "NEW_EMAIL", "E-postadressen", FF_REQUIRED);
	role = form_choice(&f, "role", "ROLE", "rollen", roles, FF_REQUIRED);
	pw = new_password(&f);
	if (!form_ok(&f)) {
		page_end(r, 422);
		return;
	}
	if (pw_hash(pw, hash) < 0) {
		resp_error(r, 503, "user add: hashing");
		return;
	}
	email = arena_strdup(r->a, email);
	for (char *p = (char *)email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (db_begin(r->db) < 0) {
		resp_error(r, 500, "user add: begin");
		return;
	}
	id = db_user_insert(r->db, email, name, role, hash);
	if (id == -2) {
		db_rollback(r->db);
		form_error(&f, "NEW_EMAIL", "Det finns redan en användare med den e-postadressen.");
		form_ok(&f);
		page_end(r, 422);
		return;
	}
	if (id < 0 || admin_audit(r, "create", "user", id, email) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "user add");
		return;
	}
	resp_redirect(r, "/admin/anvandare?klart=1");
}

void page_admin_user_disable(struct req *r)
{
	long long id = r->arg_id;   /* an R_ID route */
	struct user u;
	int rc;

	if ((rc = db_user_by_id(r->db, r->a, id, &u)) == 0) {
		resp_error(r, 404, "no user %s", r->arg);
		return;
	}
	if (rc < 0 || id == r->session->user_id) {
		resp_error(r, rc < 0 ? 500 : 403, "disable user %lld", id);
		return;
	}
	if (db_begin(r->db) < 0 || db_user_set_disabled(r->db, id, true) < 0 ||
	    session_end_user(r->db, id) < 0 || admin_audit(r, "disable", "user", id, u.email) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "disable user %lld", id);
		return;
	}
	resp_redirect(r, "/admin/anvandare?klart=2");
}
