/* response.c: headers common to every response, the layout, the error page. */
#include "http/response.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/config.h"
#include "util/log.h"
#include "util/timefmt.h"
#include "http/pagecache.h"
#include "http/route.h"

static const char security_headers[] =
	"Content-Security-Policy: default-src 'none'; style-src 'self'; "
	"img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: strict-origin-when-cross-origin\r\n"
	"X-Frame-Options: DENY\r\n";
/* The same for r->mail_preview: an HTML mail carries its CSS in style attributes. */
static const char mail_preview_headers[] =
	"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; "
	"img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: no-referrer\r\n"
	"X-Frame-Options: DENY\r\n";
/* The desk's pages may load the editor's script from /static/ (never inline). */
static const char desk_headers[] =
	"Content-Security-Policy: default-src 'none'; style-src 'self'; "
	"img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; "
	"base-uri 'none'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: strict-origin-when-cross-origin\r\n"
	"X-Frame-Options: DENY\r\n";

/* The main navigation, in order. */
static const struct { const char *href, *label; } nav_items[] = {
	{ "/nyheter", "Nyheter" },
	{ "/evenemang", "Evenemang" },
	{ "/medlemmar", "Medlemmar" },
	{ "/om", "Om nätverket" },
};

const char *http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

void resp_header(struct req *r, const char *name, const char *value)
{
	char *line;
	size_t len;

	if (strpbrk(value, "\r\n") != NULL) {
		log_msg("dropped header %s with CR/LF", name);
		return;
	}
	line = arena_printf(r->a, "%s: %s\r\n", name, value);
	len = strlen(line);
	if (r->headers == NULL) {
		r->headers = line;
	} else {
		char *joined = arena_alloc(r->a, r->hlen + len + 1);
		memcpy(joined, r->headers, r->hlen);
		memcpy(joined + r->hlen, line, len + 1);
		r->headers = joined;
	}
	r->hlen += len;
}

void resp_write_expiry(struct req *r)
{
	char line[48];
	int n = snprintf(line, sizeof line, "X-Accel-Expires: @%lld\r\n", (long long)time(NULL));

	r->write(r->io, line, (size_t)n);
}

void resp_send(struct req *r, int status, const char *ctype, const char *body,
    size_t len)
{
	char head[1024];
	int n;

	if (r->sent)
		return;
	r->sent = true;
	r->status = status;
	n = snprintf(head, sizeof head,
	    "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	    "Cache-Control: %s\r\n%s",
	    status, http_reason(status), ctype, len,
	    r->no_store ? "no-store" : "no-cache",
	    r->mail_preview ? mail_preview_headers :
	    r->desk_script ? desk_headers : security_headers);
	r->write(r->io, head, (size_t)n);
	if (r->hlen)
		r->write(r->io, r->headers, r->hlen);
	if (!r->no_store)
		resp_write_expiry(r);
	r->write(r->io, "\r\n", 2);
	if (r->method != M_HEAD && len)
		r->write(r->io, body, len);
	if (r->cache_store && status == 200)
		pagecache_store(r->pages, r, head, (size_t)n, r->headers, r->hlen, body, len);
}

tdict *page_begin(struct req *r, const char *tpl, const char *title, const char *nav)
{
	tdict *d = tdict_new();
	size_t i;

	if (d == NULL)
		return NULL;
	r->layout = d;
	r->page_tpl = tpl;
	tdict_set(d, "PAGE_TITLE", title);
	tdict_set(d, "SITE_NAME", r->cfg->site_name);
	tdict_set(d, "CONTACT_EMAIL", r->cfg->contact_email);
	/* The head's defaults; a page may say more (public/page_meta.c). */
	tdict_set(d, "CANONICAL", arena_printf(r->a, "%s%s", r->cfg->site_url, r->path));
	tdict_set(d, "OG_TYPE", "website");
	tdict_set(d, "META_DESCRIPTION", "Healthy Cities Sverige är det svenska nätverket inom "
	    "WHO:s europeiska nätverk Healthy Cities: kommuner och regioner som arbetar "
	    "tillsammans för jämlik hälsa och hållbar utveckling.");
	for (i = 0; i < sizeof nav_items / sizeof nav_items[0]; i++) {
		tdict *item = tdict_section(d, "NAV");
		tdict_set(item, "HREF", nav_items[i].href);
		tdict_set(item, "LABEL", nav_items[i].label);
		if (nav != NULL && strcmp(nav, nav_items[i].href) == 0)
			tdict_show(item, "CURRENT");
	}
	return tdict_include(d, "CONTENT", tpl);
}

