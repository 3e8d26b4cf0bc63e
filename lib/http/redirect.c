/* redirect.c: answering an old address with 301 when no route matched it. */
#include "http/redirect.h"

#include <ctype.h>
#include <string.h>

#include "http/response.h"
#include "store/wordpress.h"

static const char *const wp_query_vars[] = { "p=", "page_id=", "cat=", "author=", "m=", "feed=", NULL };

bool redirect_wordpress_query(const char *path, const char *query)
{
	size_t i;

	if (strcmp(path, "/") != 0 || query == NULL)
		return false;
	for (i = 0; wp_query_vars[i]; i++)
		if (strncmp(query, wp_query_vars[i], strlen(wp_query_vars[i])) == 0)
			return true;
	return false;
}

static void moved(struct req *r, const char *target)
{
	if (target[0] != '/' || target[1] == '/') {
		resp_error(r, 500, "refused redirect to %s", target);
		return;
	}
	resp_header(r, "Location", target);
	resp_send(r, 301, "text/plain; charset=utf-8", "", 0);
}

/* Finds key in the table: 1 found, 0 not, -1 error. */
static int find(struct req *r, const char *key, const char **target)
{
	return strlen(key) > REDIRECT_MAX_PATH ? 0 : db_redirect_find(r->db, r->a, key, target);
}

bool redirect_old_url(struct req *r)
{
	size_t n = strlen(r->path), d;
	char *path = arena_strndup(r->a, r->path, n);
	const char *target, *page;
	int rc = 0;

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (r->query_raw && r->query_raw[0])
		rc = find(r, arena_printf(r->a, "%s?%s", path, r->query_raw), &target);
	if (rc == 0)
		rc = find(r, path, &target);
	if (rc == 1) {
		moved(r, target);
		return true;
	}
	/* "/category/x/page/3": the list's page 3. */
	for (d = n; d > 0 && isdigit((unsigned char)path[d - 1]); d--)
		;
	if (rc == 0 && d < n && d > 6 && strncmp(path + d - 6, "/page/", 6) == 0) {
		page = path + d;
		path[d - 6] = '\0';
		if (find(r, path, &target) == 1 && strchr(target, '?') == NULL) {
			moved(r, arena_printf(r->a, "%s?sida=%s", target, page));
			return true;
		}
	}
	return false;
}
