/* route.c: matching a path to the route table and guarding the handler. */
#include "http/route.h"

#include <stdbool.h>
#include <string.h>

#include "store/db.h"

#include "http/formguard.h"
#include "http/http.h"
#include "http/pagecache.h"
#include "http/redirect.h"
#include "http/response.h"
#include "util/log.h"
#include "util/slug.h"
#include "util/valid.h"

int route_match(struct arena *a, const char *pattern, const char *path,
    const char **arg)
{
	const char *star = strchr(pattern, '*');
	const char *suffix;
	size_t plen, slen, rlen;

	if (star == NULL)
		return strcmp(pattern, path) == 0;
	plen = (size_t)(star - pattern);
	if (strncmp(pattern, path, plen) != 0)
		return 0;
	suffix = star + 1;
	slen = strlen(suffix);
	path += plen;
	rlen = strlen(path);
	/* The star takes a non-empty run without '/'; the suffix ("/feed",
	 * ".ics") must end the path. */
	if (rlen <= slen || strcmp(path + rlen - slen, suffix) != 0 ||
	    memchr(path, '/', rlen - slen) != NULL)
		return 0;
	*arg = arena_strndup(a, path, rlen - slen);
	return 1;
}

static void allow_header(struct req *r, unsigned methods)
{
	char buf[32] = "";

	if (methods & M_GET)
		strcat(buf, "GET, HEAD");
	if (methods & M_POST)
		strcat(buf, buf[0] ? ", POST" : "POST");
	resp_header(r, "Allow", buf);
}

/* v cut to max bytes at a character's start, with controls made spaces. */
static const char *words_of(struct arena *a, const char *v, size_t max)
{
	size_t n = strlen(v), i;
	char *s;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
	}
	s = arena_strndup(a, v, n);
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
	return s;
}

/* Validates the route's declared query values into r->in. */
static int read_fields(struct req *r, const struct field *f)
{
	size_t i;

	for (i = 0; f != NULL && f[i].name != NULL && i < REQ_MAX_VALUES; i++) {
		const char *v = req_query(r, f[i].name);
		size_t n = http_count(r->query, r->nquery, f[i].name);

		if (n == 0)
			continue;
		if (n > 1 && f[i].kind != F_WORDS)
			return -1;
		if (f[i].kind == F_INT && !valid_int(v, f[i].min, f[i].max, &r->in[i].i))
			return -1;
		if (f[i].kind == F_TEXT && !valid_text(v, (size_t)f[i].max, false, false))
			return -1;
		/* An integer's text is written again, so "05" and "5" are one value. */
		r->in[i].s = f[i].kind == F_INT ? arena_printf(r->a, "%lld", r->in[i].i)
		    : f[i].kind == F_WORDS ? words_of(r->a, v, (size_t)f[i].max) : v;
		r->in[i].set = true;
	}
	return 0;
}

int route_table_check(const struct route *t)
{
	int bad = 0;

	for (; t->pattern != NULL; t++) {
		bool star = strchr(t->pattern, '*') != NULL;
		bool post = (t->methods & M_POST) != 0;
		const char *why = NULL;

		if (post && !(t->flags & (R_CSRF | R_ORIGIN | R_TOKEN | R_FORM)))
			why = "a POST route needs R_CSRF, R_ORIGIN, R_TOKEN or R_FORM";
		else if (!post && (t->flags & (R_CSRF | R_MULTIPART | R_ORIGIN | R_TOKEN | R_FORM)))
			why = "R_CSRF, R_MULTIPART, R_ORIGIN, R_TOKEN and R_FORM are for POST routes";
		else if (post && (t->flags & R_FORMPAGE))
			why = "R_FORMPAGE is for GET pages";
		else if ((t->flags & R_FORM) && (t->flags & R_GUARDS))
			why = "R_FORM is a public form's POST, without a session or other guard";
		else if ((t->flags & R_TOKEN) && (t->flags & (R_GUARDS | R_CACHE)))
			why = "R_TOKEN is a POST checked by its handler alone";
		else if ((t->flags & R_ADMIN) && !(t->flags & R_LOGIN))
			why = "R_ADMIN needs R_LOGIN";
		else if ((t->flags & R_ORIGIN) && (t->flags & (R_LOGIN | R_CSRF)))
			why = "R_ORIGIN is for a POST without a session";
		else if (star && !(t->flags & (R_ID | R_SLUG)))
			why = "a star must be declared R_ID or R_SLUG";
		else if (!star && (t->flags & (R_ID | R_SLUG)))
			why = "R_ID and R_SLUG need a star in the pattern";
		else if ((t->flags & R_ID) && (t->flags & R_SLUG))
			why = "a star is R_ID or R_SLUG, not both";
		else if ((t->flags & R_CACHE) && (post || (t->flags & R_GUARDS)))
			why = "R_CACHE is for public GET pages";
		if (why != NULL) {
			log_msg("route %s: %s", t->pattern, why);
			bad++;
		}
	}
	return bad;
}

