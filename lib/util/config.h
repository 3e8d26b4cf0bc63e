/* config.h: hcweb.conf, the one configuration file of hcweb and hcadmin. */
#ifndef HC_UTIL_CONFIG_H
#define HC_UTIL_CONFIG_H

#include <stddef.h>

struct config {
	char *database;          /* SQLite file */
	char *socket;            /* FastCGI unix socket; unused when fd 0 is a socket */
	int socket_mode;         /* permissions of the socket file */
	int workers;             /* worker threads */
	char *site_url;          /* e.g. https://healthycities.se, no trailing slash */
	char *site_name;
	char *contact_email;
	char *templates;         /* folder of *.tpl */
	char *migrations;        /* folder of NNNN_name.sql */
	char *backups;           /* where hcadmin migrate puts its backups */
	char *uploads;           /* media library files */
	size_t max_form_bytes;   /* largest urlencoded body */
	size_t max_upload_bytes; /* largest multipart body */

	/* Outgoing mail (store/mail.h, net/sender.h). */
	char *mail_transport;    /* "spool" (default) or "smtp" */
	char *mail_spool;        /* folder of .eml files for "spool" */
	char *mail_from;         /* the sender address of every message */
	char *mail_from_name;    /* its display name; default site_name */
	char *mail_reply_to;     /* Reply-To, "" none */
	char *mail_notify;       /* the coordinator's address for notices; default contact_email */
	char *mail_sender;       /* "thread": hcweb sends from the queue; "off": only hcadmin mail run */
	int mail_rate;           /* messages a minute at most, 0 no limit */
	int mail_retry_base;     /* seconds before the first retry; doubles each time */
	int mail_max_attempts;   /* tries before a temporary failure becomes final */
	int mail_sending_timeout; /* seconds after which a message left "sending" is tried again */
	char *smtp_host;
	int smtp_port;
	char *smtp_tls;          /* "starttls" (required, default), "smtps", or "none" (loopback tests) */
	char *smtp_user;         /* "" no AUTH */
	char *smtp_password_file; /* file whose first line is the password */
	char *smtp_ca_file;      /* CA certificates to trust instead of the system's, "" default */
	int smtp_timeout;        /* seconds for one message, connection included */
	size_t page_cache_bytes; /* each worker's copies of public pages; 0: none */
};

/* Fills c with defaults, then reads path when it is not NULL. On error writes a
 * message naming the file and line to stderr and returns -1. */
int config_load(struct config *c, const char *path);
/* The path to use: the -c argument, else $HCWEB_CONF, else "hcweb.conf" when
 * that file exists, else NULL (defaults only). */
const char *config_path(const char *arg);
void config_free(struct config *c);

#endif
