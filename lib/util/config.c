/* config.c: reads hcweb.conf ("key = value" lines, # comments). */
#include "util/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum ckind { C_STR, C_INT, C_SIZE, C_MODE };

struct ckey {
	const char *name;
	enum ckind kind;
	size_t off;
	long long min, max;
};

#define S(f) C_STR, offsetof(struct config, f), 0, 0
static const struct ckey keys[] = {
	{ "database", S(database) },
	{ "socket", S(socket) },
	{ "socket_mode", C_MODE, offsetof(struct config, socket_mode), 0, 0777 },
	{ "workers", C_INT, offsetof(struct config, workers), 1, 64 },
	{ "site_url", S(site_url) },
	{ "site_name", S(site_name) },
	{ "contact_email", S(contact_email) },
	{ "templates", S(templates) },
	{ "migrations", S(migrations) },
	{ "backups", S(backups) },
	{ "uploads", S(uploads) },
	{ "max_form_bytes", C_SIZE, offsetof(struct config, max_form_bytes), 1024, 16 << 20 },
	{ "max_upload_bytes", C_SIZE, offsetof(struct config, max_upload_bytes), 1024, 1 << 30 },
	{ "page_cache_bytes", C_SIZE, offsetof(struct config, page_cache_bytes), 0, 64 << 20 },
	{ "mail_transport", S(mail_transport) },
	{ "mail_spool", S(mail_spool) },
	{ "mail_from", S(mail_from) },
	{ "mail_from_name", S(mail_from_name) },
	{ "mail_reply_to", S(mail_reply_to) },
	{ "mail_notify", S(mail_notify) },
	{ "mail_sender", S(mail_sender) },
	{ "mail_rate", C_INT, offsetof(struct config, mail_rate), 0, 100000 },
	{ "mail_retry_base", C_INT, offsetof(struct config, mail_retry_base), 1, 86400 },
	{ "mail_max_attempts", C_INT, offsetof(struct config, mail_max_attempts), 1, 100 },
	{ "mail_sending_timeout", C_INT, offsetof(struct config, mail_sending_timeout), 2, 86400 },
	{ "smtp_host", S(smtp_host) },
	{ "smtp_port", C_INT, offsetof(struct config, smtp_port), 1, 65535 },
	{ "smtp_tls", S(smtp_tls) },
	{ "smtp_user", S(smtp_user) },
	{ "smtp_password_file", S(smtp_password_file) },
	{ "smtp_ca_file", S(smtp_ca_file) },
	{ "smtp_timeout", C_INT, offsetof(struct config, smtp_timeout), 1, 3600 },
};
#undef S

static void set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = strdup(v);
	if (*dst == NULL)
		abort();
}

static void defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	set_str(&c->database, "var/hcweb.db");
	set_str(&c->socket, "var/hcweb.sock");
	c->socket_mode = 0660;
	c->workers = 2;
	set_str(&c->site_url, "http://127.0.0.1:8080");
	set_str(&c->site_name, "Healthy Cities Sverige");
	set_str(&c->contact_email, "info@healthycities.se");
	set_str(&c->templates, "templates");
	set_str(&c->migrations, "migrations");
	set_str(&c->backups, "var/backups");
	set_str(&c->uploads, "var/uploads");
	c->max_form_bytes = 1000000;
	c->max_upload_bytes = 20 << 20;
	c->page_cache_bytes = 2 << 20;
	set_str(&c->mail_transport, "spool");
	set_str(&c->mail_spool, "var/mail/outbox");
	set_str(&c->mail_from, "info@healthycities.se");
	set_str(&c->mail_from_name, "");
	set_str(&c->mail_reply_to, "");
	set_str(&c->mail_notify, "");
	set_str(&c->mail_sender, "thread");
	c->mail_rate = 120;
	c->mail_retry_base = 60;
	c->mail_max_attempts = 10;
	c->mail_sending_timeout = 600;
	set_str(&c->smtp_host, "");
	c->smtp_port = 587;
	set_str(&c->smtp_tls, "starttls");
	set_str(&c->smtp_user, "");
	set_str(&c->smtp_password_file, "");
	set_str(&c->smtp_ca_file, "");
	c->smtp_timeout = 60;
}

/* Values that only make sense together; writes the reason to stderr. */
static int check_mail(const struct config *c, const char *path)
{
	const char *why = NULL;

	if (strcmp(c->mail_transport, "spool") != 0 && strcmp(c->mail_transport, "smtp") != 0)
		why = "mail_transport must be spool or smtp";
	else if (strcmp(c->mail_sender, "thread") != 0 && strcmp(c->mail_sender, "off") != 0)
		why = "mail_sender must be thread or off";
	else if (strcmp(c->smtp_tls, "starttls") != 0 && strcmp(c->smtp_tls, "smtps") != 0 &&
	    strcmp(c->smtp_tls, "none") != 0)
		why = "smtp_tls must be starttls, smtps or none";
	else if (strcmp(c->mail_transport, "smtp") == 0 && c->smtp_host[0] == '\0')
		why = "mail_transport = smtp needs smtp_host";
	else if (c->smtp_timeout >= c->mail_sending_timeout)
		why = "smtp_timeout must be shorter than mail_sending_timeout";
	if (why == NULL)
		return 0;
	fprintf(stderr, "%s: %s\n", path ? path : "configuration", why);
	return -1;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Stores value v for key k; returns 0 or -1 when the value is out of range. */
static int set_key(struct config *c, const struct ckey *k, const char *v)
{
	char *end;
	long long n;

	if (k->kind == C_STR) {
		set_str((char **)((char *)c + k->off), v);
		return 0;
	}
	errno = 0;
	n = strtoll(v, &end, k->kind == C_MODE ? 8 : 10);
	if (errno || end == v || *end != '\0' || n < k->min || n > k->max)
		return -1;
	if (k->kind == C_SIZE)
		*(size_t *)((char *)c + k->off) = (size_t)n;
	else
		*(int *)((char *)c + k->off) = (int)n;
	return 0;
}

static int parse_line(struct config *c, char *line)
{
	char *eq, *key, *val;
	size_t i;

	line = trim(line);
	if (*line == '\0' || *line == '#')
		return 0;
	if ((eq = strchr(line, '=')) == NULL)
		return -1;
	*eq = '\0';
	key = trim(line);
	val = trim(eq + 1);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].name, key) == 0)
			return set_key(c, &keys[i], val);
	return -1;
}

int config_load(struct config *c, const char *path)
{
	char line[4096];
	FILE *f;
	int lineno = 0, rc = 0;

	defaults(c);
	if (path == NULL)
		return 0;
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		if (parse_line(c, line) < 0) {
			fprintf(stderr, "%s:%d: unknown key or bad value\n", path, lineno);
			rc = -1;
		}
	}
	fclose(f);
	if (rc == 0)
		rc = check_mail(c, path);
	return rc;
}

const char *config_path(const char *arg)
{
	const char *env;

	if (arg != NULL)
		return arg;
	if ((env = getenv("HCWEB_CONF")) != NULL && *env != '\0')
		return env;
	if (access("hcweb.conf", R_OK) == 0)
		return "hcweb.conf";
	return NULL;
}

void config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].kind == C_STR)
			free(*(char **)((char *)c + keys[i].off));
	memset(c, 0, sizeof *c);
}
