/* nlmail.h: the newsletter and the sign-up confirmation as mail: HTML from templates, plain text. */
#ifndef HC_SITE_NLMAIL_H
#define HC_SITE_NLMAIL_H

#include <stddef.h>

/* A news post or an event in an issue. */
struct nl_item {
	const char *title;
	const char *when;        /* "14 mars 2024", or an event's dates in Swedish */
	const char *excerpt;     /* plain text, may be "" */
	const char *url;         /* absolute */
};

/* What an issue says; the same for every recipient. */
struct nl_content {
	const char *site_name;
	const char *site_url;
	const char *subject;
	const char *intro_html;  /* rendered by cmark in safe mode (markdown.h) */
	const char *intro_text;  /* the same as plain text */
	const struct nl_item *posts;
	size_t nposts;
	const struct nl_item *events;
	size_t nevents;
};

/* Renders the issue for one recipient with its personal unsubscribe URL:
 * HTML through templates/mail_newsletter.tpl (auto-escaped, inline CSS) and the
 * plain text. Both malloc'd (caller frees). Returns 0 or -1. */
int nlmail_render(const struct nl_content *c, const char *unsubscribe_url, char **html,
    char **text);
/* The confirmation mail of a sign-up (templates/mail_confirm.tpl and its text).
 * Returns 0 or -1; both malloc'd. */
int nlmail_confirm(const char *site_name, const char *confirm_url, char **html, char **text);

#endif
