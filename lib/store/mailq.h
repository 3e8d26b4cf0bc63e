/* mailq.h: the sender's side of mail_queue: claim a due message, record what the server said. */
#ifndef HC_STORE_MAILQ_H
#define HC_STORE_MAILQ_H

#include <stddef.h>

#include "store/db.h"

/* A claimed message; rcpt and message are malloc'd (mailq_item_free). */
struct mailq_item {
	long long id;
	char *rcpt;
	char *message;
	size_t len;
	int attempts;                 /* tries started, this one included */
	long long newsletter_id;      /* 0 when not a newsletter */
};

/* Puts back to "queued" every message left "sending" since more than
 * timeout seconds: its try was cut off before the server accepted it
 * (acceptance is recorded first, so a message the server took is "sent").
 * Returns the number put back, or -1. */
int mailq_recover(struct db *db, int timeout);
/* Claims the oldest due queued message: one UPDATE turns it "sending" (so two
 * senders never take the same one). Returns 1 with *it filled, 0 when nothing
 * is due, -1 on error. */
int mailq_claim(struct db *db, struct mailq_item *it);
void mailq_item_free(struct mailq_item *it);
/* The server (or the spool) accepted the message: "sent", with its reply.
 * Returns 0 or -1. */
int mailq_mark_sent(struct db *db, long long id, const char *reply);
/* A temporary failure: back to "queued", not before delay seconds. */
int mailq_mark_retry(struct db *db, long long id, const char *reply, int delay);
/* A final failure: "failed", with the reply kept. */
int mailq_mark_failed(struct db *db, long long id, const char *reply);
/* Puts a failed message (id > 0), or every failed message of a newsletter
 * (id 0 and newsletter_id > 0), back in the queue with its tries reset.
 * Returns the number, or -1. */
int mailq_requeue_failed(struct db *db, long long id, long long newsletter_id);

/* Counts of the queue's rows by state, for one newsletter or (0) all rows. */
struct mailq_counts {
	long long queued, sending, sent, failed;
};
int mailq_count(struct db *db, long long newsletter_id, struct mailq_counts *c);
/* The newest last_reply of a queued message that was tried (the reason the
 * queue waits), copied into buf; "" when none. */
int mailq_last_problem(struct db *db, long long newsletter_id, char *buf, size_t n);

#endif
