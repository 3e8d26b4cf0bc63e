/* guard.c: route_guard: login, role and CSRF/same-origin checks before a guarded handler runs. */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "site/auth.h"
#include "store/kept_forms.h"
#include "store/sessions.h"
#include "util/config.h"
#include "util/log.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

/* Percent-encodes s for a query value, into arena memory. */
static char *url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *p = out;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c)) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

/* Sends a GET without a session to the login form, remembering where it was going. */
static void to_login(struct req *r)
{
	const char *next = r->query_raw ? arena_printf(r->a, "%s?%s", r->path, r->query_raw)
	    : r->path;

	resp_redirect(r, arena_printf(r->a, "/admin/login?next=%s", url_encode(r->a, next)));
}

/* The fields of r->form without the CSRF token, urlencoded again. */
static const char *encode_fields(struct req *r)
{
	char *out = arena_strdup(r->a, "");
	size_t i;

	for (i = 0; i < r->nform; i++) {
		if (strcmp(r->form[i].key, "csrf") == 0)
			continue;
		out = arena_printf(r->a, "%s%s%s=%s", out, out[0] ? "&" : "",
		    url_encode(r->a, r->form[i].key), url_encode(r->a, r->form[i].val));
	}
	return out;
}

/* A desk form sent without a live session (or with an outdated CSRF token):
 * keeps its fields for an hour under a random key and answers the login form
 * carrying that key, so that logging in sends the form again (page_login).
 * Answers 403 as before when the form cannot be read or kept. */
static void keep_and_ask_login(struct req *r, unsigned flags, const char *why)
{
	char key[AUTH_TOKEN_HEX], hash[AUTH_TOKEN_HEX];
	tdict *d;
	int rc;

	if (r->method != M_POST || !(flags & R_LOGIN) || (flags & (R_MULTIPART | R_SCRIPT)) ||
	    !auth_same_origin(r->cfg->site_url, r->origin, r->sec_fetch_site) ||
	    (r->form == NULL && request_read_form(r) != 0) || r->nform == 0) {
		resp_error(r, 403, "%s", why);
		return;
	}
	auth_random_hex(key);
	auth_token_hash(key, hash);
	if ((rc = db_kept_form_put(r->db, hash, r->path, encode_fields(r))) != 1) {
		resp_error(r, rc < 0 ? 500 : 403, "%s; form not kept", why);
		return;
	}
	log_msg("%s: form to %s kept for after the login", why, r->path);
	d = page_begin(r, "admin_login.tpl", "Logga in", NULL);
	tdict_set(tdict_section(d, "KEPT"), "KEY", key);
	tdict_set(d, "NEXT", r->path);
	page_end(r, 403);
}

/* True when the posted token equals the session's (constant time). */
static bool csrf_equal(const char *given, const char *want)
{
	size_t n = strlen(want);

	return given != NULL && strlen(given) == n &&
	    sodium_memcmp(given, want, n) == 0;
}

/* The POST checks: same origin, then the CSRF token from the form (for a
 * multipart upload, its "csrf" field: see R_MULTIPART in route.h). */
static int check_post(struct req *r, unsigned flags)
{
	const char *given;
	int rc;

	if (!auth_same_origin(r->cfg->site_url, r->origin, r->sec_fetch_site)) {
		resp_error(r, 403, "cross-origin POST (Origin %s, Sec-Fetch-Site %s)",
		    r->origin ? r->origin : "-", r->sec_fetch_site ? r->sec_fetch_site : "-");
		return -1;
	}
	/* The body is read only now, after the session and the origin have
	 * been checked: a multipart upload fills r->form from its non-file
	 * fields (route.h), so the token is found the same way in both. */
	rc = (flags & R_MULTIPART) ? request_read_multipart(r) : request_read_form(r);
	if (rc != 0) {
		resp_error(r, rc, "admin form unreadable");
		return -1;
	}
	given = req_form(r, "csrf");
	if (given != NULL && !csrf_equal(given, r->session->csrf) && strlen(given) == 64 &&
	    !(flags & (R_MULTIPART | R_SCRIPT))) {
		/* a page from before a new login in another tab */
		keep_and_ask_login(r, flags, "CSRF token outdated");
		return -1;
	}
	if (!csrf_equal(given, r->session->csrf)) {
		resp_error(r, 403, "CSRF token %s", given ? "wrong" : "missing");
		return -1;
	}
	return 0;
}

/* The session cookie's value, or NULL when it is absent or sent twice (a
 * twin set by a sibling domain or a script: no session rather than a guess). */
static const char *session_token(const struct req *r)
{
	const char *name = auth_cookie_name(r->cfg->site_url);
	size_t i, n = 0;

	for (i = 0; i < r->ncookies; i++)
		if (strcmp(r->cookies[i].key, name) == 0)
			n++;
	return n == 1 ? req_cookie(r, name) : NULL;
}

int route_guard(struct req *r, unsigned flags)
{
	int rc;

	r->no_store = true;
	if ((rc = session_load(r->db, r->a, session_token(r), &r->session)) < 0) {
		resp_error(r, 500, "session: database");
		return -1;
	}
	if (rc == 0) {
		if ((flags & R_LOGIN) && r->method != M_POST)
			to_login(r);
		else
			keep_and_ask_login(r, flags, "no session");
		return -1;
	}
	if ((flags & R_ADMIN) && !r->session->admin) {
		resp_error(r, 403, "user %lld is not admin", r->session->user_id);
		return -1;
	}
	if ((flags & R_CSRF) || r->method == M_POST)
		return check_post(r, flags);
	return 0;
}
