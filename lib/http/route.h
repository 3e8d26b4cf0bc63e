/* route.h: the route table's types and the dispatcher. */
#ifndef HC_HTTP_ROUTE_H
#define HC_HTTP_ROUTE_H

#include "http/req.h"

typedef void (*handler_fn)(struct req *r);

/* A query value a route reads, with its validator. */
/* F_WORDS: free text that is never refused: cut to max bytes (at a
 * character's start), control characters read as spaces (a search). */
enum field_kind { F_INT, F_TEXT, F_WORDS };

struct field {
	const char *name;
	enum field_kind kind;
	long long min, max;     /* F_INT: range; F_TEXT: max is the byte limit */
};

/* What a route needs before its handler runs. */
enum route_flags {
	R_LOGIN = 1,            /* a logged-in user */
	R_ADMIN = 2,            /* ... with the admin role */
	R_CSRF = 4,             /* POST with a valid CSRF token and same origin */
	R_MULTIPART = 8,        /* POST body is multipart/form-data (uploads). After the
	                           session and origin checks, route_guard reads and parses
	                           it (request_read_multipart): r->upload holds the parts
	                           and r->form the non-file fields, so the CSRF token comes
	                           from the multipart field "csrf" like in any form. A body
	                           that does not parse is answered with 400/413/415 and a
	                           specific Swedish message, and the handler does not run. */
	R_CACHE = 16,           /* a public page: copies of it are kept per worker and
	                           sent again while nothing it shows can have changed
	                           (pagecache.h) */
	R_ONCE = 32,            /* a create form: its hidden one-time key "form_key"
	                           (FORM_KEY in the template) makes a second submit
	                           go where the first one went instead of creating
	                           the thing twice (formonce.c) */
	R_SCRIPT = 64,          /* answers the desk's script (autosave, preview): without a
	                           session a plain 403, the form is not kept for a login */
	R_FORM = 128,           /* a POST of a public form: same origin, body read,
	                           rate limit (form_guard in formguard.h); the handler
	                           checks the form cookie */
	R_FORMPAGE = 256,       /* a public page that may hold a form: a browser
	                           without the form cookie gets a fresh page that sets
	                           it, never a cached copy (formguard.h) */
};

/* The flags that make route_guard run. */
#define R_GUARDS (R_LOGIN | R_ADMIN | R_CSRF | R_MULTIPART)

struct route {
	unsigned methods;       /* M_GET (HEAD implied), M_POST, or both */
	const char *pattern;    /* e.g. "/nyheter/<star>": the star matches a non-empty
	                           part of one segment, optionally followed by a
	                           literal suffix (".ics", "/feed") */
	handler_fn handler;
	const struct field *fields; /* declared query values, ended by {NULL} */
	unsigned flags;
};

/* The table (routes.c), ended by an entry with a NULL pattern. */
extern const struct route routes[];

/* Matches path against pattern; stores the '*' segment in *arg (arena).
 * Returns 1 on a match, 0 otherwise. */
int route_match(struct arena *a, const char *pattern, const char *path,
    const char **arg);
/* Answers the request: finds the route, refuses a wrong method (405 with
 * Allow), validates declared values (400), applies flags, runs the handler. */
void route_dispatch(struct req *r);

/* R_ONCE around the handler: form_once_begin opens a write transaction and
 * claims the form's key in it (0: go on, the handler's own transaction nests
 * inside; -1: answered, e.g. a redirect to where the first submit went).
 * form_once_commit, called by resp_redirect before the 303 leaves, records
 * the target and commits (0), or rolls all back (-1: answer an error instead);
 * form_once_end rolls back when the handler made nothing. */
int form_once_begin(struct req *r);
int form_once_commit(struct req *r, const char *location);
void form_once_end(struct req *r);

/* Called for routes with R_LOGIN / R_ADMIN / R_CSRF; returns 0 to go on, or
 * -1 after it has answered (redirect to login, 403). Defined in auth code. */
int route_guard(struct req *r, unsigned flags);

#endif
