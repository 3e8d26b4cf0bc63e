/* editor.h: the handlers that edit events, member organisations, board seats and text pages. */
#ifndef HC_ADMIN_EDITOR_H
#define HC_ADMIN_EDITOR_H

#include "http/req.h"
#include "http/route.h"
#include "util/tmpl.h"

/* ---- shared by the editors (admin_content.c) ---- */

/* Query values of the lists and edit pages: q (search), klart (1 saved,
 * 2 created, 3 deleted). */
extern const struct field admin_content_fields[];
enum { ADMIN_IN_Q, ADMIN_IN_DONE };
/* The numeric id in r->arg, or 0 when it is not one. */
long long admin_arg_id(struct req *r);
/* Shows the "klart" notice of the request in section (TEXT), if any. */
void admin_done_notice(struct req *r, tdict *d, const char *section);
/* Answers the confirmation page before a deletion: heading, question, the
 * item's name, the POST target and the way back. nav: the admin section. */
void admin_confirm(struct req *r, const char *nav, const char *heading,
    const char *question, const char *item, const char *action, const char *back);

/* ---- page_admin_events.c ---- */
void page_admin_events(struct req *r);
void page_admin_event_new(struct req *r);
void page_admin_event_create(struct req *r);
void page_admin_event_edit(struct req *r);
void page_admin_event_save(struct req *r);
void page_admin_event_delete_ask(struct req *r);
void page_admin_event_delete(struct req *r);

/* ---- desk_registrations.c: an event's registration on the site ---- */
void page_admin_registrations(struct req *r);
void page_admin_signup_save(struct req *r);
void page_admin_registration_add(struct req *r);
void page_admin_registration_remove_ask(struct req *r);
void page_admin_registration_remove(struct req *r);
void page_admin_registrations_csv(struct req *r);
/* ---- desk_requests.c: membership-interest requests ---- */
void page_admin_requests(struct req *r);
void page_admin_request(struct req *r);
void page_admin_request_save(struct req *r);
void page_admin_request_member(struct req *r);
/* ---- page_admin_members.c ---- */
void page_admin_members(struct req *r);
void page_admin_member_new(struct req *r);
void page_admin_member_create(struct req *r);
void page_admin_member_edit(struct req *r);
void page_admin_member_save(struct req *r);
void page_admin_member_delete_ask(struct req *r);
void page_admin_member_delete(struct req *r);

/* ---- page_admin_board.c ---- */
void page_admin_board(struct req *r);
void page_admin_seat_new(struct req *r);
void page_admin_seat_create(struct req *r);
void page_admin_seat_edit(struct req *r);
void page_admin_seat_save(struct req *r);
void page_admin_seat_delete_ask(struct req *r);
void page_admin_seat_delete(struct req *r);

/* ---- page_admin_textpages.c ---- */
void page_admin_textpages(struct req *r);
void page_admin_textpage_edit(struct req *r);
void page_admin_textpage_save(struct req *r);

#endif
