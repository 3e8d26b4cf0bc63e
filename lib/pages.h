/* pages.h: the public page handlers named in the route table. */
#ifndef HC_PAGES_H
#define HC_PAGES_H

#include "req.h"
#include "route.h"

/* Index of the "sida" value in r->in for routes that declare page_fields. */
#define IN_SIDA 0
extern const struct field page_fields[];

void page_home(struct req *r);
void page_news(struct req *r);
void page_post(struct req *r);
void page_category(struct req *r);

#endif
