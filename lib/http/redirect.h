/* redirect.h: old addresses (the WordPress site's) answered with 301 from the redirects table. */
#ifndef HC_HTTP_REDIRECT_H
#define HC_HTTP_REDIRECT_H

#include <stdbool.h>

#include "http/req.h"

/* True for a request to "/" whose query is one of WordPress's own
 * (?p=, ?page_id=, ?cat=, ?author=, ?m=, ?feed=): only those are looked up
 * before the home page answers. Pure. */
bool redirect_wordpress_query(const char *path, const char *query);
/* Looks r's path up in the redirects table (with its query, then without; a
 * trailing slash and a "/page/N" ending are ignored, the page going on as
 * ?sida=N) and answers 301 when found. Returns true when it answered. */
bool redirect_old_url(struct req *r);

#endif
