/* sitemap_pages.c: /sitemap.xml (one list, or an index of parts on a large site) and /robots.txt. */
#include "public/public.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/config.h"
#include "util/valid.h"
#include "store/sitemap.h"
#include "http/response.h"

/* Addresses in one file: the protocol allows 50,000; smaller files are made
 * in bounded time (about 8 microseconds an address) and fit the page cache.
 * A part of posts or events is a range of this many ids, so it never holds
 * more. */
#define SITEMAP_PART 2000
#define XML_TYPE "application/xml; charset=utf-8"

/* Adds the addresses of part (ids lo < id <= hi) to the urlset u. Returns 0 or -1. */
static int add_urls(struct req *r, tdict *u, enum sitemap_part part, long long lo, long long hi)
{
	struct sitemap_url *urls;
	long long n = db_sitemap_urls(r->db, r->a, part, lo, hi, SITEMAP_PART, &urls), i;

	for (i = 0; i < n; i++) {
		tdict *url = tdict_section(u, "URL");

		tdict_set(url, "LOC", arena_printf(r->a, "%s%s", r->cfg->site_url, urls[i].path));
		if (urls[i].lastmod[0])
			tdict_set(tdict_section(url, "LASTMOD"), "T", urls[i].lastmod);
	}
	return n < 0 ? -1 : 0;
}

static void send_xml(struct req *r, tdict *d)
{
	char *xml = NULL;
	size_t len = 0;

	if (tmpl_expand("sitemap.xml.tpl", d, &xml, &len) < 0) {
		tdict_free(d);
		resp_error(r, 500, "sitemap: template");
		return;
	}
	tdict_free(d);
	resp_send(r, 200, XML_TYPE, xml, len);
	free(xml);
}

static void add_part(struct req *r, tdict *d, const char *name)
{
	tdict_set(tdict_section(d, "SITEMAP"), "LOC",
	    arena_printf(r->a, "%s/sitemap-%s.xml", r->cfg->site_url, name));
}

void page_sitemap(struct req *r)
{
	long long posts, events, max_post, max_event, k;
	tdict *d, *u;

	if (db_sitemap_size(r->db, &posts, &events, &max_post, &max_event) < 0) {
		resp_error(r, 500, "sitemap: database");
		return;
	}
	d = tdict_new();
	if (posts + events + 100 <= SITEMAP_PART) {   /* 100: room for the pages */
		u = tdict_section(d, "URLSET");
		if (add_urls(r, u, SITEMAP_PAGES, 0, 0) < 0 ||
		    add_urls(r, u, SITEMAP_EVENTS, 0, max_event) < 0 ||
		    add_urls(r, u, SITEMAP_POSTS, 0, max_post) < 0) {
			tdict_free(d);
			resp_error(r, 500, "sitemap: database");
			return;
		}
	} else {
		u = tdict_section(d, "INDEX");
		add_part(r, u, "sidor");
		for (k = 1; (k - 1) * SITEMAP_PART < max_event; k++)
			add_part(r, u, arena_printf(r->a, "evenemang-%lld", k));
		for (k = 1; (k - 1) * SITEMAP_PART < max_post; k++)
			add_part(r, u, arena_printf(r->a, "nyheter-%lld", k));
	}
	send_xml(r, d);
}

/* /sitemap-sidor.xml, /sitemap-nyheter-K.xml, /sitemap-evenemang-K.xml */
void page_sitemap_part(struct req *r)
{
	enum sitemap_part part;
	const char *num = NULL;
	long long k = 0;
	tdict *d;

	if (strcmp(r->arg, "sidor") == 0)
		part = SITEMAP_PAGES;
	else if (strncmp(r->arg, "nyheter-", 8) == 0)
		part = SITEMAP_POSTS, num = r->arg + 8;
	else if (strncmp(r->arg, "evenemang-", 10) == 0)
		part = SITEMAP_EVENTS, num = r->arg + 10;
	else {
		resp_error(r, 404, "no sitemap part %s", r->arg);
		return;
	}
	if (num != NULL && (num[0] == '0' || !valid_int(num, 1, 1000000, &k))) {
		resp_error(r, 404, "no sitemap part %s", r->arg);
		return;
	}
	d = tdict_new();
	if (add_urls(r, tdict_section(d, "URLSET"), part, (k - 1) * SITEMAP_PART,
	    k * SITEMAP_PART) < 0) {
		tdict_free(d);
		resp_error(r, 500, "sitemap part: database");
		return;
	}
	send_xml(r, d);
}

void page_robots(struct req *r)
{
	const char *txt = arena_printf(r->a,
	    "User-agent: *\n"
	    "Disallow: /admin\n"
	    "Disallow: /sok\n"
	    "\n"
	    "Sitemap: %s/sitemap.xml\n", r->cfg->site_url);

	resp_send(r, 200, "text/plain; charset=utf-8", txt, strlen(txt));
}
