/* linkcheck.c: HEAD (then GET) on many links with curl multi: a few at a time, one per host, spaced. */
#include "net/linkcheck.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "net/httpc.h"

#define HOST_MAX 256

struct slot {
	CURL *h;
	size_t idx;              /* which link */
	bool get;                /* the GET after a refused HEAD */
	char host[HOST_MAX];
};

struct host {
	char name[HOST_MAX];
	bool busy;
	long long next_ms;       /* not before */
};

struct run {
	const struct linkcheck_opts *o;
	struct link_result *links;
	size_t n, next;          /* links handed out so far (in order, skipping waiting hosts) */
	bool *started;
	size_t *hidx;            /* each link's host in hosts */
	struct host *hosts;
	size_t nhosts;
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void host_of(const char *url, char *out)
{
	CURLU *u = curl_url();
	char *h = NULL;

	out[0] = '\0';
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && strlen(h) < HOST_MAX)
		strcpy(out, h);
	curl_free(h);
	curl_url_cleanup(u);
}

static struct host *host_get(struct run *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nhosts; i++)
		if (strcasecmp(r->hosts[i].name, name) == 0)
			return &r->hosts[i];
	strcpy(r->hosts[r->nhosts].name, name);
	return &r->hosts[r->nhosts++];
}

/* The body of a GET is not wanted: stop at the first bytes. */
static size_t discard(char *p, size_t size, size_t n, void *ud)
{
	(void)p; (void)size; (void)n; (void)ud;
	return 0;
}

static void start(struct run *r, CURLM *m, struct slot *s, size_t idx, bool get)
{
	struct host *h;

	s->idx = idx;
	s->get = get;
	h = &r->hosts[r->hidx[idx]];
	strcpy(s->host, h->name[0] ? h->name : "-");
	h->busy = true;
	curl_easy_reset(s->h);
	curl_easy_setopt(s->h, CURLOPT_URL, r->links[idx].url);
	curl_easy_setopt(s->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(s->h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(s->h, CURLOPT_USERAGENT, HTTPC_USER_AGENT);
	curl_easy_setopt(s->h, CURLOPT_NOBODY, get ? 0L : 1L);
	curl_easy_setopt(s->h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(s->h, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(s->h, CURLOPT_TIMEOUT_MS, r->o->timeout_ms);
	curl_easy_setopt(s->h, CURLOPT_CONNECTTIMEOUT_MS, r->o->timeout_ms);
	curl_easy_setopt(s->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(s->h, CURLOPT_PRIVATE, s);
	curl_multi_add_handle(m, s->h);
}

static const char *error_word(CURLcode c)
{
	switch (c) {
	case CURLE_OK: case CURLE_WRITE_ERROR:
		return "";
	case CURLE_OPERATION_TIMEDOUT:
		return "timeout";
	case CURLE_COULDNT_RESOLVE_HOST:
		return "dns";
	case CURLE_COULDNT_CONNECT:
		return "connect";
	case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION:
		return "tls";
	default:
		return "other";
	}
}

/* A finished request: records it, or asks for the GET. Returns true when a GET should follow. */
static bool finish(struct run *r, struct slot *s, CURLcode c)
{
	struct link_result *l = &r->links[s->idx];
	struct host *h = &r->hosts[r->hidx[s->idx]];
	long status = 0;

	h->busy = false;
	h->next_ms = now_ms() + r->o->host_gap_ms;
	curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &status);
	l->error = error_word(c);
	l->status = l->error[0] ? 0 : status;
	if (!s->get && ((l->error[0] && strcmp(l->error, "dns") != 0 && strcmp(l->error, "timeout") != 0) ||
	    status == 405 || status == 501 || status == 403 || status == 400))
		return true;
	l->checked = true;
	l->broken = l->status == 404 || l->status == 410 || strcmp(l->error, "dns") == 0 ||
	    strcmp(l->error, "timeout") == 0;
	return false;
}

/* The next link whose host is free and rested, or n. */
static size_t pick(struct run *r, long long now)
{
	size_t i;

	for (i = r->next; i < r->n; i++) {
		const struct host *h = &r->hosts[r->hidx[i]];

		if (!r->started[i] && !h->busy && h->next_ms <= now)
			return i;
	}
	return r->n;
}

int linkcheck_run(const struct linkcheck_opts *in, struct link_result *links, size_t n)
{
	struct linkcheck_opts o = *in;
	struct run r = { &o, links, n, 0, NULL, NULL, NULL, 0 };
	struct slot *slots;
	CURLM *m;
	long long deadline;
	int i, active = 0, rc = -1;

	o.parallel = o.parallel > 0 ? o.parallel : 4;
	o.host_gap_ms = o.host_gap_ms >= 0 ? o.host_gap_ms : 1000;
	o.timeout_ms = o.timeout_ms > 0 ? o.timeout_ms : 10000;
	o.deadline_ms = o.deadline_ms > 0 ? o.deadline_ms : 600000;
	deadline = now_ms() + o.deadline_ms;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	r.started = calloc(n + 1, sizeof *r.started);
	r.hosts = calloc(n + 1, sizeof *r.hosts);
	r.hidx = calloc(n + 1, sizeof *r.hidx);
	slots = calloc((size_t)o.parallel, sizeof *slots);
	m = curl_multi_init();
	if (r.started == NULL || r.hosts == NULL || r.hidx == NULL || slots == NULL || m == NULL)
		goto out;
	for (size_t k = 0; k < n; k++) {
		char host[HOST_MAX];

		host_of(links[k].url, host);
		r.hidx[k] = (size_t)(host_get(&r, host) - r.hosts);
	}
	for (i = 0; i < o.parallel; i++)
		if ((slots[i].h = curl_easy_init()) == NULL)
			goto out;
	for (size_t k = 0; k < n; k++)
		links[k] = (struct link_result){ .url = links[k].url, .error = "" };
	for (;;) {
		long long now = now_ms();
		CURLMsg *msg;
		int left, still;
		bool freed;

		/* Fill free slots while there is time. */
		for (i = 0; i < o.parallel && now < deadline; i++) {
			size_t k;

			if (slots[i].host[0] || (k = pick(&r, now)) == n)
				continue;
			r.started[k] = true;
			while (r.next < n && r.started[r.next])
				r.next++;
			start(&r, m, &slots[i], k, false);
			active++;
		}
		if (active == 0 && (r.next >= n || now >= deadline))
			break;
		curl_multi_perform(m, &still);
		freed = false;
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			struct slot *s;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
			curl_multi_remove_handle(m, s->h);
			if (finish(&r, s, msg->data.result)) {
				r.hosts[r.hidx[s->idx]].next_ms = 0;
				start(&r, m, s, s->idx, true);
				continue;
			}
			s->host[0] = '\0';
			active--;
			freed = true;
		}
		/* A free slot is filled at once; otherwise wait for sockets, or for
		 * the next host to be rested. */
		if (!freed)
			curl_multi_poll(m, NULL, 0, active ? 50 : 10, NULL);
	}
	rc = 0;
out:
	for (i = 0; slots && i < o.parallel; i++)
		if (slots[i].h)
			curl_easy_cleanup(slots[i].h);
	if (m)
		curl_multi_cleanup(m);
	free(slots);
	free(r.started);
	free(r.hosts);
	free(r.hidx);
	return rc;
}
