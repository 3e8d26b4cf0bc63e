/* cli_links.c: hcadmin check-links: follows every external link in published content and records its state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "cli/cli.h"
#include "net/linkcheck.h"
#include "site/htmlmd.h"
#include "store/links.h"

#define LINKS_MAX 100000

struct collect {
	const char *own;           /* the site's address: its links are not external */
	json_t *set;               /* url -> true, to drop repeats */
};

static void add_link(void *ctx, const char *url)
{
	struct collect *c = ctx;
	size_t n = strlen(c->own);

	if (strlen(url) > 2000 || (n && strncasecmp(url, c->own, n) == 0 &&
	    (url[n] == '/' || url[n] == '\0')))
		return;
	if (json_object_size(c->set) < LINKS_MAX)
		json_object_set_new(c->set, url, json_true());
}

static void add_html(void *ctx, const char *html)
{
	htmlmd_links(html, strlen(html), add_link, ctx);
}

static int parse(int argc, char **argv, const char **since, struct linkcheck_opts *o)
{
	int i, y, m, d;
	char *end;

	for (i = 1; i + 1 < argc; i += 2) {
		const char *v = argv[i + 1];

		if (strcmp(argv[i], "--since") == 0 && strlen(v) == 10 &&
		    sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3)
			*since = v;
		else if (strcmp(argv[i], "--parallel") == 0 &&
		    (o->parallel = (int)strtol(v, &end, 10)) > 0 && o->parallel <= 32 && !*end)
			continue;
		else if (strcmp(argv[i], "--host-gap") == 0 &&
		    (o->host_gap_ms = strtol(v, &end, 10)) >= 0 && !*end)
			continue;
		else if (strcmp(argv[i], "--timeout") == 0 &&
		    (o->timeout_ms = (long)(strtod(v, &end) * 1000)) > 0 && !*end)
			continue;
		else if (strcmp(argv[i], "--max-time") == 0 &&
		    (o->deadline_ms = (long)(strtod(v, &end) * 1000)) > 0 && !*end)
			continue;
		else
			return -1;
	}
	return i == argc ? 0 : -1;
}

int cmd_check_links(const struct config *cfg, int argc, char **argv)
{
	struct linkcheck_opts o = { 0, -1, 0, 0 };
	struct collect c = { cfg->site_url ? cfg->site_url : "", json_object() };
	struct link_result *links = NULL;
	const char *since = NULL, *key;
	size_t n = 0, i, broken = 0, unchecked = 0;
	struct db *db;
	json_t *v;
	int rc = 1;

	if (parse(argc, argv, &since, &o) < 0) {
		fprintf(stderr, "usage: hcadmin check-links [--since YYYY-MM-DD] [--parallel N] "
		    "[--host-gap MS] [--timeout SECONDS] [--max-time SECONDS]\n");
		json_decref(c.set);
		return 2;
	}
	if ((db = db_open(cfg->database)) == NULL) {
		json_decref(c.set);
		return 1;
	}
	if (db_links_sources(db, since ? since : "", add_html, &c) < 0)
		goto out;
	links = calloc(json_object_size(c.set) + 1, sizeof *links);
	if (links == NULL)
		goto out;
	json_object_foreach(c.set, key, v)
		links[n++].url = key;
	printf("checking %zu links\n", n);
	fflush(stdout);
	if (linkcheck_run(&o, links, n) < 0)
		goto out;
	if (db_begin(db) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (!links[i].checked) {
			unchecked++;
			continue;
		}
		broken += links[i].broken;
		if (links[i].broken && links[i].error[0])
			printf("  broken: %s (%s)\n", links[i].url, links[i].error);
		else if (links[i].broken)
			printf("  broken: %s (HTTP %ld)\n", links[i].url, links[i].status);
		if (db_link_check_set(db, links[i].url, links[i].status, links[i].error,
		    links[i].broken) < 0) {
			db_rollback(db);
			goto out;
		}
	}
	if (db_commit(db) < 0)
		goto out;
	printf("%zu links checked, %zu broken, %zu not reached in time\n", n - unchecked, broken,
	    unchecked);
	rc = 0;
out:
	free(links);
	json_decref(c.set);
	db_close(db);
	return rc;
}