/* Validates the path argument the route declares: a number into r->arg_id,
 * or a slug. Returns 0, or -1 when it is not what the route says. */
static int read_arg(struct req *r, unsigned flags)
{
	if (flags & R_ID)
		return r->arg && valid_int(r->arg, 1, 1LL << 53, &r->arg_id) ? 0 : -1;
	if (flags & R_SLUG)
		return slug_valid(r->arg) ? 0 : -1;
	return 0;
}

/* Runs the handler; public GET/HEAD pages read in one transaction (guarded
 * routes may write: sessions are touched on GET). */
static void run_handler(struct req *r, const struct route *rt)
{
	bool get = r->method == M_GET || r->method == M_HEAD;
	bool read_txn;

	if (get && (rt->flags & R_FORMPAGE) && !form_cookie_present(r)) {
		form_cookie_set(r);     /* this answer is not kept: it sets a cookie */
	} else if (get && (rt->flags & R_CACHE) && r->pages != NULL) {
		/* A conditional request goes to the handler, which may answer 304. */
		if (r->if_none_match == NULL && r->if_modified_since == NULL &&
		    pagecache_serve(r->pages, r))
			return;
		r->cache_store = true;
	}
	read_txn = get && (rt->flags & R_GUARDS) == 0 && db_read_begin(r->db) == 0;

	rt->handler(r);
	if (read_txn)
		db_read_end(r->db);
	if (!r->sent)
		resp_error(r, 500, "handler sent no response");
}

void route_dispatch(struct req *r)
{
	const struct route *rt, *found = NULL;
	unsigned allowed = 0, want;
	const char *arg = NULL;

	want = r->method == M_HEAD ? M_GET : r->method;
	if (want == M_GET && redirect_wordpress_query(r->path, r->query_raw) &&
	    redirect_old_url(r))
		return;
	for (rt = routes; rt->pattern != NULL; rt++) {
		if (!route_match(r->a, rt->pattern, r->path, &arg))
			continue;
		allowed |= rt->methods;
		if ((rt->methods & want) && found == NULL) {
			found = rt;
			r->arg = arg;
		}
	}
	if (allowed == 0) {
		if (want == M_GET && redirect_old_url(r))
			return;
		resp_error(r, 404, "no route");
		return;
	}
	if (found == NULL) {
		allow_header(r, allowed);
		resp_error(r, 405, "method not allowed");
		return;
	}
	if (read_fields(r, found->fields) < 0) {
		resp_error(r, 400, "invalid query %s", r->query_raw ? r->query_raw : "");
		return;
	}
	if ((found->flags & R_GUARDS) && route_guard(r, found->flags) < 0)
		return;
	if ((found->flags & R_FORM) && form_guard(r) < 0)
		return;
	if (read_arg(r, found->flags) < 0) {
		resp_error(r, 404, "not a%s: %s", (found->flags & R_ID) ? "n id" : " slug", r->arg);
		return;
	}
	if ((found->flags & R_ONCE) && form_once_begin(r) < 0)
		return;
	run_handler(r, found);
	if (found->flags & R_ONCE)
		form_once_end(r);
}
