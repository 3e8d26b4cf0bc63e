/* cli_wordpress.c: hcadmin import-wordpress: reads a WordPress site's REST API phase by phase and prints a summary. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/wp_import.h"
#include "http/route.h"
#include "store/wordpress.h"

#define PASSWORD_MAX 256

static const char usage_text[] =
	"usage: hcadmin import-wordpress URL [--dry-run] [--since YYYY-MM-DD]\n"
	"           [--user NAME --password-file FILE]\n"
	"           [--timeout SECONDS] [--connect-timeout SECONDS] [--retries N] [--retry-wait MS]\n";

struct args {
	const char *url, *since, *user, *password_file;
	bool dry;
	double timeout, connect_timeout;
	long retries, retry_wait;
};

/* True for YYYY-MM-DD (digits and dashes only: it goes into a URL). */
static bool is_date(const char *v)
{
	size_t i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? v[i] != '-' : !isdigit((unsigned char)v[i]))
			return false;
	return v[10] == '\0';
}

static int parse_args(int argc, char **argv, struct args *g)
{
	int i;

	memset(g, 0, sizeof *g);
	g->retries = -2;
	for (i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		char *end;

		if (strcmp(o, "--dry-run") == 0) {
			g->dry = true;
			continue;
		}
		if (o[0] != '-' && g->url == NULL) {
			g->url = o;
			continue;
		}
		if (v == NULL)
			return -1;
		i++;
		if (strcmp(o, "--since") == 0 && is_date(v))
			g->since = v;
		else if (strcmp(o, "--user") == 0 && v[0] && !strchr(v, ':'))
			g->user = v;
		else if (strcmp(o, "--password-file") == 0)
			g->password_file = v;
		else if (strcmp(o, "--timeout") == 0 && (g->timeout = strtod(v, &end)) > 0 && !*end)
			continue;
		else if (strcmp(o, "--connect-timeout") == 0 &&
		    (g->connect_timeout = strtod(v, &end)) > 0 && !*end)
			continue;
		else if (strcmp(o, "--retries") == 0 && (g->retries = strtol(v, &end, 10)) >= 0 &&
		    g->retries <= 10 && !*end)
			continue;
		else if (strcmp(o, "--retry-wait") == 0 && (g->retry_wait = strtol(v, &end, 10)) > 0 &&
		    g->retry_wait <= 600000 && !*end)
			continue;
		else
			return -1;
	}
	if (g->url == NULL || (g->user == NULL) != (g->password_file == NULL))
		return -1;
	return 0;
}

/* "NAME:PASSWORD" from the file's first line (an application password). */
static char *read_userpwd(const char *user, const char *file)
{
	char line[PASSWORD_MAX + 2];
	FILE *f = fopen(file, "r");
	size_t n;
	char *out;

	if (f == NULL) {
		perror(file);
		return NULL;
	}
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (n == 0 || n > PASSWORD_MAX) {
		fprintf(stderr, "%s: no password on the first line\n", file);
		return NULL;
	}
	if ((out = malloc(strlen(user) + n + 2)) != NULL)
		sprintf(out, "%s:%s", user, line);
	return out;
}

/* The progress of a phase: a bar on a terminal, a line now and then otherwise. */
static void progress(const char *phase, long done, long total)
{
	static int tty = -1;
	int width = 30, fill;

	if (tty == -1)
		tty = isatty(STDERR_FILENO);
	if (total <= 0)
		total = done;
	if (!tty) {
		if (done == total || done % 100 == 0)
			printf("%s: %ld of %ld\n", phase, done, total);
		return;
	}
	fill = total ? (int)(done * width / total) : width;
	fprintf(stderr, "\r%-10s [%.*s%*s] %ld/%ld", phase, fill,
	    "##############################", width - fill, "", done, total);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Reads every page of route into map (id -> item), or also by source_url. */
static int read_all(struct wp_run *w, const char *phase, const char *route, json_t *map,
    json_t *by_url)
{
	long page = 1, pages = 1, total = -1, done = 0;
	char err[1400];

	for (page = 1; page <= pages && page <= WPAPI_MAX_PAGES; page++) {
		json_t *arr = wpapi_page(&w->api, route, "", page, &pages, &total, err, sizeof err);
		size_t i;
		json_t *v;

		if (arr == NULL) {
			abuf_printf(&w->errors, "  %s: %s\n", phase, err);
			return -1;
		}
		json_array_foreach(arr, i, v) {
			char key[32];

			snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(v, "id")));
			json_object_set(map, key, v);
			if (by_url && json_string_value(json_object_get(v, "source_url")))
				json_object_set(by_url, json_string_value(json_object_get(v, "source_url")), v);
			done++;
		}
		json_decref(arr);
		progress(phase, done, total);
	}
	return 0;
}

/* Reads the posts page by page, importing each. Returns 1 when every page
 * was read, 0 when one was not, -1 when the database failed. */
static int read_posts(struct wp_run *w, const char *params)
{
	long page, pages = 1, total = -1, done = 0;
	char err[1400];
	int all = 1;

	for (page = 1; page <= pages && page <= WPAPI_MAX_PAGES; page++) {
		json_t *arr = wpapi_page(&w->api, "wp/v2/posts", params, page, &pages, &total,
		    err, sizeof err);
		size_t i;
		json_t *v;

		if (arr == NULL) {
			abuf_printf(&w->errors, "  posts, page %ld: %s\n", page, err);
			all = 0;
			if (page == 1)
				return 0;
			continue;
		}
		json_array_foreach(arr, i, v) {
			if (wp_import_post(w, v) < 0) {
				json_decref(arr);
				return -1;
			}
			progress("posts", ++done, total);
		}
		json_decref(arr);
	}
	return all;
}

