/* response.h: building and sending responses; the one error page. */
#ifndef HC_HTTP_RESPONSE_H
#define HC_HTTP_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "http/req.h"
#include "util/tmpl.h"

/* Adds a header line "Name: value". The value must not hold CR or LF; such a
 * header is dropped and logged. */
void resp_header(struct req *r, const char *name, const char *value);
/* Starts an HTML page: the layout with PAGE_TITLE title and the navigation item
 * nav (a path such as "/nyheter", or NULL) marked current; tpl is the page's
 * template. Returns the page template's dictionary (owned by r). */
tdict *page_begin(struct req *r, const char *tpl, const char *title, const char *nav);
/* Renders the page begun with page_begin and sends it with status. */
void page_end(struct req *r, int status);
/* Answers with the Swedish error page for status (400, 403, 404, 405, 413, 414,
 * 500, 503 ...). The formatted detail goes to the log only. */
void resp_error(struct req *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* 303 See Other to a local path (must start with '/'). */
void resp_redirect(struct req *r, const char *location);
/* Sends body with status and content type; HEAD sends headers only. */
void resp_send(struct req *r, int status, const char *ctype, const char *body,
    size_t len);
/* Adds ETag (and Last-Modified when last_modified > 0) and tells whether the
 * client's copy is current: If-None-Match names etag, or, without
 * If-None-Match, If-Modified-Since is not before last_modified. The caller
 * then answers 304 with no body. */
bool resp_not_modified(struct req *r, const char *etag, time_t last_modified);
#define RESP_ETAG_LEN 24   /* "\"<16 hex>\"" and its NUL */
/* A strong ETag for the bytes of body (FNV-1a). */
void resp_etag(const char *body, size_t len, char etag[RESP_ETAG_LEN]);
/* Writes "X-Accel-Expires: @<now>": an nginx cache in front (the optional
 * micro-cache) keeps the answer to the end of this second only, so no copy
 * is more than a second older than the data. nginx hides the header from
 * clients. Sent with every answer that is not no-store. */
void resp_write_expiry(struct req *r);
/* The reason phrase for a status code. */
const char *http_reason(int status);

#endif
