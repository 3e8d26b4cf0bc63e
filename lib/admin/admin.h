/* admin.h: the handlers of the coordinator's desk named in the route table (all of them). */
#ifndef HC_ADMIN_ADMIN_H
#define HC_ADMIN_ADMIN_H

#include "http/req.h"
#include "http/route.h"

/* desk_login.c */
extern const struct field login_fields[];
void page_login_form(struct req *r);
void page_login(struct req *r);
void page_logout(struct req *r);

/* desk_home.c: dashboard, audit log, users */
extern const struct field admin_log_fields[];
void page_admin_home(struct req *r);
void page_admin_log(struct req *r);
/* GET /admin/lankar: broken external links with where each stands (desk_links.c). */
void page_admin_links(struct req *r);
void page_admin_users(struct req *r);
void page_admin_user_add(struct req *r);
void page_admin_user_disable(struct req *r);

/* desk_posts.c */
extern const struct field admin_posts_fields[];
void page_admin_posts(struct req *r);
void page_admin_post_new(struct req *r);
void page_admin_post_create(struct req *r);
void page_admin_post_edit(struct req *r);
void page_admin_post_save(struct req *r);
void page_admin_post_delete_ask(struct req *r);
void page_admin_post_delete(struct req *r);

/* desk_media.c: the media library */
extern const struct field admin_media_fields[];
void page_admin_media(struct req *r);
void page_admin_media_upload(struct req *r);
void page_admin_media_delete_ask(struct req *r);
void page_admin_media_delete(struct req *r);

/* desk_newsletter.c: issues, sending, subscribers. admin_newsletter_fields
 * declares "klart" (r->in[0]), the notice after an action. */
extern const struct field admin_newsletter_fields[];
void page_admin_newsletters(struct req *r);
void page_admin_newsletter_new(struct req *r);
void page_admin_newsletter_create(struct req *r);
void page_admin_newsletter(struct req *r);
void page_admin_newsletter_save(struct req *r);
void page_admin_newsletter_preview(struct req *r);
void page_admin_newsletter_test(struct req *r);
void page_admin_newsletter_send_ask(struct req *r);
void page_admin_newsletter_send(struct req *r);
void page_admin_newsletter_retry(struct req *r);
void page_admin_newsletter_delete(struct req *r);
void page_admin_subscribers(struct req *r);
void page_admin_subscribers_csv(struct req *r);
void page_admin_subscriber_erase_ask(struct req *r);
void page_admin_subscriber_erase(struct req *r);
/* Query values of the editors' lists and edit pages (editor.c): q (search),
 * klart (1 saved, 2 created, 3 deleted). */
extern const struct field admin_content_fields[];

/* desk_events.c */
void page_admin_events(struct req *r);
void page_admin_event_new(struct req *r);
void page_admin_event_create(struct req *r);
void page_admin_event_edit(struct req *r);
void page_admin_event_save(struct req *r);
void page_admin_event_delete_ask(struct req *r);
void page_admin_event_delete(struct req *r);

/* desk_members.c */
void page_admin_members(struct req *r);
void page_admin_member_new(struct req *r);
void page_admin_member_create(struct req *r);
void page_admin_member_edit(struct req *r);
void page_admin_member_save(struct req *r);
void page_admin_member_delete_ask(struct req *r);
void page_admin_member_delete(struct req *r);

/* desk_board.c */
void page_admin_board(struct req *r);
void page_admin_seat_new(struct req *r);
void page_admin_seat_create(struct req *r);
void page_admin_seat_edit(struct req *r);
void page_admin_seat_save(struct req *r);
void page_admin_seat_delete_ask(struct req *r);
void page_admin_seat_delete(struct req *r);

/* desk_preview.c */
void page_admin_md_preview(struct req *r);

/* desk_revisions.c */
void page_admin_post_revisions(struct req *r);
void page_admin_event_revisions(struct req *r);
void page_admin_page_revisions(struct req *r);
void page_admin_revision_restore(struct req *r);
void page_admin_autosave(struct req *r);

/* desk_textpages.c */
void page_admin_textpages(struct req *r);
void page_admin_textpage_edit(struct req *r);
void page_admin_textpage_save(struct req *r);

#endif
