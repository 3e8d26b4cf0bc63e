/* httpc.h: an HTTP client for hcadmin's outgoing work (libcurl): limits, retries, same-site redirects. */
#ifndef HC_NET_HTTPC_H
#define HC_NET_HTTPC_H

#include <stdbool.h>
#include <stddef.h>

#define HTTPC_USER_AGENT "hcweb-hcadmin/1.0 (+https://healthycities.se)"

/* How requests behave. Zero fields take the defaults in brackets. */
struct httpc_opts {
	long connect_ms;        /* connect timeout [10000] */
	long total_ms;          /* whole-request timeout [60000] */
	size_t max_bytes;       /* largest body accepted [32 MiB] */
	int retries;            /* tries after the first on timeouts, 429 and 5xx [3]; -1: none */
	long backoff_ms;        /* first wait; doubled each time [500] */
	long max_wait_ms;       /* cap on one wait, also on Retry-After [30000] */
	const char *userpwd;    /* "user:password" for Basic auth, or NULL */
	int max_redirects;      /* redirects followed, each within the first URL's site [5]; -1: none */
};

/* What came back. Strings are malloc'd; httpc_free releases them. */
struct httpc_resp {
	long status;            /* HTTP status of the last answer; 0 when none came */
	char *body;             /* NUL-terminated; NULL for HEAD */
	size_t len;
	char *content_type;     /* or NULL */
	char *api_link;         /* the URL of Link: <...>; rel="https://api.w.org/", or NULL */
	char *location;         /* a redirect not followed (to another site), or NULL */
	long total_pages;       /* X-WP-TotalPages, -1 when absent */
	long total;             /* X-WP-Total, -1 when absent */
	int tries;              /* requests made */
	/* Why no usable answer came: "" none, "timeout", "dns", "connect", "tls",
	 * "too large", "redirect to another site", "too many redirects", "other". */
	char error[64];
};

/* Fetches url with GET (head false) or HEAD: connect and total timeouts, the
 * User-Agent, TLS verification on, retries with exponential backoff on
 * timeouts, connection failures, 429 and 5xx (Retry-After in seconds is
 * respected up to max_wait_ms), never on other 4xx; redirects only to the same
 * scheme, host and port; a body over max_bytes is refused. Returns 0 when an
 * answer with a status came (any status: check out->status), -1 when none did
 * (out->error says why). Call httpc_free on out either way. */
int httpc_fetch(const struct httpc_opts *o, const char *url, bool head,
    struct httpc_resp *out);
void httpc_free(struct httpc_resp *r);

/* True when a and b have the same scheme, host and port. */
bool httpc_same_site(const char *a, const char *b);

/* Sleeps ms milliseconds. */
void httpc_sleep_ms(long ms);

#endif
