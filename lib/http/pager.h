/* pager.h: "?sida=N" pagination shared by every paginated list, public or admin (templates/pager.tpl). */
#ifndef HC_HTTP_PAGER_H
#define HC_HTTP_PAGER_H

#include "http/req.h"
#include "util/tmpl.h"

/* The number of pages that total items fill at per a page. When page is past
 * the last page (page 1 always exists) it answers 404 and returns -1. */
long long pager_pages(struct req *r, long long page, long long total, int per);
/* Fills the include {{>PAGER}} of d for page of pages when there is more than
 * one page: PAGE, PAGES, and NEWER / OLDER links labelled "Föregående sida" /
 * "Nästa sida". base is the list's path with the query values the list keeps
 * (a search, a filter: "/admin/nyheter?q=x&status=utkast"), already encoded
 * (http_encode); sida is added to it. */
void pager_add(struct req *r, tdict *d, long long page, long long pages, const char *base);
/* The same with the list's own words for the two links ("Nyare nyheter"). */
void pager_add_labels(struct req *r, tdict *d, long long page, long long pages,
    const char *base, const char *newer, const char *older);

#endif
