/* smtp.c: one message at a time over SMTP with libcurl (STARTTLS required unless configured otherwise). */
#include "net/deliver.h"

#include <curl/curl.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

struct smtp {
	CURL *curl;
	char url[600];
	char from[300];
	volatile sig_atomic_t *stop;
	/* the message being read by curl */
	const char *msg;
	size_t len, off;
	bool data_done;             /* curl has read the whole message */
	bool accepted;              /* the server said 250 after it */
	const struct accept_hook *hook;
	/* the last reply line the server sent, and the last 4xx/5xx one (curl
	 * sends QUIT after a refusal, so its "221" comes last) */
	char reply[DELIVER_REPLY_MAX + 1];
	char refusal[DELIVER_REPLY_MAX + 1];
};

/* Reads the password: the first line of the file, without its line end. */
static int read_password(const char *path, char *buf, size_t n, char *err, size_t en)
{
	FILE *f = fopen(path, "r");
	size_t len;

	if (f == NULL || fgets(buf, (int)n, f) == NULL) {
		snprintf(err, en, "smtp_password_file %s cannot be read", path);
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	len = strcspn(buf, "\r\n");
	buf[len] = '\0';
	return 0;
}

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct smtp *s = arg;
	size_t n = size * nmemb;

	if (n > s->len - s->off)
		n = s->len - s->off;
	memcpy(buf, s->msg + s->off, n);
	s->off += n;
	if (n == 0)
		s->data_done = true;
	return n;
}

/* Keeps the last reply line (curl shows replies only to its debug function),
 * with anything but printable ASCII replaced. */
static int debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *arg)
{
	struct smtp *s = arg;
	size_t i, start = 0, j, len;

	(void)c;
	if (type != CURLINFO_HEADER_IN)
		return 0;
	for (i = 0; i <= size; i++) {
		if (i < size && data[i] != '\n')
			continue;
		len = i - start;
		while (len > 0 && (data[start + len - 1] == '\r'))
			len--;
		if (len >= 3 && isdigit((unsigned char)data[start])) {
			if (len > DELIVER_REPLY_MAX)
				len = DELIVER_REPLY_MAX;
			for (j = 0; j < len; j++) {
				unsigned char ch = (unsigned char)data[start + j];

				s->reply[j] = ch >= 32 && ch < 127 ? (char)ch : '?';
			}
			s->reply[len] = '\0';
			if (s->reply[0] == '4' || s->reply[0] == '5')
				memcpy(s->refusal, s->reply, len + 1);
			/* The reply to the data: acceptance is recorded now, before
			 * curl even returns. */
			if (s->data_done && !s->accepted && len >= 4 &&
			    strncmp(s->reply, "250 ", 4) == 0) {
				s->accepted = true;
				if (s->hook != NULL)
					s->hook->fn(s->hook->arg, s->reply);
			}
		}
		start = i + 1;
	}
	return 0;
}

static int progress_cb(void *arg, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
	struct smtp *s = arg;

	(void)a, (void)b, (void)c, (void)d;
	return s->stop != NULL && *s->stop;
}

struct smtp *smtp_open(const struct config *cfg, volatile sig_atomic_t *stop, char *err,
    size_t n)
{
	static const char *scheme;
	struct smtp *s = calloc(1, sizeof *s);
	char pw[512];
	bool tls = strcmp(cfg->smtp_tls, "none") != 0;

	if (s == NULL) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	scheme = strcmp(cfg->smtp_tls, "smtps") == 0 ? "smtps" : "smtp";
	snprintf(s->url, sizeof s->url, "%s://%s:%d", scheme, cfg->smtp_host, cfg->smtp_port);
	snprintf(s->from, sizeof s->from, "<%s>", cfg->mail_from);
	s->stop = stop;
	if ((s->curl = curl_easy_init()) == NULL) {
		snprintf(err, n, "curl_easy_init failed");
		free(s);
		return NULL;
	}
	curl_easy_setopt(s->curl, CURLOPT_URL, s->url);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, s->from);
	curl_easy_setopt(s->curl, CURLOPT_USE_SSL, tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (cfg->smtp_ca_file[0])
		curl_easy_setopt(s->curl, CURLOPT_CAINFO, cfg->smtp_ca_file);
	if (cfg->smtp_user[0]) {
		if (read_password(cfg->smtp_password_file, pw, sizeof pw, err, n) < 0) {
			smtp_close(s);
			return NULL;
		}
		curl_easy_setopt(s->curl, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(s->curl, CURLOPT_PASSWORD, pw);   /* curl keeps a copy */
		memset(pw, 0, sizeof pw);
	}
	curl_easy_setopt(s->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(s->curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
	curl_easy_setopt(s->curl, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(s->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->curl, CURLOPT_TIMEOUT, (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_CONNECTTIMEOUT,
	    (long)(cfg->smtp_timeout < 10 ? cfg->smtp_timeout : 10));
	return s;
}

enum deliver_result smtp_send(struct smtp *s, const char *rcpt, const char *msg, size_t len,
    const struct accept_hook *hook, char *reply)
{
	struct curl_slist *to = NULL;
	char addr[300];
	long code = 0;
	CURLcode rc;
	enum deliver_result res;

	snprintf(addr, sizeof addr, "<%s>", rcpt);
	if ((to = curl_slist_append(NULL, addr)) == NULL) {
		snprintf(reply, DELIVER_REPLY_MAX + 1, "out of memory");
		return DELIVER_TEMP;
	}
	s->msg = msg;
	s->len = len;
	s->off = 0;
	s->data_done = s->accepted = false;
	s->hook = hook;
	s->reply[0] = s->refusal[0] = '\0';
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(s->curl);
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(to);
	if (!s->accepted && rc == CURLE_OK && code == 250) {
		s->accepted = true;   /* a reply the debug function did not see whole */
		if (hook != NULL)
			hook->fn(hook->arg, s->reply);
	}
	if (s->accepted)
		res = DELIVER_OK;     /* whatever came after (a lost QUIT) */
	else if (rc != CURLE_OK && rc != CURLE_OPERATION_TIMEDOUT && rc != CURLE_LOGIN_DENIED &&
	    rc != CURLE_ABORTED_BY_CALLBACK && code >= 500 && code < 600)
		res = DELIVER_PERM;
	else
		res = DELIVER_TEMP;
	if (res == DELIVER_OK)
		snprintf(reply, DELIVER_REPLY_MAX + 1, "%s", s->reply);
	else if (rc != CURLE_OPERATION_TIMEDOUT && s->refusal[0])
		snprintf(reply, DELIVER_REPLY_MAX + 1, "%s", s->refusal);
	else
		snprintf(reply, DELIVER_REPLY_MAX + 1, "%.120s (%.160s)", curl_easy_strerror(rc),
		    s->reply[0] ? s->reply : "inget svar");
	return res;
}

void smtp_close(struct smtp *s)
{
	if (s == NULL)
		return;
	if (s->curl)
		curl_easy_cleanup(s->curl);
	free(s);
}
