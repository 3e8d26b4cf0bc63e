/* signups_mail.c: the mails of registration and membership requests, put in the mail queue. */
#include "store/signups_mail.h"

#include <sodium.h>
#include <string.h>

#include "site/auth.h"
#include "site/ical.h"
#include "site/signupmail.h"
#include "store/mail.h"
#include "store/registrations.h"
#include "util/abuf.h"

#define ICS_MAIL_TYPE "text/calendar; charset=utf-8; method=PUBLISH"

static const char sql_set_token[] = "UPDATE registrations SET token_hash = ?2 WHERE id = ?1";

static const char *notify_addr(const struct config *cfg)
{
	return cfg->mail_notify && cfg->mail_notify[0] ? cfg->mail_notify : cfg->contact_email;
}

/* Queues w to to, with e's calendar file when e is not NULL. */
static int enqueue(struct db *db, const struct config *cfg, struct arena *a, const char *to,
    struct mail_words w, const struct event *e, const char *kind, const char *dedupe)
{
	struct mail_request m = {
		.to = to, .subject = w.subject, .text = w.text, .kind = kind, .dedupe = dedupe,
	};
	struct abuf b = { .a = a };
	int rc;

	if (e != NULL) {
		ical_calendar(&b, cfg->site_url, arena_printf(a, "%s – %s", cfg->site_name, e->title),
		    e, 1);
		m.attach_name = "evenemang.ics";
		m.attach_type = ICS_MAIL_TYPE;
		m.attach_data = b.p;
		m.attach_len = b.len;
	}
	rc = mail_enqueue(db, cfg, &m, NULL);
	return rc == MAIL_DUPLICATE ? 0 : rc;
}

int regmail_confirm(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, long long reg_id, const char *name, const char *email,
    const char *token, bool waiting)
{
	struct mail_words w = signupmail_person(a, waiting ? SM_WAITING : SM_REGISTERED,
	    cfg->site_url, cfg->registration_days, e, name, token);

	return enqueue(db, cfg, a, email, w, waiting ? NULL : e, "registration",
	    arena_printf(a, "registration:%lld", reg_id));
}

int regmail_notice(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, const char *name, const char *organisation, bool waiting)
{
	long long registered, wait;

	if (db_signup_counts(db, e->id, &registered, &wait) < 0)
		return MAIL_ERR_STORE;
	return enqueue(db, cfg, a, notify_addr(cfg), signupmail_notice(a, cfg->site_url, e, e->id,
	    name, organisation, waiting, registered, wait), NULL, "registration-notice", NULL);
}

int regmail_promoted(struct db *db, const struct config *cfg, struct arena *a,
    const long long *ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char token[AUTH_TOKEN_HEX], hash[AUTH_TOKEN_HEX];
		struct registration g;
		struct event_edit x;
		struct event e;
		sqlite3_stmt *st;
		int rc;

		if (db_registration_by_id(db, a, ids[i], &g) != 1 ||
		    db_event_by_id(db, a, g.event_id, &e, &x) != 1 ||
		    (st = db_stmt(db, sql_set_token)) == NULL)
			return MAIL_ERR_STORE;
		auth_random_hex(token);
		auth_token_hash(token, hash);
		sqlite3_bind_int64(st, 1, g.id);
		db_bind_text(st, 2, hash);
		if (db_write(db, st, "promoted token") != 1)
			return MAIL_ERR_STORE;
		rc = enqueue(db, cfg, a, g.email, signupmail_person(a, SM_PROMOTED, cfg->site_url,
		    cfg->registration_days, &e, g.name, token), &e, "registration",
		    arena_printf(a, "promoted:%lld", g.id));
		if (rc < 0)
			return rc;
	}
	return 0;
}

int regmail_message(struct db *db, const struct config *cfg, struct arena *a,
    const struct event *e, const char *subject, const char *text, long long *sent)
{
	unsigned char h[16];
	char hex[33];
	struct registration *g;
	struct mail_words w = signupmail_message(a, cfg->site_url, e, subject, text);
	const char *both = arena_printf(a, "%s\n%s", subject, text);
	size_t n, i;
	int rc;

	*sent = 0;
	crypto_generichash(h, sizeof h, (const unsigned char *)both, strlen(both), NULL, 0);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	if (db_registrations_of(db, a, e->id, &g, &n) < 0)
		return MAIL_ERR_STORE;
	for (i = 0; i < n; i++) {
		rc = enqueue(db, cfg, a, g[i].email, w, NULL, "registration-message",
		    arena_printf(a, "eventmsg:%lld:%s", g[i].id, hex));
		if (rc < 0)
			return rc;
		(*sent)++;
	}
	return 0;
}

int joinmail_send(struct db *db, const struct config *cfg, struct arena *a, long long id,
    const struct membership_request *m)
{
	int rc = enqueue(db, cfg, a, notify_addr(cfg), joinmail_notice(a, cfg->site_url, id,
	    m->organisation, strcmp(m->kind, "region") == 0 ? "region" : "kommun", m->contact,
	    m->role, m->email, m->phone, m->message), NULL, "membership",
	    arena_printf(a, "membership:%lld", id));

	if (rc < 0)
		return rc;
	return enqueue(db, cfg, a, m->email, joinmail_thanks(a, cfg->site_name, m->organisation,
	    m->contact), NULL, "membership", arena_printf(a, "membership-thanks:%lld", id));
}
