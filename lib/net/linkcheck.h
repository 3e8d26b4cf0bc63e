/* linkcheck.h: checking many external links at once with libcurl's multi interface, politely per host. */
#ifndef HC_NET_LINKCHECK_H
#define HC_NET_LINKCHECK_H

#include <stdbool.h>
#include <stddef.h>

struct linkcheck_opts {
	int parallel;            /* requests in flight at most [4] */
	long host_gap_ms;        /* least time between two requests to one host [1000] */
	long timeout_ms;         /* one request, HEAD or GET [10000] */
	long deadline_ms;        /* the whole run; links not reached stay unchecked [600000] */
};

struct link_result {
	const char *url;         /* given */
	bool checked;            /* false: the deadline came first */
	long status;             /* HTTP status after redirects, 0 when no answer */
	const char *error;       /* "", "dns", "timeout", "connect", "tls", "other" (static) */
	bool broken;             /* 404, 410, DNS failure or timeout */
};

/* Checks every link: HEAD, and GET when HEAD is refused or fails (405, 501,
 * 403, 400, or an error other than DNS); redirects followed (at most 5); one
 * request at a time per host with host_gap_ms between them. Fills each
 * result. Returns 0, or -1 when libcurl could not start. */
int linkcheck_run(const struct linkcheck_opts *o, struct link_result *links, size_t n);

#endif
