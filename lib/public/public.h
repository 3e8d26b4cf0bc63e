/* public.h: the public page handlers named in the route table. */
#ifndef HC_PUBLIC_PUBLIC_H
#define HC_PUBLIC_PUBLIC_H

#include "http/req.h"
#include "http/route.h"

/* Index of the "sida" value in r->in for routes that declare page_fields. */
enum { IN_SIDA };
extern const struct field page_fields[];

void page_home(struct req *r);
void page_news(struct req *r);
void page_post(struct req *r);
void page_category(struct req *r);

/* page_events.c */
void page_events(struct req *r);
void page_events_past(struct req *r);
void page_event(struct req *r);
void page_event_ics(struct req *r);
void page_events_ics(struct req *r);
/* Fills the start page's EVENTS section (or NO_EVENTS) with coming events. */
void home_events(struct req *r, tdict *d);

/* page_members.c */
void page_members(struct req *r);
void page_board(struct req *r);
/* A page of the pages table; its slug is the route's path without the '/'. */
void page_text(struct req *r);

#endif
