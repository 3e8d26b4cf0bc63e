/* httpc.c: one HTTP GET or HEAD through libcurl, with the limits and retries an admin tool needs. */
#include "net/httpc.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/log.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_start(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

void httpc_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (ms > 0 && nanosleep(&ts, &ts) != 0)
		;
}

/* One request's state for the callbacks. */
struct xfer {
	struct httpc_resp *r;
	size_t max;
	bool too_large;
	long retry_after;       /* seconds, -1 none */
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	struct httpc_resp *r = x->r;
	size_t len = size * n;
	char *nb;

	if (r->len + len > x->max) {
		x->too_large = true;
		return 0;
	}
	if ((nb = realloc(r->body, r->len + len + 1)) == NULL)
		return 0;
	memcpy(nb + r->len, p, len);
	r->len += len;
	nb[r->len] = '\0';
	r->body = nb;
	return len;
}

/* Finds <URL> with rel="https://api.w.org/" in a Link header's value. */
static char *api_link(const char *v, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t open, close, end;

		while (i < n && v[i] != '<')
			i++;
		if (i >= n)
			break;
		open = i + 1;
		for (close = open; close < n && v[close] != '>'; close++)
			;
		if (close >= n)
			break;
		for (end = close; end < n && !(v[end] == ',' && end + 1 < n); end++)
			if (v[end] == '<')
				break;
		if (memmem(v + close, end - close, "rel=\"https://api.w.org/\"", 24) != NULL ||
		    memmem(v + close, end - close, "rel=https://api.w.org/", 22) != NULL)
			return strndup(v + open, close - open);
		i = end;
	}
	return NULL;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n, k;
	const char *v;

	for (k = 0; k < len && p[k] != ':'; k++)
		;
	if (k == len)
		return len;
	v = p + k + 1;
	while (v < p + len && (*v == ' ' || *v == '\t'))
		v++;
	if (k == 4 && strncasecmp(p, "link", 4) == 0 && x->r->api_link == NULL)
		x->r->api_link = api_link(v, (size_t)(p + len - v));
	else if (k == 15 && strncasecmp(p, "x-wp-totalpages", 15) == 0)
		x->r->total_pages = strtol(v, NULL, 10);
	else if (k == 10 && strncasecmp(p, "x-wp-total", 10) == 0)
		x->r->total = strtol(v, NULL, 10);
	else if (k == 11 && strncasecmp(p, "retry-after", 11) == 0 && *v >= '0' && *v <= '9')
		x->retry_after = strtol(v, NULL, 10);
	return len;
}

static const char *error_word(CURLcode c, bool too_large)
{
	if (too_large || c == CURLE_FILESIZE_EXCEEDED)
		return "too large";
	switch (c) {
	case CURLE_OPERATION_TIMEDOUT:
		return "timeout";
	case CURLE_COULDNT_RESOLVE_HOST:
		return "dns";
	case CURLE_COULDNT_CONNECT:
		return "connect";
	case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CIPHER: case CURLE_SSL_CACERT_BADFILE:
		return "tls";
	default:
		return "other";
	}
}

/* Errors worth another try: the server or the way to it may recover. */
static bool transient(CURLcode c)
{
	return c == CURLE_OPERATION_TIMEDOUT || c == CURLE_COULDNT_CONNECT ||
	    c == CURLE_GOT_NOTHING || c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR ||
	    c == CURLE_PARTIAL_FILE;
}

static void reset_answer(struct httpc_resp *r)
{
	free(r->body);
	free(r->content_type);
	free(r->api_link);
	free(r->location);
	r->body = r->content_type = r->api_link = r->location = NULL;
	r->len = 0;
	r->status = 0;
	r->total_pages = r->total = -1;
	r->error[0] = '\0';
}

static void setup(CURL *c, const struct httpc_opts *o, const char *url, bool head,
    struct xfer *x)
{
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, HTTPC_USER_AGENT);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o->connect_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o->total_ms);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(c, CURLOPT_NOBODY, head ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
	if (o->userpwd != NULL) {
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERPWD, o->userpwd);
	}
}

/* One request to url, following same-site redirects. Returns the curl code. */
static CURLcode one_try(CURL *c, const struct httpc_opts *o, const char *url, bool head,
    struct httpc_resp *out, long *retry_after)
{
	char *cur = strdup(url);
	int hops = 0;
	CURLcode rc = CURLE_OUT_OF_MEMORY;

