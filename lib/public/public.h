/* public.h: the public page handlers named in the route table. */
#ifndef HC_PUBLIC_PUBLIC_H
#define HC_PUBLIC_PUBLIC_H

#include <stdbool.h>
#include <time.h>

#include "http/req.h"
#include "store/events.h"
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
/* Finds the public event named by r->arg; answers 404 or 500 and returns
 * false when there is none. */
bool event_find(struct req *r, struct event *e);
/* Begins the page of event e (everything but page_end), with its registration
 * form or state (signup_add; form may be NULL). Returns the page dictionary,
 * or NULL after a database error (not answered). */
tdict *event_page(struct req *r, const struct event *e, time_t now, tdict **form);
/* True while registration is open: not cancelled, and until the end of its
 * last day to register, or without one until the event ends. */
bool event_registration_open(const struct event *e, time_t now);
/* Fills the start page's EVENTS section (or NO_EVENTS) with coming events. */
void home_events(struct req *r, tdict *d);

/* signup_pages.c: registration on the site, cancelling */
/* Adds the registration part of the event page (the form, or that it is full
 * or closed) when e takes registrations on the site: the include SIGNUP. When
 * form is not NULL, *form is the dictionary of the form's fields, or NULL when
 * no form is shown. Returns 1 added, 0 the event takes none on the site, -1
 * database error. */
int signup_add(struct req *r, tdict *d, const struct event *e, time_t now, tdict **form);
void page_event_register(struct req *r);
void page_cancel_form(struct req *r);
void page_cancel(struct req *r);

/* join_pages.c: /bli-medlem with the membership-interest form */
void page_join(struct req *r);
void page_join_send(struct req *r);

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

/* ---- pubform.c: the fields of the public forms ----
 * Template conventions for a field with key KEY and element id ID:
 *   value:    value="{{KEY}}" or <textarea ...>{{KEY}}</textarea>
 *   message:  {{#KEY_ERROR}}<p class="field-error" id="ID-fel">{{MESSAGE}}</p>{{/KEY_ERROR}}
 *   summary:  {{#ERRORS}} ... {{COUNT}} ... {{#ERROR}}<a href="#{{ID}}">{{MESSAGE}}</a>{{/ERROR}}{{/ERRORS}}
 *   choices:  section KEY_VALUE (upper case) shown for the chosen one. */
struct pubform {
	struct req *r;
	tdict *d;
	tdict *summary;
	int errors;
};
enum pubform_flags { PF_REQUIRED = 1, PF_MULTILINE = 2 };
/* The field that people leave empty and robots fill in. */
#define PUBFORM_HONEYPOT "webbadress"

/* Starts reading r->form (read by form_guard) into d. */
void pubform_start(struct pubform *f, struct req *r, tdict *d);
/* Reads a text field: sets KEY to the value as typed (trimmed) and refuses
 * control characters (NUL and invalid UTF-8 never get past the form parser), newlines unless PF_MULTILINE,
 * '<' and '>', empty when PF_REQUIRED, more than max_chars characters.
 * label starts the message ("Namnet"). Returns the value (arena), or NULL
 * after setting the message. */
const char *pubform_text(struct pubform *f, const char *name, const char *key,
    const char *id, const char *label, size_t max_chars, unsigned flags);
/* An e-mail address (valid_email), else as pubform_text. */
const char *pubform_email(struct pubform *f, const char *name, const char *key,
    const char *id, const char *label, unsigned flags);
/* One of choices; message when missing (and PF_REQUIRED) or not one of them. */
const char *pubform_choice(struct pubform *f, const char *name, const char *key,
    const char *id, const char *message, const char *const *choices, unsigned flags);
/* Adds a message for the field KEY (element id ID) and to the summary. */
void pubform_error(struct pubform *f, const char *key, const char *id, const char *message);
/* True when no field has a message; otherwise shows ERRORS with COUNT. */
bool pubform_ok(struct pubform *f);
/* True when the honeypot field was filled in. */
bool pubform_honeypot(const struct req *r);

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
