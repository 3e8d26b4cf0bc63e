/* mail.h: THE way any part of hcweb sends e-mail: build the message and put it in the queue.
 *
 * Nothing here talks to the network: mail_enqueue only writes a row of
 * mail_queue (migrations/0008_mail.sql). The sender (net/sender.h; a thread of
 * hcweb, or `hcadmin mail run`) delivers it later over SMTP or into the spool,
 * retries temporary failures and records the server's reply. Example:
 *
 *	struct mail_request m = {
 *		.to = "anna@example.se", .subject = "Din anmälan",
 *		.text = "Hej!\n...", .html = html_or_NULL,
 *		.kind = "registration", .dedupe = "registration:42",
 *	};
 *	int rc = mail_enqueue(r->db, r->cfg, &m, NULL);
 *	if (rc < 0) show mail_err_sv(rc) to the user;
 */
#ifndef HC_STORE_MAIL_H
#define HC_STORE_MAIL_H

#include "site/mailmsg.h"
#include "store/db.h"
#include "util/config.h"

/* One message another module wants sent. From, Reply-To and the Message-ID's
 * domain come from the configuration. Strings are UTF-8; the caller keeps them. */
struct mail_request {
	const char *to;                  /* the recipient's address (required) */
	const char *to_name;             /* display name, or NULL */
	const char *subject;             /* required; no CR/LF/NUL */
	const char *text;                /* plain-text body (required) */
	const char *html;                /* HTML alternative (from a template), or NULL */
	const char *attach_name;         /* e.g. "evenemang.ics", or NULL for none */
	const char *attach_type;         /* e.g. "text/calendar; charset=utf-8; method=PUBLISH" */
	const char *attach_data;
	size_t attach_len;
	const struct mail_header *headers; /* extra headers (List-Unsubscribe ...), or NULL */
	size_t nheaders;                 /* at most MAIL_MAX_HEADERS */
	const char *kind;                /* what it is, e.g. "registration", "membership",
	                                    "reset", "confirm", "test"; at most 32 bytes */
	const char *dedupe;              /* a key queued at most once ever (e.g.
	                                    "registration:42"), or NULL */
};

/* mail_enqueue's answers besides the negative enum mail_err values. */
#define MAIL_QUEUED 0                /* a new row is in the queue */
#define MAIL_DUPLICATE 1             /* dedupe was already queued: nothing added */

/* Builds m (site/mailmsg.h: every address and header is checked, CR/LF/NUL
 * refused) and inserts it as "queued". Joins a transaction the caller has
 * open, else runs on its own. Returns MAIL_QUEUED (and stores the row id in
 * *id when id is not NULL), MAIL_DUPLICATE, or a negative enum mail_err
 * (mail_err_sv gives the Swedish reason). Never sends. */
int mail_enqueue(struct db *db, const struct config *cfg, const struct mail_request *m,
    long long *id);

/* The same, for the newsletter's rows (one per issue and subscriber,
 * unique): used by store/newsletter.c. */
int mail_enqueue_newsletter(struct db *db, const struct config *cfg,
    const struct mail_request *m, long long newsletter_id, long long subscriber_id);

/* The coordinator's address for notices (new registrations, membership
 * requests): mail_notify, else contact_email. Belongs to cfg. */
const char *mail_notify_address(const struct config *cfg);

/* Fills a mail_msg's sender fields from cfg (From, its name, Reply-To, the
 * Message-ID domain); the strings belong to cfg or are static. */
void mail_sender_fields(const struct config *cfg, struct mail_msg *msg);

#endif
