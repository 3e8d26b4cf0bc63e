/* transport.c: the configured transport behind one interface: SMTP or the spool folder. */
#include "net/deliver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct transport {
	const struct config *cfg;
	struct smtp *smtp;      /* NULL for the spool */
};

struct transport *transport_open(const struct config *cfg, volatile sig_atomic_t *stop,
    char *err, size_t n)
{
	struct transport *t = calloc(1, sizeof *t);

	if (t == NULL) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	t->cfg = cfg;
	if (strcmp(cfg->mail_transport, "smtp") == 0 &&
	    (t->smtp = smtp_open(cfg, stop, err, n)) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

enum deliver_result transport_send(struct transport *t, const char *rcpt, const char *msg,
    size_t len, long long id, const struct accept_hook *hook, char *reply)
{
	if (t->smtp != NULL)
		return smtp_send(t->smtp, rcpt, msg, len, hook, reply);
	return spool_write(t->cfg->mail_spool, msg, len, id, hook, reply);
}

void transport_close(struct transport *t)
{
	if (t == NULL)
		return;
	smtp_close(t->smtp);
	free(t);
}

int transport_ready(const struct config *cfg, char *err, size_t n)
{
	if (strcmp(cfg->mail_transport, "smtp") == 0)
		return 0;
	return spool_ready(cfg->mail_spool, err, n);
}
