/* request.h: filling a request context from the web server's parameters. */
#ifndef HC_HTTP_REQUEST_H
#define HC_HTTP_REQUEST_H

#include "http/req.h"

/* Returns the value of a CGI-style parameter (REQUEST_METHOD, REQUEST_URI,
 * HTTP_COOKIE ...) or NULL. */
typedef const char *(*param_fn)(void *ctx, const char *name);

/* Parses method, target, query, cookies and headers into r (whose arena, cfg,
 * io and read/write are already set). Returns 0, or the HTTP status to answer
 * with (400, 413, 414) when the request is malformed; r->path may then be NULL. */
int request_parse(struct req *r, param_fn param, void *ctx);
/* Reads an application/x-www-form-urlencoded body of at most
 * cfg->max_form_bytes into r->form (nothing to do when r->form is set).
 * Returns 0, or 400 / 413 / 415. */
int request_read_form(struct req *r);
/* Reads a multipart/form-data body of at most cfg->max_upload_bytes and
 * parses it (multipart.h) into r->upload; its non-file parts become r->form
 * (never NULL afterwards). Returns 0, or 400 / 413 / 415 with
 * r->error_message set to the Swedish reason. */
int request_read_multipart(struct req *r);

#endif
