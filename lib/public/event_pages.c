/* event_pages.c: coming and past events, one event, and their calendar files. */
#include "public/public.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/abuf.h"
#include "util/gz.h"
#include "util/config.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "site/ical.h"
#include "store/media.h"
#include "http/pager.h"
#include "http/response.h"
#include "util/slug.h"
#include "util/timefmt.h"

#define PER_PAGE 20
#define HOME_EVENTS 3
#define FEED_BACK_DAYS 365     /* the feed keeps the events of the last twelve months */
#define FEED_MAX 5000
#define FEED_MAX_AGE 60        /* seconds a rendered feed is reused */
#define ICS_TYPE "text/calendar; charset=utf-8"

static bool cancelled(const struct event *e)
{
	return strcmp(e->status, "cancelled") == 0;
}

/* Sets what every mention of an event shows: link, title, time, place, kind. */
static void set_summary(struct req *r, tdict *d, const struct event *e)
{
	char buf[160];
	const char *kind = event_kind_label(e->kind);

	tdict_set(d, "HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
	tdict_set(d, "TITLE", e->title);
	event_when_sv(e->all_day, e->start, e->end, buf, sizeof buf);
	tdict_set(d, "DATE_SV", buf);
	time_format_iso_local(e->start, buf, sizeof buf);
	tdict_set(d, "DATE_ISO", buf);
	tdict_set(d, "PLACE", event_place(r->a, e));
	tdict_set(d, "KIND", kind ? kind : "");
	if (cancelled(e))
		tdict_show(d, "CANCELLED");
}

/* Adds the events of l to d as MONTH sections ("oktober 2025") of EVENT items. */
static void add_by_month(struct req *r, tdict *d, const struct event_list *l)
{
	char month[32], prev[32] = "";
	tdict *m = NULL;
	size_t i;

	for (i = 0; i < l->count; i++) {
		event_month_sv(l->items[i].start, month, sizeof month);
		if (m == NULL || strcmp(month, prev) != 0) {
			m = tdict_section(d, "MONTH");
			tdict_set(m, "LABEL", month);
			memcpy(prev, month, sizeof prev);
		}
		set_summary(r, tdict_section(m, "EVENT"), &l->items[i]);
	}
}

void home_events(struct req *r, tdict *d)
{
	struct event_list l;
	tdict *box;
	size_t i;

	if (db_events_next(r->db, r->a, time(NULL), HOME_EVENTS, &l) < 0 || l.count == 0) {
		tdict_show(d, "NO_EVENTS");
		return;
	}
	box = tdict_section(d, "EVENTS");
	for (i = 0; i < l.count; i++)
		set_summary(r, tdict_section(box, "EVENT"), &l.items[i]);
}

/* The two lists of events: what differs between coming and past. */
static const struct event_listing {
	int (*query)(struct db *, struct arena *, time_t, long long, int, struct event_list *);
	const char *heading, *section, *base, *empty, *prev_label, *next_label;
} coming = {
	db_events_upcoming, "Kommande evenemang", "UPCOMING", "/evenemang",
	"Inga kommande evenemang just nu.", "Närmare i tiden", "Längre fram",
}, past = {
	db_events_past, "Tidigare evenemang", "PAST", "/evenemang/tidigare",
	"Inga tidigare evenemang.", "Senare evenemang", "Äldre evenemang",
};

/* Renders page "?sida" of a list of events, grouped by month. */
static void event_list(struct req *r, const struct event_listing *k)
{
	long long page = r->in[IN_SIDA].set ? r->in[IN_SIDA].i : 1, pages;
	struct event_list l;
	tdict *d, *feed;

	if (k->query(r->db, r->a, time(NULL), page, PER_PAGE, &l) < 0) {
		resp_error(r, 500, "%s: database", k->base);
		return;
	}
	if ((pages = pager_pages(r, page, l.total, PER_PAGE)) < 0)
		return;
	d = page_begin(r, "event_list.tpl", k->heading, "/evenemang");
	feed = tdict_section(r->layout, "FEED");
	tdict_set(feed, "HREF", "/evenemang.rss");
	tdict_set(feed, "TITLE", arena_printf(r->a, "%s – evenemang", r->cfg->site_name));
	tdict_set(d, "HEADING", k->heading);
	tdict_show(d, k->section);
	tdict_set(d, "MONTH_HREF", events_month_href(r, time(NULL)));
	add_by_month(r, d, &l);
	if (l.count == 0)
		tdict_set(tdict_section(d, "EMPTY"), "TEXT", k->empty);
	tdict_set(d, "PREV_LABEL", k->prev_label);
	tdict_set(d, "NEXT_LABEL", k->next_label);
	pager_add(r, d, page, pages, k->base);
	page_end(r, 200);
}

void page_events(struct req *r)
{
	event_list(r, &coming);
}

void page_events_past(struct req *r)
{
	event_list(r, &past);
}

/* Finds the public event named by r->arg; answers 404 or 500 and returns
 * false when there is none. */
static bool find_event(struct req *r, struct event *e)
{
	int rc = slug_valid(r->arg) ? db_event_public_by_slug(r->db, r->a, r->arg, e) : 0;

	if (rc < 0)
		resp_error(r, 500, "event: database");
	else if (rc == 0)
		resp_error(r, 404, "no event %s", r->arg);
	return rc == 1;
}

/* Registration is open until the end of its last day, or of the event. */
static void set_registration(tdict *d, const struct event *e, time_t now)
{
	char today[11];
	tdict *reg;

	if (!e->registration_url[0] || cancelled(e))
		return;
	event_date_local(now, today);
	if (e->registration_until[0] ? strcmp(today, e->registration_until) > 0 : e->end <= now)
		return;
	reg = tdict_section(d, "REGISTRATION");
	tdict_set(reg, "HREF", e->registration_url);
	if (e->registration_until[0]) {
		time_t t;
		char buf[64];

		if (time_parse_local(e->registration_until, &t) == 0) {
			time_format_date_sv(t, buf, sizeof buf);
			tdict_set(tdict_section(reg, "UNTIL"), "DATE_SV", buf);
		}
	}
}

void page_event(struct req *r)
{
	struct media programme;
	struct event e;
	time_t now = time(NULL);
	tdict *d;

	if (!find_event(r, &e))
		return;
	d = page_begin(r, "event.tpl", e.title, "/evenemang");
	set_summary(r, d, &e);
	if (e.online) {
		tdict *on = tdict_section(d, "ONLINE");
		if (e.join_url[0] && !cancelled(&e))
			tdict_set(tdict_section(on, "JOIN"), "HREF", e.join_url);
	}
	if (e.end <= now)
		tdict_show(d, "PAST");
	set_registration(d, &e, now);
	if (db_media_programme(r->db, r->a, e.id, &programme) == 1)
		tdict_set(tdict_section(d, "PROGRAMME"), "HREF",
		    arena_printf(r->a, "/uploads/%s", programme.file_name));
	else if (e.programme_url[0])
		tdict_set(tdict_section(d, "PROGRAMME"), "HREF", e.programme_url);
	tdict_set(d, "SAFE_DESCRIPTION_HTML", e.description_html);
	tdict_set(d, "ICS_HREF", arena_printf(r->a, "/evenemang/%s.ics", e.slug));
	page_meta_event(r, &e);
	page_end(r, 200);
}

/* Sends the calendar of n events as a file named filename. */
static void send_ics(struct req *r, const char *name, const char *filename,
    const struct event *ev, size_t n)
{
	struct abuf b = { .a = r->a };

	ical_calendar(&b, r->cfg->site_url, name, ev, n);
	resp_header(r, "Content-Disposition",
	    arena_printf(r->a, "inline; filename=\"%s.ics\"", filename));
	resp_send(r, 200, ICS_TYPE, b.p, b.len);
}

void page_event_ics(struct req *r)
{
	struct event e;

	if (find_event(r, &e))
		send_ics(r, arena_printf(r->a, "%s – %s", r->cfg->site_name, e.title),
		    e.slug, &e, 1);
}

/* Renders the feed into the connection's cache. Returns 0 or -1 (answered). */
static int render_feed(struct req *r, time_t now)
{
	struct abuf b = { .a = r->a };
	struct event_list l;
	char *body;

	if (db_events_since(r->db, r->a, now - (time_t)FEED_BACK_DAYS * 86400,
	    FEED_MAX, &l) < 0) {
		resp_error(r, 500, "calendar: database");
		return -1;
	}
	ical_calendar(&b, r->cfg->site_url,
	    arena_printf(r->a, "%s – evenemang", r->cfg->site_name), l.items, l.count);
	if ((body = realloc(r->db->events_feed.body, b.len + 1)) == NULL) {
		free(r->db->events_feed.body);
		r->db->events_feed.body = NULL;
		resp_error(r, 500, "calendar: out of memory");
		return -1;
	}
	memcpy(body, b.p ? b.p : "", b.len);
	body[b.len] = '\0';
	r->db->events_feed.body = body;
	r->db->events_feed.len = b.len;
	resp_etag(body, b.len, r->db->events_feed.etag);
	/* compressed once here, sent as it is to every client that takes gzip */
	free(r->db->events_feed.gz);
	if (gz_compress(body, b.len, &r->db->events_feed.gz, &r->db->events_feed.gzlen) < 0)
		r->db->events_feed.gz = NULL;
	snprintf(r->db->events_feed.gz_etag, sizeof r->db->events_feed.gz_etag, "%.17s-gz\"",
	    r->db->events_feed.etag);
	return 0;
}

/* The feed of the public events of the last twelve months and ahead. It is
 * rendered once per worker and reused while this connection sees the same
 * data, for at most FEED_MAX_AGE seconds (the twelve months move). */
void page_events_ics(struct req *r)
{
	time_t now = time(NULL);
	long long version, changes;
	struct feed_cache *c = &r->db->events_feed;
	bool gz;

	if (db_data_stamp(r->db, &version, &changes) < 0) {
		resp_error(r, 500, "calendar: database");
		return;
	}
	if (c->body == NULL || c->version != version || c->changes != changes ||
	    now < c->made || now - c->made >= FEED_MAX_AGE) {
		if (render_feed(r, now) < 0)
			return;
		c->version = version;
		c->changes = changes;
		c->made = now;
	}
	resp_header(r, "Content-Disposition", "inline; filename=\"evenemang.ics\"");
	resp_header(r, "Vary", "Accept-Encoding");
	gz = c->gz != NULL && gz_accepted(r->accept_encoding);
	if (gz)
		resp_header(r, "Content-Encoding", "gzip");
	if (resp_not_modified(r, gz ? c->gz_etag : c->etag, 0))
		resp_send(r, 304, ICS_TYPE, NULL, 0);
	else if (gz)
		resp_send(r, 200, ICS_TYPE, c->gz, c->gzlen);
	else
		resp_send(r, 200, ICS_TYPE, c->body, c->len);
}
