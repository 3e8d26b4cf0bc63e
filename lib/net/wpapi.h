/* wpapi.h: reading a WordPress site's REST API: finding its root, reading collections page by page. */
#ifndef HC_NET_WPAPI_H
#define HC_NET_WPAPI_H

#include <jansson.h>
#include <stddef.h>

#include "net/httpc.h"

#define WPAPI_PER_PAGE 100
#define WPAPI_MAX_PAGES 10000

struct wpapi {
	struct httpc_opts http;
	char home[1024];          /* the site's address as given, no trailing slash */
	char root[1200];          /* the API root as announced, ending in '/' */
};

/* Finds the API root of the site at home: the Link header with
 * rel="https://api.w.org/" on the home page, else home + "/wp-json/".
 * Returns 0, or -1 with a message in err. */
int wpapi_discover(struct wpapi *w, const char *home, char *err, size_t n);
/* The URL of route ("wp/v2/posts") with params ("per_page=100&page=2") under
 * the root, for pretty and ?rest_route= roots alike. malloc'd. */
char *wpapi_url(const struct wpapi *w, const char *route, const char *params);
/* Reads page page (1-based) of collection route with extra params (may be
 * ""). Returns the JSON array (caller json_decref's) with the page count in
 * *pages and the item count in *total (-1 when not announced), or NULL with a
 * message in err (HTTP status, network error, invalid JSON, not an array). */
json_t *wpapi_page(const struct wpapi *w, const char *route, const char *params,
    long page, long *pages, long *total, char *err, size_t n);

#endif
