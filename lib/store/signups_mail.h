/* signups_mail.h: queueing the mails of registration and membership requests (in the caller's transaction). */
#ifndef HC_STORE_SIGNUPS_MAIL_H
#define HC_STORE_SIGNUPS_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/config.h"
#include "store/db.h"
#include "store/events.h"
#include "store/membership.h"

/* Each returns 0, or a negative enum mail_err (site/mailmsg.h; mail_err_sv
 * gives the Swedish reason). They only write rows of mail_queue. */

/* The confirmation to registration reg_id of e: a place (with the event's
 * calendar file attached) or the waiting list, with the cancel link of token. */
int regmail_confirm(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, long long reg_id, const char *name, const char *email,
    const char *token, bool waiting);
/* The coordinator's notice (mail_notify, else contact_email) of a new
 * registration, with the counts after it. */
int regmail_notice(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, const char *name, const char *organisation, bool waiting);
/* Tells each of the n registrations ids (just moved up from the waiting list)
 * that they have a place: gives each a new cancel token (the hash replaces the
 * old one) and mails it with the calendar file. */
int regmail_promoted(struct db *db, const struct config *cfg, struct arena *a,
    const long long *ids, size_t n);
/* A message from the desk to everyone registered for e (places and waiting
 * list); *sent is the number queued. The same message is queued once per
 * person however often it is posted. */
int regmail_message(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, const char *subject, const char *text, long long *sent);
/* The coordinator's notice of membership request id and the thanks to its sender. */
int joinmail_send(struct db *db, const struct config *cfg, struct arena *a, long long id,
    const struct membership_request *m);

#endif
