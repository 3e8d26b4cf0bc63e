/* wpapi.c: the WordPress REST API over httpc: discovery and paged collections. */
#include "net/wpapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wpapi_discover(struct wpapi *w, const char *home, char *err, size_t n)
{
	struct httpc_resp r;
	size_t len = strlen(home);

	while (len > 0 && home[len - 1] == '/')
		len--;
	if (len == 0 || len >= sizeof w->home ||
	    (strncmp(home, "http://", 7) != 0 && strncmp(home, "https://", 8) != 0)) {
		snprintf(err, n, "not an http(s) address: %s", home);
		return -1;
	}
	snprintf(w->home, sizeof w->home, "%.*s", (int)len, home);
	if (httpc_fetch(&w->http, home, false, &r) < 0 || r.status != 200) {
		snprintf(err, n, "%s: %s", home, r.error[0] ? r.error : "");
		if (r.status)
			snprintf(err, n, "%s: HTTP status %ld%s%s", home, r.status,
			    r.location ? ", moved to " : "", r.location ? r.location : "");
		httpc_free(&r);
		return -1;
	}
	if (r.api_link != NULL && strlen(r.api_link) < sizeof w->root - 2 &&
	    httpc_same_site(w->home, r.api_link))
		snprintf(w->root, sizeof w->root, "%s", r.api_link);
	else
		snprintf(w->root, sizeof w->root, "%s/wp-json/", w->home);
	httpc_free(&r);
	len = strlen(w->root);
	if (w->root[len - 1] != '/' && strchr(w->root, '?') == NULL)
		strcat(w->root, "/");
	return 0;
}

char *wpapi_url(const struct wpapi *w, const char *route, const char *params)
{
	bool query = strchr(w->root, '?') != NULL;
	size_t n = strlen(w->root) + strlen(route) + strlen(params) + 4;
	char *u = malloc(n);

	if (u != NULL)
		snprintf(u, n, "%s%s%s%s", w->root, route, params[0] ? (query ? "&" : "?") : "",
		    params);
	return u;
}

json_t *wpapi_page(const struct wpapi *w, const char *route, const char *params,
    long page, long *pages, long *total, char *err, size_t n)
{
	char p[512];
	char *url;
	struct httpc_resp r;
	json_error_t je;
	json_t *j = NULL;

	snprintf(p, sizeof p, "per_page=%d&page=%ld%s%s", WPAPI_PER_PAGE, page,
	    params[0] ? "&" : "", params);
	if ((url = wpapi_url(w, route, p)) == NULL) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	if (httpc_fetch(&w->http, url, false, &r) < 0)
		snprintf(err, n, "%s: %s", url, r.error);
	else if (r.status != 200)
		snprintf(err, n, "%s: HTTP status %ld", url, r.status);
	else if ((j = json_loadb(r.body ? r.body : "", r.len, 0, &je)) == NULL)
		snprintf(err, n, "%s: invalid JSON (line %d: %s)", url, je.line, je.text);
	else if (!json_is_array(j)) {
		snprintf(err, n, "%s: the answer is not a list", url);
		json_decref(j);
		j = NULL;
	}
	if (j != NULL) {
		*pages = r.total_pages > 0 ? r.total_pages : 1;
		*total = r.total;
	}
	httpc_free(&r);
	free(url);
	return j;
}