void page_end(struct req *r, int status)
{
	char *html = NULL;
	size_t len = 0;

	if (r->layout == NULL || tmpl_expand("layout.tpl", r->layout, &html, &len) < 0) {
		const char *tpl = r->page_tpl ? r->page_tpl : "?";

		/* Never half a page: the error page, or if that fails too, a line. */
		if (strcmp(tpl, "error.tpl") != 0) {
			resp_error(r, 500, "template %s failed", tpl);
			return;
		}
		log_msg("template %s failed", tpl);
		resp_send(r, 500, "text/plain; charset=utf-8",
		    "Ett fel uppstod.\n", 17);
		return;
	}
	resp_send(r, status, "text/html; charset=utf-8", html, len);
	free(html);
}

/* The reader's message for each status. */
static void error_text(int status, const char **heading, const char **message)
{
	switch (status) {
	case 400:
		*heading = "Felaktig begäran";
		*message = "Adressen eller formuläret innehåller något som inte kan tolkas.";
		break;
	case 403:
		*heading = "Åtkomst nekad";
		*message = "Du har inte behörighet att göra detta. Ladda om sidan och försök igen.";
		break;
	case 404:
		*heading = "Sidan finns inte";
		*message = "Sidan du söker finns inte, eller har flyttats.";
		break;
	case 405:
		*heading = "Metoden är inte tillåten";
		*message = "Sidan kan inte användas på det sättet.";
		break;
	case 413:
		*heading = "För stor begäran";
		*message = "Det du skickade är större än vad webbplatsen tar emot.";
		break;
	case 414:
		*heading = "För lång adress";
		*message = "Adressen är för lång.";
		break;
	case 429:
		*heading = "För många försök";
		*message = "Vänta en stund och försök sedan igen.";
		break;
	default:
		*heading = "Ett fel uppstod";
		*message = "Något gick fel hos oss. Försök igen om en stund.";
		break;
	}
}

void resp_error(struct req *r, int status, const char *fmt, ...)
{
	const char *heading, *message;
	va_list ap;
	tdict *d;

	va_start(ap, fmt);
	log_msg("%d %s %s: %s", status, r->method_name ? r->method_name : "-",
	    r->path ? r->path : "-", arena_vprintf(r->a, fmt, ap));
	va_end(ap);
	error_text(status, &heading, &message);
	if (r->error_message != NULL)
		message = r->error_message;
	if (r->layout != NULL) {
		tdict_free(r->layout);
		r->layout = NULL;
	}
	if ((d = page_begin(r, "error.tpl", heading, NULL)) == NULL) {
		resp_send(r, status, "text/plain; charset=utf-8", message, strlen(message));
		return;
	}
	tdict_set_int(d, "STATUS", status);
	tdict_set(d, "HEADING", heading);
	tdict_set(d, "MESSAGE", message);
	page_end(r, status);
}

void resp_redirect(struct req *r, const char *location)
{
	if (location[0] != '/' || location[1] == '/') {
		resp_error(r, 500, "refused redirect to %s", location);
		return;
	}
	/* A create form's one-time key commits with what it made, before the
	 * 303 says it is saved (formonce.c). */
	if (form_once_commit(r, location) < 0) {
		r->error_message = "Det gick inte att spara just nu på grund av ett fel hos oss. "
		    "Ingenting är sparat. Gå tillbaka i webbläsaren, där din text finns kvar, "
		    "och försök igen om en stund.";
		resp_error(r, 503, "create: commit failed");
		return;
	}
	resp_header(r, "Location", location);
	r->location = location;
	resp_send(r, 303, "text/plain; charset=utf-8", "", 0);
}

/* True when If-None-Match names etag (or is "*"). */
static bool etag_matches(const char *header, const char *etag)
{
	size_t n = strlen(etag);
	const char *p;

	if (header == NULL)
		return false;
	if (strcmp(header, "*") == 0)
		return true;
	for (p = strstr(header, etag); p != NULL; p = strstr(p + 1, etag))
		if ((p == header || p[-1] == ' ' || p[-1] == ',' || p[-1] == '/') &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return true;
	return false;
}

bool resp_not_modified(struct req *r, const char *etag, time_t last_modified)
{
	char date[TIME_RFC822_LEN];
	time_t since;

	resp_header(r, "ETag", etag);
	if (last_modified > 0) {
		time_format_http(last_modified, date);
		resp_header(r, "Last-Modified", date);
	}
	if (r->if_none_match != NULL)
		return etag_matches(r->if_none_match, etag);
	return last_modified > 0 && time_parse_http(r->if_modified_since, &since) == 0 &&
	    last_modified <= since;
}

void resp_etag(const char *body, size_t len, char etag[RESP_ETAG_LEN])
{
	unsigned long long h = 14695981039346656037ULL;   /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)body[i]) * 1099511628211ULL;
	snprintf(etag, RESP_ETAG_LEN, "\"%016llx\"", h);
}
