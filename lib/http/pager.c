/* pager.c: pagination of lists with "?sida=N". */
#include "http/pager.h"

#include <string.h>

#include "http/response.h"
#include "util/config.h"

long long pager_pages(struct req *r, long long page, long long total, int per)
{
	long long pages = (total + per - 1) / per;

	if (page > 1 && page > pages) {
		resp_error(r, 404, "page %lld of %lld", page, pages);
		return -1;
	}
	return pages;
}

/* The address of page n of the list at base: base itself for page 1. */
static const char *page_href(struct req *r, const char *base, long long n)
{
	if (n == 1)
		return base;
	return arena_printf(r->a, "%s%ssida=%lld", base, strchr(base, '?') ? "&" : "?", n);
}

void pager_add_labels(struct req *r, tdict *d, long long page, long long pages,
    const char *base, const char *newer, const char *older)
{
	const char *sep = strchr(base, '?') ? "&" : "?";
	tdict *pager;

	if (pages <= 1)
		return;
	if (page > 1 && r->layout != NULL)   /* each page of a list is its own page */
		tdict_set(r->layout, "CANONICAL", arena_printf(r->a, "%s%s%ssida=%lld",
		    r->cfg->site_url, base, sep, page));
	pager = tdict_section(tdict_include(d, "PAGER", "pager.tpl"), "PAGER");
	tdict_set_int(pager, "PAGE", page);
	tdict_set_int(pager, "PAGES", pages);
	if (page > 1) {
		tdict *l = tdict_section(pager, "NEWER");

		tdict_set(l, "HREF", page_href(r, base, page - 1));
		tdict_set(l, "LABEL", newer);
	}
	if (page < pages) {
		tdict *l = tdict_section(pager, "OLDER");

		tdict_set(l, "HREF", page_href(r, base, page + 1));
		tdict_set(l, "LABEL", older);
	}
}

void pager_add(struct req *r, tdict *d, long long page, long long pages, const char *base)
{
	pager_add_labels(r, d, page, pages, base, "Föregående sida", "Nästa sida");
}
