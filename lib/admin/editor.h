/* editor.h: what the editors of the coordinator's desk share: the query values of lists and
 * edit pages, the id in the path, the "done" notice, the confirmation page, the media pickers. */
#ifndef HC_ADMIN_EDITOR_H
#define HC_ADMIN_EDITOR_H

#include <stdbool.h>

#include "http/req.h"
#include "http/route.h"
#include "util/tmpl.h"

/* The indices of admin_content_fields (admin.h) in r->in. */
enum { ADMIN_IN_Q, ADMIN_IN_DONE, ADMIN_IN_END };
/* Shows the "klart" notice of the request (Sparat., Skapat., Raderat.) in
 * the page's status block, if any, with an optional link after it
 * (admin_notice in form.h). */
void admin_done_notice(struct req *r, tdict *d, const char *link_href, const char *link_label);
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

#endif
