/* mailmsg.c: builds outgoing messages with GMime after checking every value it is given. */
#include "site/mailmsg.h"

#include <gmime/gmime.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mailaddr.h"
#include "util/utf8.h"

const char *mail_err_sv(int err)
{
	switch (err) {
	case MAIL_OK: return "Meddelandet är klart.";
	case MAIL_ERR_TO: return "Mottagarens e-postadress är inte giltig (radbrytningar och "
	    "styrtecken är inte tillåtna).";
	case MAIL_ERR_FROM: return "Avsändarens e-postadress är inte giltig. Kontrollera "
	    "mail_from och mail_reply_to i hcweb.conf.";
	case MAIL_ERR_SUBJECT: return "Ämnesraden får inte vara tom, inte vara längre än 900 "
	    "byte och inte innehålla radbrytningar eller styrtecken.";
	case MAIL_ERR_NAME: return "Namnet får inte innehålla radbrytningar eller styrtecken "
	    "och får vara högst 200 byte.";
	case MAIL_ERR_HEADER: return "Ett brevhuvud är inte tillåtet (radbrytningar och "
	    "styrtecken är förbjudna).";
	case MAIL_ERR_BODY: return "Brevets text saknas, är för lång eller är inte giltig UTF-8.";
	case MAIL_ERR_STORE: return "Brevet kunde inte läggas i utkorgen (databasfel).";
	default: return "Brevet kunde inte skapas.";
	}
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
	g_mime_init();
}

void mailmsg_init(void)
{
	pthread_once(&once, init_once);
}

/* Headers the builder writes itself; an extra header may not set them. */
static bool reserved(const char *name)
{
	static const char *const own[] = {
		"From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID",
		"MIME-Version", "Sender", "Return-Path", "Received",
	};
	size_t i;

	if (strncasecmp(name, "Content-", 8) == 0)
		return true;
	for (i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcasecmp(name, own[i]) == 0)
			return true;
	return false;
}

/* Every check of m, before anything reaches GMime. */
static int check(const struct mail_msg *m)
{
	size_t i;

	if (mailaddr_check(m->to_addr) != MA_OK)
		return MAIL_ERR_TO;
	if (mailaddr_check(m->from_addr) != MA_OK ||
	    (m->reply_to != NULL && mailaddr_check(m->reply_to) != MA_OK))
		return MAIL_ERR_FROM;
	if ((m->from_name && mail_header_check(m->from_name, MAIL_NAME_MAX) != MA_OK) ||
	    (m->to_name && mail_header_check(m->to_name, MAIL_NAME_MAX) != MA_OK))
		return MAIL_ERR_NAME;
	if (m->subject == NULL || m->subject[0] == '\0' ||
	    mail_header_check(m->subject, MAIL_HEADER_MAX) != MA_OK)
		return MAIL_ERR_SUBJECT;
	if (m->nheaders > MAIL_MAX_HEADERS || (m->nheaders > 0 && m->headers == NULL))
		return MAIL_ERR_HEADER;
	for (i = 0; i < m->nheaders; i++)
		if (!mail_header_name_ok(m->headers[i].name) || reserved(m->headers[i].name) ||
		    mail_header_check(m->headers[i].value, MAIL_HEADER_MAX) != MA_OK)
			return MAIL_ERR_HEADER;
	if (m->text == NULL || strlen(m->text) > MAIL_BODY_MAX ||
	    !utf8_valid(m->text, strlen(m->text)) ||
	    (m->html != NULL && (strlen(m->html) > MAIL_BODY_MAX ||
	    !utf8_valid(m->html, strlen(m->html)))))
		return MAIL_ERR_BODY;
	if (m->attach_name != NULL &&
	    (m->attach_data == NULL || m->attach_len > MAIL_BODY_MAX || m->attach_type == NULL ||
	    mail_header_check(m->attach_name, 200) != MA_OK || m->attach_name[0] == '\0' ||
	    mail_header_check(m->attach_type, 200) != MA_OK || !strchr(m->attach_type, '/')))
		return MAIL_ERR_BODY;
	if (m->msgid_domain == NULL || mail_header_check(m->msgid_domain, 253) != MA_OK ||
	    m->msgid_domain[0] == '\0')
		return MAIL_ERR_INTERNAL;
	return MAIL_OK;
}

/* True when s is printable ASCII (a structured value such as <https://...>). */
static bool plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* Adds an extra header. A printable ASCII value is written as given (GMime
 * would RFC 2047-encode a long value without spaces to fold it, which breaks
 * a List-Unsubscribe URL); anything else is encoded. Values are at most
 * MAIL_HEADER_MAX bytes, so the line stays under 998. */
static void extra_header(GMimeMessage *msg, const struct mail_header *h)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(GMIME_OBJECT(msg));
	GMimeHeader *hd;
	char *raw;

	g_mime_object_append_header(GMIME_OBJECT(msg), h->name, h->value, "utf-8");
	if (!plain_ascii(h->value))
		return;
	hd = g_mime_header_list_get_header_at(list, g_mime_header_list_get_count(list) - 1);
	raw = g_strdup_printf(" %s\n", h->value);
	g_mime_header_set_raw_value(hd, raw);
	g_free(raw);
}