	while (cur != NULL) {
		struct xfer x = { out, o->max_bytes, false, -1 };
		char *next = NULL, *ct = NULL;

		reset_answer(out);
		setup(c, o, cur, head, &x);
		rc = curl_easy_perform(c);
		*retry_after = x.retry_after;
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
		if (rc != CURLE_OK) {
			snprintf(out->error, sizeof out->error, "%s", error_word(rc, x.too_large));
			out->status = 0;
			break;
		}
		if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
			out->content_type = strdup(ct);
		if (out->status < 300 || out->status > 399 ||
		    curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &next) != CURLE_OK || next == NULL)
			break;
		if (!httpc_same_site(url, next)) {
			out->location = strdup(next);
			snprintf(out->error, sizeof out->error, "redirect to another site");
			break;
		}
		if (++hops > o->max_redirects) {
			snprintf(out->error, sizeof out->error, "too many redirects");
			break;
		}
		free(cur);
		cur = strdup(next);
	}
	free(cur);
	return rc;
}

int httpc_fetch(const struct httpc_opts *in, const char *url, bool head,
    struct httpc_resp *out)
{
	struct httpc_opts o = *in;
	CURL *c;
	long wait, retry_after;
	int attempt;
	CURLcode rc = CURLE_OK;

	pthread_once(&curl_once, curl_start);
	memset(out, 0, sizeof *out);
	out->total_pages = out->total = -1;
	o.connect_ms = o.connect_ms ? o.connect_ms : 10000;
	o.total_ms = o.total_ms ? o.total_ms : 60000;
	o.max_bytes = o.max_bytes ? o.max_bytes : (32u << 20);
	o.retries = o.retries < 0 ? 0 : o.retries ? o.retries : 3;
	o.backoff_ms = o.backoff_ms ? o.backoff_ms : 500;
	o.max_wait_ms = o.max_wait_ms ? o.max_wait_ms : 30000;
	o.max_redirects = o.max_redirects < 0 ? 0 : o.max_redirects ? o.max_redirects : 5;
	if ((c = curl_easy_init()) == NULL) {
		snprintf(out->error, sizeof out->error, "other");
		return -1;
	}
	wait = o.backoff_ms;
	for (attempt = 0; ; attempt++) {
		bool again;

		out->tries = attempt + 1;
		rc = one_try(c, &o, url, head, out, &retry_after);
		again = rc == CURLE_OK ? (out->status == 429 || out->status >= 500) : transient(rc);
		if (!again || attempt >= o.retries)
			break;
		if (retry_after >= 0 && rc == CURLE_OK)
			wait = retry_after * 1000 > o.max_wait_ms ? o.max_wait_ms : retry_after * 1000;
		log_msg("fetch %s: %s, try %d again in %ld ms", url,
		    rc == CURLE_OK ? "server busy or failing" : out->error, attempt + 2, wait);
		httpc_sleep_ms(wait);
		wait = wait * 2 > o.max_wait_ms ? o.max_wait_ms : wait * 2;
	}
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

void httpc_free(struct httpc_resp *r)
{
	reset_answer(r);
}

/* Scheme, host and port of url into the three buffers. Returns 0 or -1. */
static int site_of(const char *url, char *scheme, char *host, char *port, size_t n)
{
	CURLU *u = curl_url();
	char *s = NULL, *h = NULL, *p = NULL;
	int rc = -1;

	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		snprintf(scheme, n, "%s", s);
		snprintf(host, n, "%s", h);
		snprintf(port, n, "%s", p);
		rc = 0;
	}
	curl_free(s);
	curl_free(h);
	curl_free(p);
	curl_url_cleanup(u);
	return rc;
}

bool httpc_same_site(const char *a, const char *b)
{
	char s1[256], h1[256], p1[256], s2[256], h2[256], p2[256];

	if (site_of(a, s1, h1, p1, sizeof p1) < 0 || site_of(b, s2, h2, p2, sizeof p2) < 0)
		return false;
	return strcasecmp(s1, s2) == 0 && strcasecmp(h1, h2) == 0 && strcmp(p1, p2) == 0;
}
