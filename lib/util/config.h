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
	int form_posts_per_hour; /* posts of public forms per client address and hour */
	int registration_days;   /* registrations are deleted this many days after the event */
};

/* Fills c with defaults, then reads path when it is not NULL. On error writes a
 * message naming the file and line to stderr and returns -1. */
int config_load(struct config *c, const char *path);
/* The path to use: the -c argument, else $HCWEB_CONF, else "hcweb.conf" when
 * that file exists, else NULL (defaults only). */
const char *config_path(const char *arg);
void config_free(struct config *c);

#endif