/* A part holding len bytes of data, encoded with enc. */
static GMimePart *part_new(const char *type, const char *subtype, const char *data,
    size_t len, GMimeContentEncoding enc)
{
	GMimePart *p;
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(data, len);
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s,
	    GMIME_CONTENT_ENCODING_DEFAULT);

	if (strcmp(type, "text") == 0) {
		GMimeTextPart *t = g_mime_text_part_new_with_subtype(subtype);

		g_mime_text_part_set_charset(t, "utf-8");
		p = GMIME_PART(t);
	} else {
		p = g_mime_part_new_with_type(type, subtype);
	}
	g_mime_part_set_content(p, w);
	g_mime_part_set_content_encoding(p, enc);
	g_object_unref(w);
	g_object_unref(s);
	return p;
}

/* The attachment: type "a/b; k=v" split by GMime's parser. */
static GMimePart *attachment(const struct mail_msg *m)
{
	GMimeContentType *ct = g_mime_content_type_parse(NULL, m->attach_type);
	GMimePart *p;

	if (ct == NULL)
		return NULL;
	p = g_mime_part_new_with_type(g_mime_content_type_get_media_type(ct),
	    g_mime_content_type_get_media_subtype(ct));
	g_mime_object_set_content_type(GMIME_OBJECT(p), ct);
	g_object_unref(ct);
	{
		GMimeStream *s = g_mime_stream_mem_new_with_buffer(m->attach_data, m->attach_len);
		GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s,
		    GMIME_CONTENT_ENCODING_DEFAULT);

		g_mime_part_set_content(p, w);
		g_object_unref(w);
		g_object_unref(s);
	}
	g_mime_part_set_content_encoding(p, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_part_set_filename(p, m->attach_name);
	return p;
}

/* The body: text alone, or text and HTML as alternatives, plus the attachment. */
static GMimeObject *body(const struct mail_msg *m)
{
	GMimeObject *main;
	GMimeMultipart *mixed;
	GMimePart *att;

	main = GMIME_OBJECT(part_new("text", "plain", m->text, strlen(m->text),
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
	if (m->html != NULL) {
		GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
		GMimePart *h = part_new("text", "html", m->html, strlen(m->html),
		    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

		g_mime_multipart_add(alt, main);
		g_mime_multipart_add(alt, GMIME_OBJECT(h));
		g_object_unref(main);
		g_object_unref(h);
		main = GMIME_OBJECT(alt);
	}
	if (m->attach_name == NULL)
		return main;
	if ((att = attachment(m)) == NULL) {
		g_object_unref(main);
		return NULL;
	}
	mixed = g_mime_multipart_new_with_subtype("mixed");
	g_mime_multipart_add(mixed, main);
	g_mime_multipart_add(mixed, GMIME_OBJECT(att));
	g_object_unref(main);
	g_object_unref(att);
	return GMIME_OBJECT(mixed);
}

/* Writes msg with CRLF line ends into a malloc'd buffer. */
static int serialize(GMimeMessage *msg, char **out, size_t *len)
{
	GMimeFormatOptions *fo = g_mime_format_options_new();
	GMimeStream *s = g_mime_stream_mem_new();
	GByteArray *bytes;
	int rc = MAIL_ERR_INTERNAL;

	g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
	if (g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, s) < 0)
		goto out;
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(s));
	if ((*out = malloc(bytes->len + 1)) == NULL)
		goto out;
	memcpy(*out, bytes->data, bytes->len);
	(*out)[bytes->len] = '\0';
	*len = bytes->len;
	rc = MAIL_OK;
out:
	g_object_unref(s);
	g_mime_format_options_free(fo);
	return rc;
}

int mailmsg_build(const struct mail_msg *m, char **out, size_t *len)
{
	GMimeMessage *msg;
	GMimeObject *b;
	GDateTime *now;
	char *id;
	size_t i;
	int rc;

	*out = NULL;
	*len = 0;
	if ((rc = check(m)) != MAIL_OK)
		return rc;
	mailmsg_init();
	msg = g_mime_message_new(TRUE);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name ? m->from_name : "",
	    m->from_addr);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, m->to_name ? m->to_name : "",
	    m->to_addr);
	if (m->reply_to != NULL)
		g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_REPLY_TO, "", m->reply_to);
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	now = g_date_time_new_now_local();
	g_mime_message_set_date(msg, now);
	g_date_time_unref(now);
	id = g_mime_utils_generate_message_id(m->msgid_domain);
	g_mime_message_set_message_id(msg, id);
	g_free(id);
	for (i = 0; i < m->nheaders; i++)
		extra_header(msg, &m->headers[i]);
	if ((b = body(m)) == NULL) {
		rc = MAIL_ERR_BODY;
		goto out;
	}
	g_mime_message_set_mime_part(msg, b);
	g_object_unref(b);
	rc = serialize(msg, out, len);
out:
	g_object_unref(msg);
	return rc;
}
