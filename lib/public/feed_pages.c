/* feed_pages.c: RSS 2.0 feeds of the news, of a category's news and of the coming events. */
#include "public/public.h"

#include <stdlib.h>
#include <string.h>

#include "util/abuf.h"
#include "util/config.h"
#include "util/timefmt.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "store/posts.h"
#include "http/response.h"

#define FEED_POSTS 20
#define FEED_EVENTS 50
#define RSS_TYPE "application/rss+xml; charset=utf-8"

/* html with every root-relative href="/…" and src="/…" made absolute under
 * site: the body is cmark's output, which writes attributes only this way. */
static const char *absolute_urls(struct arena *a, const char *html, const char *site)
{
	struct abuf b = { .a = a };
	const char *p = html, *q;

	for (;;) {
		const char *h = strstr(p, " href=\"/"), *s = strstr(p, " src=\"/");

		q = h == NULL ? s : s == NULL ? h : h < s ? h : s;
		if (q == NULL)
			break;
		q = strchr(q, '"') + 1;
		abuf_add(&b, p, (size_t)(q - p));
		if (q[1] != '/')   /* "//host" stays as it is */
			abuf_str(&b, site);
		p = q;
	}
	abuf_str(&b, p);
	return b.p ? b.p : "";
}

/* Sends the expanded feed template d, or 304 when the client has it. */
static void send_feed(struct req *r, tdict *d, time_t last_modified)
{
	char etag[RESP_ETAG_LEN];
	char *xml = NULL;
	size_t len = 0;

	if (tmpl_expand("feed.xml.tpl", d, &xml, &len) < 0) {
		tdict_free(d);
		resp_error(r, 500, "feed: template");
		return;
	}
	tdict_free(d);
	resp_etag(xml, len, etag);
	if (resp_not_modified(r, etag, last_modified))
		resp_send(r, 304, RSS_TYPE, NULL, 0);
	else
		resp_send(r, 200, RSS_TYPE, xml, len);
	free(xml);
}

/* The channel's part of a feed at path (e.g. "/feed") about the page link. */
static tdict *channel(struct req *r, const char *title, const char *link,
    const char *path, const char *description)
{
	tdict *d = tdict_new();

	tdict_set(d, "TITLE", title);
	tdict_set(d, "LINK", arena_printf(r->a, "%s%s", r->cfg->site_url, link));
	tdict_set(d, "SELF", arena_printf(r->a, "%s%s", r->cfg->site_url, path));
	tdict_set(d, "DESCRIPTION", description);
	return d;
}

/* Adds the posts of pp as items; returns the latest change among them. */
static time_t add_post_items(struct req *r, tdict *d, const struct post_page *pp)
{
	char date[TIME_RFC822_LEN];
	time_t latest = 0, t, u;
	size_t i;

	for (i = 0; i < pp->count; i++) {
		const struct post *p = &pp->items[i];
		tdict *item = tdict_section(d, "ITEM");
		const char *link = arena_printf(r->a, "%s/nyheter/%s", r->cfg->site_url, p->slug);

		tdict_set(item, "TITLE", p->title);
		tdict_set(item, "LINK", link);
		tdict_set(item, "DESCRIPTION", p->excerpt);
		tdict_set(item, "CONTENT", absolute_urls(r->a, p->body_html, r->cfg->site_url));
		if (p->category_name[0])
			tdict_set(tdict_section(item, "CATEGORY"), "NAME", p->category_name);
		if (time_parse_utc(p->published_at, &t) == 0) {
			time_format_rfc822(t, date);
			tdict_set(item, "DATE", date);
			if (t > latest)
				latest = t;
		}
		if (time_parse_utc(p->updated_at, &u) == 0 && u > latest)
			latest = u;
	}
	return latest;
}

/* The feed of category c's posts, or of all posts when c is NULL. */
static void post_feed(struct req *r, const struct category *c)
{
	struct post_page pp;
	tdict *d;

	if (db_posts_feed(r->db, r->a, c ? c->id : 0, FEED_POSTS, &pp) < 0) {
		resp_error(r, 500, "feed: database");
		return;
	}
	if (c == NULL)
		d = channel(r, arena_printf(r->a, "%s – nyheter", r->cfg->site_name),
		    "/nyheter", "/feed", "Nyheter från nätverket Healthy Cities Sverige.");
	else
		d = channel(r, arena_printf(r->a, "%s – %s", r->cfg->site_name, c->name),
		    arena_printf(r->a, "/kategori/%s", c->slug),
		    arena_printf(r->a, "/kategori/%s/feed", c->slug),
		    c->description[0] ? c->description : c->name);
	send_feed(r, d, add_post_items(r, d, &pp));
}

void page_feed(struct req *r)
{
	post_feed(r, NULL);
}

void page_category_feed(struct req *r)
{
	struct category c;
	int rc = db_category_by_slug(r->db, r->a, r->arg, &c);

	if (rc < 0)
		resp_error(r, 500, "category feed: database");
	else if (rc == 0)
		resp_error(r, 404, "no category %s", r->arg);
	else
		post_feed(r, &c);
}

/* The coming events, soonest first: what a reader of the calendar follows. */
void page_events_rss(struct req *r)
{
	char when[160], date[TIME_RFC822_LEN];
	struct event_list l;
	time_t latest = 0;
	size_t i;
	tdict *d;

	if (db_events_next(r->db, r->a, time(NULL), FEED_EVENTS, &l) < 0) {
		resp_error(r, 500, "events feed: database");
		return;
	}
	d = channel(r, arena_printf(r->a, "%s – evenemang", r->cfg->site_name),
	    "/evenemang", "/evenemang.rss", "Kommande evenemang i nätverket Healthy Cities Sverige.");
	for (i = 0; i < l.count; i++) {
		const struct event *e = &l.items[i];
		tdict *item = tdict_section(d, "ITEM");
		const char *place = event_place(r->a, e);

		tdict_set(item, "TITLE", strcmp(e->status, "cancelled") == 0
		    ? arena_printf(r->a, "Inställt: %s", e->title) : e->title);
		tdict_set(item, "LINK", arena_printf(r->a, "%s/evenemang/%s", r->cfg->site_url, e->slug));
		event_when_sv(e->all_day, e->start, e->end, when, sizeof when);
		tdict_set(item, "DESCRIPTION", arena_printf(r->a, "%s%s%s. %s", when,
		    place[0] ? ", " : "", place, e->description_text));
		tdict_set(item, "CONTENT", absolute_urls(r->a, e->description_html, r->cfg->site_url));
		time_format_rfc822(e->created, date);
		tdict_set(item, "DATE", date);
		if (e->updated > latest)
			latest = e->updated;
	}
	send_feed(r, d, latest);
}
