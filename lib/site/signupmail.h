/* signupmail.h: the words of the mails about registrations and membership requests (Swedish, plain text). */
#ifndef HC_SITE_SIGNUPMAIL_H
#define HC_SITE_SIGNUPMAIL_H

#include <stdbool.h>

#include "util/arena.h"
#include "site/eventfmt.h"

/* A mail's subject and plain-text body, in an arena. */
struct mail_words {
	const char *subject, *text;
};

enum signup_mail {
	SM_REGISTERED,     /* confirmation: a place */
	SM_WAITING,        /* confirmation: on the waiting list */
	SM_PROMOTED,       /* moved up from the waiting list */
};

/* The mail to a registrant: what happened, when and where the event is, its
 * page, the personal cancel link <site_url>/avanmalan/<token>, and when the
 * data is deleted (days after the event). Pure. */
struct mail_words signupmail_person(struct arena *a, enum signup_mail kind,
    const char *site_url, int days, const struct event *e, const char *name,
    const char *token);
/* The coordinator's notice of a new registration (counts after it). Pure. */
struct mail_words signupmail_notice(struct arena *a, const char *site_url,
    const struct event *e, long long event_id, const char *name, const char *organisation,
    bool waiting, long long registered, long long wait);
/* A message from the coordinator to everyone registered for e. Pure. */
struct mail_words signupmail_message(struct arena *a, const char *site_url,
    const struct event *e, const char *subject, const char *text);
/* The coordinator's notice of a membership request, and the answer to its sender. Pure. */
struct mail_words joinmail_notice(struct arena *a, const char *site_url, long long id,
    const char *organisation, const char *kind, const char *contact, const char *role,
    const char *email, const char *phone, const char *message);
struct mail_words joinmail_thanks(struct arena *a, const char *site_name,
    const char *organisation, const char *contact);

#endif
