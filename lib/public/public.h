/* public.h: the public page handlers named in the route table. */
#ifndef HC_PUBLIC_PUBLIC_H
#define HC_PUBLIC_PUBLIC_H

#include <time.h>

#include "http/req.h"
#include "http/route.h"

/* Index of the "sida" value in r->in for routes that declare page_fields. */
#define IN_SIDA 0
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

/* feed_pages.c: RSS of the news (/feed), of a category and of coming events. */
void page_feed(struct req *r);
void page_category_feed(struct req *r);
void page_events_rss(struct req *r);

/* search_pages.c: /sok?q=...&sida=N */
extern const struct field search_fields[];
void page_search(struct req *r);

/* month_pages.c: /evenemang/manad/YYYY-MM, and /evenemang/manad (this month). */
void page_events_month(struct req *r);
void page_events_this_month(struct req *r);
/* The path of the month page holding t. In r's arena. */
const char *events_month_href(struct req *r, time_t t);

/* sitemap_pages.c */
void page_sitemap(struct req *r);
void page_sitemap_part(struct req *r);
void page_robots(struct req *r);

/* page_meta.c: the head of a page begun with page_begin. */
struct post;
struct event;
/* Sets the meta and Open Graph description (cut to 300 bytes with "…"). */
void page_describe(struct req *r, const char *text);
/* A post's description, og:type article, og:image, and NewsArticle JSON-LD. */
void page_meta_post(struct req *r, const struct post *p);
/* An event's description and Event JSON-LD. */
void page_meta_event(struct req *r, const struct event *e);

/* page_members.c */
void page_members(struct req *r);
void page_board(struct req *r);
/* A page of the pages table; its slug is the route's path without the '/'. */
void page_text(struct req *r);

/* newsletter_pages.c: sign-up, confirmation, unsubscription. newsletter_fields
 * declares the link token t (r->in[0]). */
extern const struct field newsletter_fields[];
void page_newsletter(struct req *r);
void page_newsletter_signup(struct req *r);
void page_newsletter_confirm_ask(struct req *r);
void page_newsletter_confirm(struct req *r);
void page_newsletter_unsubscribe_ask(struct req *r);
void page_newsletter_unsubscribe(struct req *r);

#endif
