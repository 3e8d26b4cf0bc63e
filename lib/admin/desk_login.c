/* desk_login.c: /admin/login and /admin/logout, with the lock-out and a log line per attempt. */
#include <ctype.h>
#include <sodium.h>
#include <stdatomic.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/form.h"
#include "store/audit.h"
#include "store/kept_forms.h"
#include "http/http.h"
#include "http/route.h"
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
	"För många misslyckade inloggningar härifrån. Inloggningen är spärrad i 15 minuter; "
	"försök igen senare.";
static const char msg_throttled[] =
	"För många misslyckade inloggningar på kontot. Vänta en minut och försök igen.";
static const char msg_busy[] =
	"Inloggningen är upptagen just nu. Vänta några sekunder och försök igen.";

/* Refused tries since start: counted and logged, never stored. */
static atomic_ulong refused;

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

/* The key of a kept form (64 hex digits) posted with the login, or NULL. */
static const char *kept_key(struct req *r)
{
	const char *k = req_form(r, "kept");
	size_t i;

	if (k == NULL || strlen(k) != AUTH_TOKEN_HEX - 1)
		return NULL;
	for (i = 0; k[i]; i++)
		if (!isxdigit((unsigned char)k[i]))
			return NULL;
	return k;
}

/* Shows the login form with an optional message and the e-mail as typed. */
static void show_form(struct req *r, int status, const char *message,
    const char *email, const char *next)
{
	tdict *d = page_begin(r, "admin_login.tpl", "Logga in", NULL);
	const char *kept = r->method == M_POST ? kept_key(r) : NULL;

	r->no_store = true;
	if (kept != NULL)
		tdict_set(tdict_section(d, "KEPT"), "KEY", kept);
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

/* Checks the password without waiting for a hash slot: the user's id, 0 when
 * it does not match, -1 when every slot is busy. */
static long long check_login(struct req *r, const char *email, const char *pw)
{
	struct user u;
	int rc = email[0] ? db_user_by_email(r->db, r->a, email, &u) : 0, ok;

	if (rc < 0 || strlen(pw) > PW_MAX_BYTES)
		return 0;
	if ((ok = pw_verify_try(rc == 1 ? u.password_hash : NULL, pw)) < 0)
		return -1;
	return ok == 1 && rc == 1 && !u.disabled ? u.id : 0;
}

/* Sends the form kept under the posted key (guard.c) again, now with the new
 * session token and its CSRF token, through the route table as if it came
 * from the editor. Returns true when it answered; false when there was no
 * such form (or it is older than an hour). */
static bool send_kept_form(struct req *r, const char *token)
{
	const char *key = kept_key(r), *path, *fields;
	char hash[AUTH_TOKEN_HEX];
	struct kv *form, *cookie;
	size_t n;

	if (key == NULL)
		return false;
	auth_token_hash(key, hash);
	if (db_kept_form_take(r->db, r->a, hash, &path, &fields) != 1 ||
	    http_parse_urlencoded(r->a, fields, strlen(fields), &form, &n) < 0)
		return false;
	cookie = arena_alloc(r->a, sizeof *cookie);
	*cookie = (struct kv){ SESSION_COOKIE, arena_strdup(r->a, token), strlen(token) };
	r->cookies = cookie;
	r->ncookies = 1;
	if (session_load(r->db, r->a, token, &r->session) != 1)
		return false;
	r->form = arena_alloc(r->a, sizeof *r->form * (n + 1));
	r->form[0] = (struct kv){ "csrf", r->session->csrf, strlen(r->session->csrf) };
	memcpy(r->form + 1, form, sizeof *form * n);
	r->nform = n + 1;
	r->session = NULL;
	r->path = path;
	r->query = NULL;
	r->nquery = 0;
	r->query_raw = NULL;
	route_dispatch(r);
	return true;
}

/* Starts the session and answers with the cookie and a redirect (or, when
 * the login carries the key of a kept form, that form's answer). */
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
	if (!send_kept_form(r, token))
		resp_redirect(r, safe_next(next));
	sodium_memzero(token, sizeof token);
}

/* Refuses a try without checking it: counted, logged, the form again. */
static void refuse(struct req *r, enum login_gate why, int retry, const char *email,
    const char *addr, const char *next)
{
	static const char *const names[] = { "open", "locked", "throttled", "budget",
	    "busy" };
	unsigned long n = atomic_fetch_add(&refused, 1) + 1;
	int status = why == LOGIN_BUDGET || why == LOGIN_ERROR ? 503 : 429;

	log_msg("login %s for %s from %s (%lu refused since start)", names[why],
	    email[0] ? email : "(invalid)", addr, n);
	resp_header(r, "Retry-After", arena_printf(r->a, "%d", retry > 0 ? retry : 1));
	show_form(r, status, why == LOGIN_PAIR_LOCKED ? msg_locked :
	    why == LOGIN_THROTTLED ? msg_throttled : msg_busy, email, next);
}

void page_login(struct req *r)
{
	const char *addr = r->remote_addr ? r->remote_addr : "";
	const char *email, *pw, *next;
	char prefix[ADDR_PREFIX_LEN];
	enum login_gate gate;
	long long uid;
	int retry;

	/* The route is R_ORIGIN: the guard has checked the origin and read the form. */
	email = clean_email(r, req_form(r, "email"));
	pw = req_form(r, "password");
	next = req_form(r, "next");
	auth_addr_prefix(addr, prefix, sizeof prefix);
	if ((gate = db_login_gate(r->db, email, prefix, &retry)) != LOGIN_OPEN) {
		refuse(r, gate, retry, email, addr, next);
		return;
	}
	uid = pw ? check_login(r, email, pw) : 0;
	if (uid < 0) {
		refuse(r, LOGIN_ERROR, 2, email, addr, next);
		return;
	}
	db_login_record(r->db, email, addr, prefix, uid > 0);
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
