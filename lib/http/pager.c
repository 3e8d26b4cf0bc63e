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

void pager_add(struct req *r, tdict *d, long long page, long long pages, const char *base)
{
	const char *sep = strchr(base, '?') ? "&" : "?";
	tdict *pager;

	if (pages <= 1)
		return;
	if (page > 1 && r->layout != NULL)   /* each page of a list is its own page */
		tdict_set(r->layout, "CANONICAL", arena_printf(r->a, "%s%s%ssida=%lld",
		    r->cfg->site_url, base, sep, page));
	pager = tdict_section(d, "PAGER");
	tdict_set_int(pager, "PAGE", page);
	tdict_set_int(pager, "PAGES", pages);
	if (page > 1)
		tdict_set(tdict_section(pager, "NEWER"), "HREF", page == 2 ? base
		    : arena_printf(r->a, "%s%ssida=%lld", base, sep, page - 1));
	if (page < pages)
		tdict_set(tdict_section(pager, "OLDER"), "HREF",
		    arena_printf(r->a, "%s%ssida=%lld", base, sep, page + 1));
}
