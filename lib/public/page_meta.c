/* page_meta.c: what a page tells search engines and link previews: description, Open Graph, JSON-LD. */
#include "public/public.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/abuf.h"
#include "util/config.h"
#include "util/timefmt.h"
#include "site/eventfmt.h"
#include "store/media.h"
#include "store/posts.h"

#define META_DESCRIPTION_MAX 300

/* json as the text of a <script type="application/ld+json"> element: '<', '>'
 * and '&' (found only inside JSON strings) written as \u escapes, so that no
 * "</script" or "<!--" can ever appear in it. In a. */
static const char *json_for_html(struct arena *a, const char *json)
{
	struct abuf b = { .a = a };
	const char *p;

	for (p = json; *p != '\0'; p++) {
		if (*p == '<')
			abuf_str(&b, "\\u003c");
		else if (*p == '>')
			abuf_str(&b, "\\u003e");
		else if (*p == '&')
			abuf_str(&b, "\\u0026");
		else
			abuf_add(&b, p, 1);
	}
	return b.p ? b.p : "";
}

/* Shows the JSONLD section of the layout with the object o (taken). */
static void set_jsonld(struct req *r, json_t *o)
{
	char *s;

	json_object_set_new(o, "@context", json_string("https://schema.org"));
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	if (s == NULL)
		return;
	tdict_set(tdict_section(r->layout, "JSONLD"), "SAFE_JSON", json_for_html(r->a, s));
	free(s);
}

/* A JSON string of s, or of "" when s is not valid UTF-8 (it always is here). */
static json_t *jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");

	return j ? j : json_string("");
}

static json_t *organisation(struct req *r)
{
	return json_pack("{s:s, s:o, s:s}", "@type", "Organization", "name",
	    jstr(r->cfg->site_name), "url", r->cfg->site_url);
}

static const char *iso(struct arena *a, time_t t)
{
	char buf[TIME_ISO_LEN];

	time_format_iso_local(t, buf, sizeof buf);
	return arena_strdup(a, buf);
}

void page_describe(struct req *r, const char *text)
{
	size_t n;

	if (text == NULL || text[0] == '\0')
		return;
	n = strlen(text);
	if (n > META_DESCRIPTION_MAX) {
		n = META_DESCRIPTION_MAX;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
		text = arena_printf(r->a, "%.*s…", (int)n, text);
	}
	tdict_set(r->layout, "META_DESCRIPTION", text);
}

void page_meta_post(struct req *r, const struct post *p)
{
	const char *url = arena_printf(r->a, "%s/nyheter/%s", r->cfg->site_url, p->slug);
	json_t *o;
	time_t pub = 0, mod = 0;

	page_describe(r, p->excerpt);
	tdict_set(r->layout, "OG_TYPE", "article");
	time_parse_utc(p->published_at, &pub);
	time_parse_utc(p->updated_at, &mod);
	o = json_pack("{s:s, s:o, s:s, s:s, s:s, s:o, s:o}",
	    "@type", "NewsArticle", "headline", jstr(p->title), "url", url,
	    "datePublished", iso(r->a, pub), "dateModified", iso(r->a, mod > pub ? mod : pub),
	    "publisher", organisation(r),
	    "mainEntityOfPage", json_pack("{s:s, s:s}", "@type", "WebPage", "@id", url));
	if (o == NULL)
		return;
	json_object_set_new(o, "author", p->author[0]
	    ? json_pack("{s:s, s:o}", "@type", "Person", "name", jstr(p->author)) : organisation(r));
	if (p->excerpt[0])
		json_object_set_new(o, "description", jstr(p->excerpt));
	if (p->category_name[0])
		json_object_set_new(o, "articleSection", jstr(p->category_name));
	if (p->featured_file && p->featured_file[0] && media_is_image(p->featured_mime)) {
		const char *img = arena_printf(r->a, "%s/uploads/%s", r->cfg->site_url, p->featured_file);

		json_object_set_new(o, "image", json_pack("[s]", img));
		tdict_set(tdict_section(r->layout, "OG_IMAGE"), "SRC", img);
	}
	set_jsonld(r, o);
}

void page_meta_event(struct req *r, const struct event *e)
{
	const char *url = arena_printf(r->a, "%s/evenemang/%s", r->cfg->site_url, e->slug);
	bool cancelled = strcmp(e->status, "cancelled") == 0;
	json_t *o, *place;

	page_describe(r, e->description_text);
	o = json_pack("{s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:o}",
	    "@type", "Event", "name", jstr(e->title), "url", url,
	    "startDate", iso(r->a, e->start), "endDate", iso(r->a, e->end),
	    "eventAttendanceMode", e->online ? "https://schema.org/OnlineEventAttendanceMode"
	        : "https://schema.org/OfflineEventAttendanceMode",
	    "eventStatus", cancelled ? "https://schema.org/EventCancelled"
	        : "https://schema.org/EventScheduled",
	    "organizer", organisation(r));
	if (o == NULL)
		return;
	if (e->online)
		place = json_pack("{s:s, s:s}", "@type", "VirtualLocation",
		    "url", e->join_url[0] ? e->join_url : url);
	else
		place = json_pack("{s:s, s:o, s:{s:s, s:o, s:s}}", "@type", "Place",
		    "name", jstr(e->venue[0] ? e->venue : e->town),
		    "address", "@type", "PostalAddress", "addressLocality", jstr(e->town),
		    "addressCountry", "SE");
	if (place != NULL)
		json_object_set_new(o, "location", place);
	if (e->description_text[0])
		json_object_set_new(o, "description", jstr(e->description_text));
	set_jsonld(r, o);
}
