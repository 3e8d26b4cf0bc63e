/* http.h: parsing of the parts of an HTTP request, each with its limits. Pure functions. */
#ifndef HC_HTTP_HTTP_H
#define HC_HTTP_HTTP_H

#include <stddef.h>

#include "util/arena.h"

#define HTTP_MAX_URI      8192   /* longer request targets get 414 (nginx: 8k) */
#define HTTP_MAX_PAIRS    64     /* query, form or cookie pairs */
#define HTTP_MAX_COOKIE   4096   /* bytes of the Cookie header */

enum method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

/* One decoded name=value pair of a query, form or cookie header. */
struct kv {
	const char *key;
	const char *val;
	size_t vlen;
};

enum http_err { HTTP_OK = 0, HTTP_BAD = -1, HTTP_TOO_LONG = -2 };

/* Maps a method name to its enum; unknown names give M_OTHER. */
enum method http_method(const char *name);
/* Percent-decodes s[0..n) into arena memory. plus_space turns '+' into ' '.
 * Fails on a bad escape, a NUL byte or invalid UTF-8. Returns 0 or -1. */
int http_decode(struct arena *a, const char *s, size_t n, int plus_space,
    char **out, size_t *outlen);
/* Splits a request target into a decoded path and the raw query (NULL when
 * absent). The path must start with '/', must not hold "." or ".." segments
 * (also when percent-encoded), backslashes, NUL or other control characters.
 * Returns an enum http_err. */
int http_parse_target(struct arena *a, const char *target,
    const char **path, const char **query);
/* Parses "a=1&b=2" (urlencoded, '+' as space) into pairs. A pair without '='
 * has the value "". Empty pieces are skipped. Returns 0, or -1 on bad encoding
 * or more than HTTP_MAX_PAIRS pairs. */
int http_parse_urlencoded(struct arena *a, const char *s, size_t n,
    struct kv **out, size_t *count);
/* Parses a Cookie header leniently, as browsers really send it: pairs split
 * by ";", spaces trimmed, token names, a quoted value unquoted; a pair
 * without "=", with a bad name or a control byte in its value is skipped, as
 * is everything past HTTP_MAX_PAIRS pairs or HTTP_MAX_COOKIE bytes. Never
 * fails a request: always returns 0. */
int http_parse_cookies(struct arena *a, const char *s, struct kv **out,
    size_t *count);
/* Counts how many times name occurs among pairs. */
size_t http_count(const struct kv *kv, size_t n, const char *name);
/* Percent-encodes s for a query value (unreserved characters and '/' kept),
 * into arena memory. */
char *http_encode(struct arena *a, const char *s);
/* The value of the first pair named name, or NULL. */
const char *http_lookup(const struct kv *kv, size_t n, const char *name);

/* s percent-encoded for a query value (all but A-Z a-z 0-9 - _ . ~), in a. */
char *http_url_encode(struct arena *a, const char *s);

#endif
