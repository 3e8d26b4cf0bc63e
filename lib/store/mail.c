/* mail.c: mail_enqueue: building a message and adding it to mail_queue. */
#include "store/mail.h"

#include <stdlib.h>
#include <string.h>

#include "util/log.h"

/* The host of site_url ("www.example.se" from "https://www.example.se:8443/"),
 * into buf; "localhost" when there is none. */
static const char *url_host(const char *url, char *buf, size_t n)
{
	const char *p = strstr(url, "://");
	size_t len;

	p = p ? p + 3 : url;
	len = strcspn(p, ":/?#");
	if (len == 0 || len >= n)
		return "localhost";
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

const char *mail_notify_address(const struct config *cfg)
{
	return cfg->mail_notify[0] ? cfg->mail_notify : cfg->contact_email;
}

void mail_sender_fields(const struct config *cfg, struct mail_msg *msg)
{
	static __thread char host[256];

	msg->from_addr = cfg->mail_from;
	msg->from_name = cfg->mail_from_name[0] ? cfg->mail_from_name : cfg->site_name;
	msg->reply_to = cfg->mail_reply_to[0] ? cfg->mail_reply_to : NULL;
	msg->msgid_domain = url_host(cfg->site_url, host, sizeof host);
}

static const char sql_insert[] =
	"INSERT INTO mail_queue (kind, dedupe, rcpt, message, next_at, created_at,"
	" newsletter_id, subscriber_id) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)"
	" ON CONFLICT DO NOTHING";

static int enqueue(struct db *db, const struct config *cfg, const struct mail_request *m,
    long long newsletter_id, long long subscriber_id, long long *id)
{
	struct mail_msg msg = {
		.to_addr = m->to, .to_name = m->to_name, .subject = m->subject,
		.text = m->text, .html = m->html, .attach_name = m->attach_name,
		.attach_type = m->attach_type, .attach_data = m->attach_data,
		.attach_len = m->attach_len, .headers = m->headers, .nheaders = m->nheaders,
	};
	sqlite3_stmt *st;
	char now[21], *bytes = NULL;
	size_t len;
	int rc;

	if (m->kind == NULL || m->kind[0] == '\0' || strlen(m->kind) > 32)
		return MAIL_ERR_INTERNAL;
	mail_sender_fields(cfg, &msg);
	if ((rc = mailmsg_build(&msg, &bytes, &len)) != MAIL_OK)
		return rc;
	if ((st = db_stmt(db, sql_insert)) == NULL) {
		free(bytes);
		return MAIL_ERR_STORE;
	}
	db_now(now);
	db_bind_text(st, 1, m->kind);
	db_bind_text(st, 2, m->dedupe);
	db_bind_text(st, 3, m->to);
	sqlite3_bind_blob(st, 4, bytes, (int)len, free);
	db_bind_text(st, 5, now);
	if (newsletter_id > 0) {
		sqlite3_bind_int64(st, 6, newsletter_id);
		sqlite3_bind_int64(st, 7, subscriber_id);
	}
	rc = db_write(db, st, "mail queue insert");
	if (rc < 0)
		return MAIL_ERR_STORE;
	if (rc == 0)
		return MAIL_DUPLICATE;
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(db->h);
	return MAIL_QUEUED;
}

int mail_enqueue(struct db *db, const struct config *cfg, const struct mail_request *m,
    long long *id)
{
	return enqueue(db, cfg, m, 0, 0, id);
}

int mail_enqueue_newsletter(struct db *db, const struct config *cfg,
    const struct mail_request *m, long long newsletter_id, long long subscriber_id)
{
	return enqueue(db, cfg, m, newsletter_id, subscriber_id, NULL);
}
