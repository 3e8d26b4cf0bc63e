/* deliver.h: handing one finished message to the configured transport (SMTP or the spool). */
#ifndef HC_NET_DELIVER_H
#define HC_NET_DELIVER_H

#include <signal.h>
#include <stddef.h>

#include "util/config.h"

/* What became of one message. */
enum deliver_result {
	DELIVER_OK,          /* accepted: the server said 250 after the data, or the file is in place */
	DELIVER_TEMP,        /* not now: 4xx, timeout, no connection, spool not writable */
	DELIVER_PERM,        /* never: a 5xx reply for this message */
};

#define DELIVER_REPLY_MAX 300

struct transport;

/* Called once, at the moment the server accepts a message (its 250 after the
 * data arrives, or the spool file is in place), before anything else. */
struct accept_hook {
	void (*fn)(void *arg, const char *reply);
	void *arg;
};

/* Opens the transport cfg names (mail_transport), reading the SMTP password
 * from smtp_password_file. stop, when not NULL, cuts a transfer short once it
 * is set. Returns NULL with a reason in err (never the password). The caller
 * frees with transport_close. */
struct transport *transport_open(const struct config *cfg, volatile sig_atomic_t *stop,
    char *err, size_t n);
/* Delivers len bytes of msg (CRLF lines) to rcpt. The reply (server text, or
 * the spool's Swedish error) goes into reply (DELIVER_REPLY_MAX + 1 bytes).
 * id names the spool file. hook (may be NULL) is called the moment the
 * message is accepted; DELIVER_OK is returned exactly when it was called. */
enum deliver_result transport_send(struct transport *t, const char *rcpt, const char *msg,
    size_t len, long long id, const struct accept_hook *hook, char *reply);
void transport_close(struct transport *t);
/* Checks, without touching the network, whether the transport can take mail
 * now: for the spool, that its folder exists or can be made and is writable.
 * Returns 0, or -1 with a Swedish reason in err. */
int transport_ready(const struct config *cfg, char *err, size_t n);

/* smtp.c and spool.c, behind transport_send. */
struct smtp;
struct smtp *smtp_open(const struct config *cfg, volatile sig_atomic_t *stop, char *err,
    size_t n);
enum deliver_result smtp_send(struct smtp *s, const char *rcpt, const char *msg, size_t len,
    const struct accept_hook *hook, char *reply);
void smtp_close(struct smtp *s);
enum deliver_result spool_write(const char *dir, const char *msg, size_t len, long long id,
    const struct accept_hook *hook, char *reply);
int spool_ready(const char *dir, char *err, size_t n);

#endif
