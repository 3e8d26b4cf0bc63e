/* routes.c: the route table: every URL the site answers. */
#include "pages.h"
#include "route.h"

const struct route routes[] = {
	{ M_GET, "/", page_home, NULL, 0 },
	{ M_GET, "/nyheter", page_news, page_fields, 0 },
	{ M_GET, "/nyheter/*", page_post, NULL, 0 },
	{ M_GET, "/kategori/*", page_category, page_fields, 0 },
	{ 0, NULL, NULL, NULL, 0 },
};
