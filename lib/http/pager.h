/* pager.h: "?sida=N" pagination shared by the paginated lists. */
#ifndef HC_HTTP_PAGER_H
#define HC_HTTP_PAGER_H

#include "http/req.h"
#include "util/tmpl.h"

/* The number of pages that total items fill at per a page. When page is past
 * the last page (page 1 always exists) it answers 404 and returns -1. */
long long pager_pages(struct req *r, long long page, long long total, int per);
/* Shows the PAGER section of d for page of pages when there is more than one
 * page: PAGE, PAGES, and NEWER / OLDER sections with HREF under base (which may hold a
 * query of its own: then "&sida=" is added). */
void pager_add(struct req *r, tdict *d, long long page, long long pages, const char *base);

#endif
