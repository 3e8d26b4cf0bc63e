/* sender.h: the one loop that takes messages from mail_queue and delivers them. */
#ifndef HC_NET_SENDER_H
#define HC_NET_SENDER_H

#include <signal.h>
#include <stdbool.h>

#include "util/config.h"

struct sender;

/* A sender with its own database connection; stop, when not NULL, ends
 * waits and transfers once set. NULL on failure (logged). */
struct sender *sender_new(const struct config *cfg, volatile sig_atomic_t *stop);
void sender_free(struct sender *s);
/* One round: every few seconds puts back messages left "sending" by a dead
 * sender and queues the next batch of a newsletter being sent; then claims one
 * due message, waits for the rate limit, delivers it and records the outcome
 * (sent at once on acceptance; 4xx/timeouts retried with exponential backoff
 * until mail_max_attempts; 5xx failed with the reply). Returns 1 when it
 * handled a message, 0 when nothing was due, -1 on a database or transport
 * error (logged; try again later). */
int sender_step(struct sender *s);
/* Calls sender_step until stop is set, or, when until_idle, until no message
 * is queued or sending any more (waiting out retries; failed ones stay). tick (may be NULL) is called
 * after every round. Returns 0, or 1 when stopped by the flag. */
int sender_loop(struct sender *s, bool until_idle, void (*tick)(void *), void *arg);

/* hcweb: starts the sender thread when cfg->mail_sender is "thread" (its own
 * connection; signals stay blocked in it). Returns 0 or -1. */
int sender_thread_start(const struct config *cfg);
/* Asks the thread to stop (a transfer in flight is cut short and its message
 * tried again later) and waits for it. */
void sender_thread_stop(void);

#endif
