/* desk_login.c: /admin/login and /admin/logout, with the lock-out and a log line per attempt. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/form.h"
#include "store/audit.h"
#include "site/auth.h"
#include "util/config.h"
#include "util/log.h"
#include "http/response.h"
#include "store/logins.h"
#include "store/sessions.h"
#include "store/users.h"
#include "util/valid.h"

enum { IN_NEXT, IN_END };
const struct field login_fields[] = {
	[IN_NEXT] = { "next", F_TEXT, 0, 1000 },
	[IN_END] = { NULL, F_INT, 0, 0 },
};

static const char msg_failed[] = "Fel e-postadress eller lösenord.";
static const char msg_locked[] =
	"För många misslyckade inloggningar. Inloggningen är spärrad i 15 minuter; "
	"försök igen senare.";

/* next when it is a local admin path, else "/admin". */
static const char *safe_next(const char *next)
{
	size_t i;

	if (next == NULL || strncmp(next, "/admin", 6) != 0 ||
	    (next[6] != '\0' && next[6] != '/' && next[6] != '?'))
		return "/admin";
	for (i = 0; next[i]; i++)
		if ((unsigned char)next[i] <= ' ' || next[i] == '\\' || (unsigned char)next[i] >= 0x7f)
			return "/admin";
	return strstr(next, "//") ? "/admin" : next;
}

/* Shows the login form with an optional message and the e-mail as typed. */
static void show_form(struct req *r, int status, const char *message,
    const char *email, const char *next)
{
	tdict *d = page_begin(r, "admin_login.tpl", "Logga in", NULL);

	r->no_store = true;
	if (message != NULL)
		tdict_set(tdict_section(d, "MESSAGE"), "TEXT", message);
	tdict_set(d, "EMAIL", email);
	tdict_set(d, "NEXT", safe_next(next));
	page_end(r, status);
}

void page_login_form(struct req *r)
{
	show_form(r, 200, NULL, "", r->in[IN_NEXT].s);
}

/* Lower-cased copy of a usable e-mail address, or "" (logged as such). */
static const char *clean_email(struct req *r, const char *email)
{
	char *s;

	if (email == NULL || !valid_email(email))
		return "";
	s = arena_strdup(r->a, email);
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* Checks the password; returns the user's id, or 0 when it does not match. */
static long long check_login(struct req *r, const char *email, const char *pw)
{
	struct user u;
	int rc = email[0] ? db_user_by_email(r->db, r->a, email, &u) : 0;
	bool ok;

	if (rc < 0 || strlen(pw) > PW_MAX_BYTES)
		return 0;
	ok = pw_verify(rc == 1 ? u.password_hash : NULL, pw);
	return ok && rc == 1 && !u.disabled ? u.id : 0;
}

/* Starts the session and answers with the cookie and a redirect. */
static void log_in(struct req *r, long long user_id, const char *email, const char *next)
{
	char token[AUTH_TOKEN_HEX];

	db_login_purge(r->db);
	if (session_create(r->db, user_id, token) < 0) {
		resp_error(r, 500, "login: session");
		return;
	}
	audit_log(r->db, user_id, email, "login", "user", user_id, email);
	resp_header(r, "Set-Cookie", auth_cookie(r->a, r->cfg->site_url, token));
	sodium_memzero(token, sizeof token);
	resp_redirect(r, safe_next(next));
}

void page_login(struct req *r)
{
	const char *addr = r->remote_addr ? r->remote_addr : "";
	const char *email, *pw, *next;
	long long uid;

	/* The route is R_ORIGIN: the guard has checked the origin and read the form. */
	email = clean_email(r, req_form(r, "email"));
	pw = req_form(r, "password");
	next = req_form(r, "next");
	if (db_login_locked(r->db, email, addr)) {
		db_login_record(r->db, email, addr, "locked");
		log_msg("login locked for %s from %s", email[0] ? email : "(invalid)", addr);
		show_form(r, 429, msg_locked, email, next);
		return;
	}
	uid = pw ? check_login(r, email, pw) : 0;
	db_login_record(r->db, email, addr, uid ? "ok" : "failed");
	log_msg("login %s for %s from %s", uid ? "ok" : "failed",
	    email[0] ? email : "(invalid)", addr);
	if (uid == 0)
		show_form(r, 403, msg_failed, email, next);
	else
		log_in(r, uid, email, next);
}

void page_logout(struct req *r)
{
	admin_audit(r, "logout", "user", r->session->user_id, r->session->email);
	session_end(r->db, r->session->id);
	resp_header(r, "Set-Cookie", auth_cookie(r->a, r->cfg->site_url, NULL));
	resp_redirect(r, "/admin/login");
}
