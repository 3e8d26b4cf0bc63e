/* mailmsg.h: one outgoing e-mail as real MIME (GMime): checked headers, text and HTML alternatives. */
#ifndef HC_SITE_MAILMSG_H
#define HC_SITE_MAILMSG_H

#include <stddef.h>

/* An extra header, e.g. { "List-Unsubscribe", "<https://...>" }. */
struct mail_header {
	const char *name;
	const char *value;
};

#define MAIL_MAX_HEADERS 8
#define MAIL_BODY_MAX (2u << 20)      /* text, HTML and attachment, each */

/* What a message holds. Every string is UTF-8. */
struct mail_msg {
	const char *from_name;           /* display name, or NULL */
	const char *from_addr;
	const char *reply_to;            /* address, or NULL */
	const char *to_name;             /* display name, or NULL */
	const char *to_addr;
	const char *subject;
	const char *text;                /* the plain-text body (required) */
	const char *html;                /* the HTML alternative, or NULL */
	const char *attach_name;         /* file name of an attachment, or NULL */
	const char *attach_type;         /* its type, e.g. "text/calendar; method=PUBLISH" */
	const char *attach_data;
	size_t attach_len;
	const struct mail_header *headers; /* at most MAIL_MAX_HEADERS extra headers */
	size_t nheaders;
	const char *msgid_domain;        /* the host part of the Message-ID */
};

/* Why a message could not be made; MAIL_OK (0) when it was. */
enum mail_err {
	MAIL_OK = 0,
	MAIL_ERR_TO = -1,        /* recipient address refused */
	MAIL_ERR_FROM = -2,      /* sender or Reply-To address refused */
	MAIL_ERR_SUBJECT = -3,   /* subject empty, too long, or with CR/LF/NUL */
	MAIL_ERR_NAME = -4,      /* a display name too long or with CR/LF/NUL */
	MAIL_ERR_HEADER = -5,    /* an extra header refused (name, value, or one the message sets itself) */
	MAIL_ERR_BODY = -6,      /* no text, invalid UTF-8, too big, or a bad attachment */
	MAIL_ERR_INTERNAL = -7,  /* GMime failed */
	MAIL_ERR_STORE = -8,     /* the queue could not be written (store/mail.h) */
};

/* The Swedish sentence for an error, for a page or a terminal. Static. */
const char *mail_err_sv(int err);

/* Starts GMime once for the process (thread-safe; called by mailmsg_build). */
void mailmsg_init(void);
/* Checks every address and header of m before GMime sees it (CR, LF, NUL
 * refused), then writes the message: Date, a new Message-ID, MIME-Version,
 * RFC 2047 encoded headers, text/plain alone or multipart/alternative with the
 * HTML, inside multipart/mixed when there is an attachment; UTF-8 parts in
 * quoted-printable, CRLF line ends, no line over 998 octets. On success stores
 * a malloc'd NUL-terminated buffer in *out (caller frees) and its length in
 * *len, and returns MAIL_OK; otherwise returns the mail_err and *out is NULL. */
int mailmsg_build(const struct mail_msg *m, char **out, size_t *len);

#endif
