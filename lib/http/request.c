/* request.c: from raw server parameters to a validated request context, and the body readers. */
#include "http/request.h"

#include <string.h>
#include <strings.h>

#include "util/config.h"
#include "http/http.h"
#include "http/multipart.h"
#include "util/valid.h"

int request_parse(struct req *r, param_fn param, void *ctx)
{
	const char *target = param(ctx, "REQUEST_URI");
	const char *len = param(ctx, "CONTENT_LENGTH");
	long long n = 0;
	int rc;

	r->method_name = param(ctx, "REQUEST_METHOD");
	r->method = http_method(r->method_name);
	r->remote_addr = param(ctx, "REMOTE_ADDR");
	r->host = param(ctx, "HTTP_HOST");
	r->origin = param(ctx, "HTTP_ORIGIN");
	r->sec_fetch_site = param(ctx, "HTTP_SEC_FETCH_SITE");
	r->if_none_match = param(ctx, "HTTP_IF_NONE_MATCH");
	r->if_modified_since = param(ctx, "HTTP_IF_MODIFIED_SINCE");
	r->accept_encoding = param(ctx, "HTTP_ACCEPT_ENCODING");
	r->content_type = param(ctx, "CONTENT_TYPE");
	if ((rc = http_parse_target(r->a, target, &r->path, &r->query_raw)) != HTTP_OK)
		return rc == HTTP_TOO_LONG ? 414 : 400;
	if (r->query_raw && http_parse_urlencoded(r->a, r->query_raw,
	    strlen(r->query_raw), &r->query, &r->nquery) < 0)
		return 400;
	/* Lenient: a Cookie header never fails a request (http.h). */
	http_parse_cookies(r->a, param(ctx, "HTTP_COOKIE"), &r->cookies, &r->ncookies);
	if (len != NULL && *len != '\0' && !valid_int(len, 0, 1LL << 40, &n))
		return 400;
	r->content_length = (size_t)n;
	return 0;
}

int request_read_form(struct req *r)
{
	size_t got = 0, n;
	char *body;

	if (r->form != NULL)
		return 0;    /* read already (or put back by a login: page_login) */
	if (r->form != NULL)   /* read already (by the guard) */
		return 0;
	if (r->content_type == NULL ||
	    strncasecmp(r->content_type, "application/x-www-form-urlencoded", 33) != 0)
		return 415;
	if (r->content_length > r->cfg->max_form_bytes)
		return 413;
	body = arena_alloc(r->a, r->content_length + 1);
	while (got < r->content_length &&
	    (n = r->read(r->io, body + got, r->content_length - got)) > 0)
		got += n;
	if (got != r->content_length)
		return 400;
	if (http_parse_urlencoded(r->a, body, got, &r->form, &r->nform) < 0)
		return 400;
	return 0;
}

int request_read_multipart(struct req *r)
{
	struct mp_form *f = arena_alloc(r->a, sizeof *f);
	char bnd[MP_MAX_BOUNDARY + 1], *body;
	size_t got = 0, n;
	int rc;

	if ((rc = mp_boundary(r->content_type, bnd)) != MP_OK) {
		r->error_message = mp_strerror(rc);
		return rc == MP_BAD_CTYPE ? 415 : 400;
	}
	if (r->content_length > r->cfg->max_upload_bytes) {
		r->error_message = mp_strerror(MP_TOO_BIG);
		return 413;
	}
	body = arena_alloc(r->a, r->content_length + 1);
	while (got < r->content_length &&
	    (n = r->read(r->io, body + got, r->content_length - got)) > 0)
		got += n;
	if ((rc = mp_parse(r->a, r->content_type, body, got,
	    r->cfg->max_upload_bytes, f)) == MP_OK && got != r->content_length)
		rc = MP_NO_END;
	if (rc == MP_OK && mp_fields(r->a, f, &r->form, &r->nform) < 0)
		rc = MP_BAD_VALUE;
	if (rc != MP_OK) {
		r->error_message = mp_strerror(rc);
		return rc == MP_TOO_BIG ? 413 : 400;
	}
	r->upload = f;
	return 0;
}