static void gone(void *ctx, long long wp_id, const char *title, const char *slug)
{
	struct wp_run *w = ctx;

	abuf_printf(&w->gone_notes, "  post %lld \"%s\" (%s%s): deleted in WordPress, kept here\n",
	    wp_id, title, slug[0] ? "/nyheter/" : "deleted here too", slug);
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static void section(const char *title, const struct abuf *b)
{
	if (b->len)
		printf("%s:\n%s", title, b->p);
}

static void summary(const struct wp_run *w)
{
	printf("%s%ld created, %ld updated, %ld unchanged, %ld skipped\n",
	    w->dry ? "dry run, nothing written: " : "", w->created, w->updated, w->unchanged,
	    w->skipped);
	if (w->dry)
		printf("files to fetch: %ld, already in the library: %ld\n", w->would_fetch, w->reused);
	else
		printf("files fetched: %ld (%lld bytes), already in the library: %ld, failed: %ld\n",
		    w->fetched, w->bytes, w->reused, w->failed);
	section("skipped", &w->skipped_notes);
	section("edited here since the last import (left alone)", &w->edited_notes);
	section("files not fetched (the next run tries again)", &w->failed_notes);
	section("images without alt text (write one in the media library)", &w->alt_notes);
	section("deleted in WordPress", &w->gone_notes);
	section("errors", &w->errors);
	if (w->created + w->updated == 0 && w->failed == 0 && w->errors.len == 0)
		printf("nothing changed\n");
}

/* Where /feed goes: nowhere when the route table answers /feed itself (the
 * news feed), else the news list. */
static const char *feed_target(void)
{
	const struct route *rt;

	for (rt = routes; rt->pattern != NULL; rt++)
		if (strcmp(rt->pattern, "/feed") == 0)
			return "/feed";
	return "/nyheter";
}

static int run(struct wp_run *w, const struct args *g)
{
	char err[1400], params[256];
	int all;

	if (wpapi_discover(&w->api, g->url, err, sizeof err) < 0) {
		fprintf(stderr, "import-wordpress: cannot read the site: %s\n", err);
		return 1;
	}
	printf("site %s, API %s%s\n", w->api.home, w->api.root,
	    w->auth ? " (logged in: drafts and scheduled posts too)" : "");
	read_all(w, "categories", "wp/v2/categories", w->cats, NULL);
	read_all(w, "tags", "wp/v2/tags", w->tags, NULL);
	read_all(w, "users", "wp/v2/users", w->users, NULL);
	read_all(w, "media", "wp/v2/media", w->media_by_id, w->media_by_url);
	snprintf(params, sizeof params, "orderby=id&order=asc%s%s%s",
	    w->auth ? "&status=publish,future,draft,pending,private" : "",
	    g->since ? "&modified_after=" : "", g->since ? g->since : "");
	if (g->since)
		strcat(params, "T00:00:00");
	if ((all = read_posts(w, params)) < 0) {
		fprintf(stderr, "import-wordpress: database error; the posts imported so far are kept\n");
		return 1;
	}
	if (!w->dry && wp_import_site_redirects(w) < 0)
		return 1;
	if (all == 1 && g->since == NULL) {
		qsort(w->seen, w->nseen, sizeof *w->seen, cmp_ll);
		db_wp_posts_missing(w->db, &w->notes_a, w->api.home, w->seen, w->nseen, gone, w);
	}
	summary(w);
	return w->errors.len ? 1 : 0;
}

int cmd_import_wordpress(const struct config *cfg, int argc, char **argv)
{
	struct wp_run w = { 0 };
	struct args g;
	char *userpwd = NULL;
	int rc = 1;

	if (parse_args(argc, argv, &g) < 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (g.user && (userpwd = read_userpwd(g.user, g.password_file)) == NULL)
		return 1;
	w.cfg = cfg;
	w.dry = g.dry;
	w.auth = userpwd != NULL;
	w.max_file = cfg->max_upload_bytes;
	w.api.http.userpwd = userpwd;
	w.api.http.total_ms = g.timeout > 0 ? (long)(g.timeout * 1000) : 0;
	w.api.http.connect_ms = g.connect_timeout > 0 ? (long)(g.connect_timeout * 1000) : 0;
	w.api.http.retries = g.retries == 0 ? -1 : g.retries > 0 ? (int)g.retries : 0;
	w.api.http.backoff_ms = g.retry_wait;
	w.api.http.max_redirects = 5;
	w.feed_target = feed_target();
	w.cats = json_object();
	w.tags = json_object();
	w.users = json_object();
	w.media_by_id = json_object();
	w.media_by_url = json_object();
	w.dry_seen = json_object();
	w.skipped_notes.a = w.failed_notes.a = w.alt_notes.a = w.edited_notes.a = &w.notes_a;
	w.gone_notes.a = w.errors.a = &w.notes_a;
	/* One transaction a post: in WAL mode NORMAL keeps every commit safe from a
	 * killed process (a power cut may lose the last few, which the next run
	 * brings again) without an fsync for each of thousands of posts. */
	if ((w.db = db_open(cfg->database)) == NULL)
		fprintf(stderr, "import-wordpress: cannot open %s\n", cfg->database);
	else if (db_exec(w.db, "PRAGMA synchronous=NORMAL") == 0)
		rc = run(&w, &g);
	if (w.db)
		db_close(w.db);
	json_decref(w.cats);
	json_decref(w.tags);
	json_decref(w.users);
	json_decref(w.media_by_id);
	json_decref(w.media_by_url);
	json_decref(w.dry_seen);
	arena_free(&w.notes_a);
	free(w.seen);
	free(userpwd);
	return rc;
}
