/* search_pages.c: /sok, the search over news, events and text pages. */
#include "public/public.h"

#include <string.h>

#include "util/timefmt.h"
#include "store/search.h"
#include "http/http.h"
#include "http/pager.h"
#include "http/response.h"

#define PER_PAGE 10
#define IN_Q 0
#define IN_PAGE 1

const struct field search_fields[] = {
	{ "q", F_WORDS, 0, 4000 },
	{ "sida", F_INT, 1, 1000 },
	{ NULL, F_INT, 0, 0 },
};

/* Adds the text s as repetitions of section, each a run of plain text (TEXT)
 * or of matched words (TEXT and MARK shown), split at the \x02 \x03 markers:
 * the template escapes every run and marks the hits. With markdown, the
 * '*' of emphasis are left out (a snippet of Markdown source). */
static void add_marked(struct req *r, tdict *d, const char *section, const char *s,
    bool markdown)
{
	bool hit = false;

	while (*s != '\0') {
		size_t n = strcspn(s, "\x02\x03");

		if (n > 0) {
			tdict *run = tdict_section(d, section);
			char *t = arena_strndup(r->a, s, n), *o = t, *i;

			for (i = t; *i != '\0'; i++)   /* a body's emphasis marks */
				if (!markdown || *i != '*')
					*o++ = *i;
			*o = '\0';
			tdict_set(run, "TEXT", t);
			if (hit)
				tdict_show(run, "MARK");
		}
		s += n;
		if (*s != '\0')
			hit = *s++ == '\x02';
	}
}

static void add_hit(struct req *r, tdict *d, const struct search_hit *h)
{
	static const char *const kinds[] = { "", "Nyhet", "Evenemang", "Sida" };
	tdict *item = tdict_section(d, "RESULT");
	time_t t;
	char buf[TIME_SV_DATE_LEN];

	tdict_set(item, "HREF", h->kind == SEARCH_POST ? arena_printf(r->a, "/nyheter/%s", h->slug)
	    : h->kind == SEARCH_EVENT ? arena_printf(r->a, "/evenemang/%s", h->slug)
	    : arena_printf(r->a, "/%s", h->slug));
	tdict_set(item, "KIND", kinds[h->kind]);
	add_marked(r, item, "TITLE", h->title, false);
	add_marked(r, item, "SNIPPET", h->snippet, h->kind != SEARCH_EVENT);
	if (h->when[0] && time_parse_utc(h->when, &t) == 0) {
		time_format_date_sv(t, buf, sizeof buf);
		tdict_set(tdict_section(item, "DATE"), "DATE_SV", buf);
	}
}

void page_search(struct req *r)
{
	const char *q = r->in[IN_Q].set ? r->in[IN_Q].s : "";
	long long page = r->in[IN_PAGE].set ? r->in[IN_PAGE].i : 1, pages;
	char fts[SEARCH_QUERY_MAX];
	struct search_page sp = { 0 };
	size_t i;
	tdict *d;

	if (search_build_query(q, fts, sizeof fts) > 0 &&
	    db_search(r->db, r->a, fts, page, PER_PAGE, &sp) < 0) {
		resp_error(r, 500, "search: database");
		return;
	}
	if ((pages = pager_pages(r, page, sp.total, PER_PAGE)) < 0)
		return;
	d = page_begin(r, "search.tpl", q[0] ? arena_printf(r->a, "Sök: %s", q) : "Sök", NULL);
	tdict_set(r->layout, "Q", q);
	tdict_set(d, "Q", q);
	if (q[0] == '\0')
		tdict_show(d, "ASK");
	else if (sp.count == 0)
		tdict_show(d, "NONE");
	else
		tdict_set(tdict_section(d, "FOUND"), "TOTAL", sp.total == 1 ? "1 träff"
		    /* only the newest matches of each kind are ranked: there may be more */
		    : sp.total >= SEARCH_CANDIDATES ? arena_printf(r->a, "Minst %lld träffar", sp.total)
		    : arena_printf(r->a, "%lld träffar", sp.total));
	for (i = 0; i < sp.count; i++)
		add_hit(r, d, &sp.items[i]);
	pager_add(r, d, page, pages, arena_printf(r->a, "/sok?q=%s", http_url_encode(r->a, q)));
	page_end(r, 200);
}
