/* editor.h: what the editors of the coordinator's desk share: the query values of lists and
 * edit pages, the id in the path, the "done" notice, the confirmation page, the media pickers. */
#ifndef HC_ADMIN_EDITOR_H
#define HC_ADMIN_EDITOR_H

#include <stdbool.h>

#include "http/req.h"
#include "http/route.h"
#include "util/tmpl.h"

/* The indices of admin_content_fields (admin.h) in r->in. */
enum { ADMIN_IN_Q, ADMIN_IN_DONE };
/* The numeric id in r->arg, or 0 when it is not one. */
long long admin_arg_id(struct req *r);
/* Shows the "klart" notice of the request in section (TEXT), if any. */
void admin_done_notice(struct req *r, tdict *d, const char *section);
/* Answers the confirmation page before a deletion: heading, question, the
 * item's name, the POST target and the way back. nav: the admin section. */
void admin_confirm(struct req *r, const char *nav, const char *heading,
    const char *question, const char *item, const char *action, const char *back);

/* Adds one repetition of section per library image (pdf false) or PDF (pdf
 * true) with VALUE (the id), LABEL (original name – alt text or title) and
 * section SELECTED on current: the featured image of a post, the programme of
 * an event. Returns 0 or -1. */
int admin_media_options(struct req *r, tdict *d, const char *section, bool pdf,
    long long current);

/* Keeps an item's text as a revision made by r's user (desk_revisions.c):
 * item_type "post", "event" or "page"; kind "save", "autosave" or "restore";
 * author and excerpt NULL for events and pages. Call inside the save's
 * transaction. Returns 0 or -1. */
int admin_keep_revision(struct req *r, const char *item_type, long long item_id,
    const char *kind, const char *title, const char *author, const char *excerpt,
    const char *body_md);
/* Shows section REVISIONS (HREF) linking to the item's revisions page, and
 * the autosave data of the editor's script (AUTOSAVE: TYPE, ID). */
void admin_revisions_link(struct req *r, tdict *d, const char *item_type, long long item_id,
    const char *href);

#endif
