/* req.h: the request context that travels from the accept loop to a handler and back. */
#ifndef HC_HTTP_REQ_H
#define HC_HTTP_REQ_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/tmpl.h"
#include "http/http.h"

struct config;
struct db;
struct pagecache;
struct mp_form;

/* A value declared by a route and validated before its handler runs. */
struct value {
	bool set;
	long long i;
	const char *s;
};

#define REQ_MAX_VALUES 8

struct req {
	struct arena *a;               /* per-request memory, reset after the response */
	const struct config *cfg;      /* read-only */
	struct db *db;                 /* this worker's connection */

	enum method method;
	const char *method_name;
	const char *path;              /* percent-decoded, valid UTF-8, no . or .. segments */
	const char *query_raw;         /* as received, for logs */
	struct kv *query;
	size_t nquery;
	struct kv *form;               /* urlencoded POST body, when read; for
	                                  R_MULTIPART routes the non-file parts */
	size_t nform;
	struct mp_form *upload;        /* the parsed multipart body (R_MULTIPART) */
	struct kv *cookies;
	size_t ncookies;
	const char *remote_addr;
	const char *host;
	const char *origin;
	const char *sec_fetch_site;
	const char *content_type;
	const char *if_none_match;     /* the If-None-Match header, or NULL */
	const char *if_modified_since; /* the If-Modified-Since header, or NULL */
	const char *accept_encoding;   /* the Accept-Encoding header, or NULL */
	size_t content_length;

	const char *arg;               /* the segment a route's '*' matched */
	struct value in[REQ_MAX_VALUES]; /* the route's declared query values, in order */
	struct session *session;       /* the logged-in user, when there is one */

	/* The response being built. */
	int status;
	char *headers;                 /* extra header lines, each ending in \r\n */
	size_t hlen;
	tdict *layout;                 /* root dictionary of an HTML page */
	const char *page_tpl;          /* template inside the layout */
	bool no_store;                 /* Cache-Control: no-store */
	bool mail_preview;             /* the body is an HTML mail of ours: its CSP
	                                  allows inline styles (and nothing else more) */
	bool desk_script;              /* a desk page: CSP also allows script-src 'self'
	                                  (static/desk.js) and connect-src 'self' */
	const char *error_message;     /* static Swedish text that replaces
	                                  resp_error's standard message */
	bool sent;
	const char *location;          /* a redirect's target, once sent */
	const char *form_key;          /* an R_ONCE form's claimed one-time key */
	struct pagecache *pages;       /* this worker's page copies, or NULL */
	bool cache_store;              /* keep a copy of a 200 answer in pages */
	void *io;                      /* transport (FCGX_Request *) */
	size_t (*write)(void *io, const char *buf, size_t len);
	size_t (*read)(void *io, char *buf, size_t len);
};

/* Looks up a query / form / cookie value by name; NULL when absent (req.c). */
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
const char *req_cookie(const struct req *r, const char *name);
/* The end of a request: rolls back a transaction the handler left open
 * (logged), frees the page's dictionaries. The arena is the caller's. */
void req_finish(struct req *r);

#endif
