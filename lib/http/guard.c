/* guard.c: route_guard: login, role and CSRF/same-origin checks before a guarded handler runs. */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "site/auth.h"
#include "store/sessions.h"
#include "util/config.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

/* Sends a GET without a session to the login form, remembering where it was going. */
static void to_login(struct req *r)
{
	const char *next = r->query_raw ? arena_printf(r->a, "%s?%s", r->path, r->query_raw)
	    : r->path;

	resp_redirect(r, arena_printf(r->a, "/admin/login?next=%s", http_encode(r->a, next)));
}

/* True when the posted token equals the session's (constant time). */
static bool csrf_equal(const char *given, const char *want)
{
	size_t n = strlen(want);

	return given != NULL && strlen(given) == n &&
	    sodium_memcmp(given, want, n) == 0;
}

/* The POST checks: same origin, then the body, then for R_CSRF the token from
 * the form (for a multipart upload, its "csrf" field: see R_MULTIPART in
 * route.h). */
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
	if (!(flags & R_CSRF))
		return 0;
	given = req_form(r, "csrf");
	if (!csrf_equal(given, r->session->csrf)) {
		resp_error(r, 403, "CSRF token %s", given ? "wrong" : "missing");
		return -1;
	}
	return 0;
}

int route_guard(struct req *r, unsigned flags)
{
	int rc;

	r->no_store = true;
	if (!(flags & (R_LOGIN | R_ADMIN | R_CSRF)))
		return r->method == M_POST ? check_post(r, flags) : 0;
	if ((rc = session_load(r->db, r->a, req_cookie(r, SESSION_COOKIE), &r->session)) < 0) {
		resp_error(r, 500, "session: database");
		return -1;
	}
	if (rc == 0) {
		if ((flags & R_LOGIN) && r->method != M_POST)
			to_login(r);
		else
			resp_error(r, 403, "no session");
		return -1;
	}
	if ((flags & R_ADMIN) && !r->session->admin) {
		resp_error(r, 403, "user %lld is not admin", r->session->user_id);
		return -1;
	}
	/* route_table_check makes every POST route R_CSRF or R_ORIGIN. */
	if (r->method == M_POST)
		return check_post(r, flags);
	return 0;
}
