/* http.c: strict parsing of request targets, urlencoded data and cookies. */
#include "http/http.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

enum method http_method(const char *name)
{
	if (name == NULL)
		return M_OTHER;
	if (strcmp(name, "GET") == 0)
		return M_GET;
	if (strcmp(name, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(name, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int http_decode(struct arena *a, const char *s, size_t n, int plus_space,
    char **out, size_t *outlen)
{
	char *d = arena_alloc(a, n + 1);
	size_t i, j = 0;
	int hi, lo;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (n - i < 3)
				return -1;
			if ((hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return -1;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus_space) {
			d[j++] = ' ';
		} else {
			d[j++] = s[i];
		}
	}
	d[j] = '\0';
	if (!utf8_valid(d, j))
		return -1;
	*out = d;
	if (outlen != NULL)
		*outlen = j;
	return 0;
}

/* True when the decoded path has a "." or ".." segment. */
static bool has_dot_segment(const char *p)
{
	const char *seg = p;

	for (;;) {
		const char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);

		if ((len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return true;
		if (end == NULL)
			return false;
		seg = end + 1;
	}
}

int http_parse_target(struct arena *a, const char *target,
    const char **path, const char **query)
{
	const char *q;
	char *decoded;
	size_t plen;

	if (target == NULL || target[0] != '/')
		return HTTP_BAD;
	if (strlen(target) > HTTP_MAX_URI)
		return HTTP_TOO_LONG;
	q = strchr(target, '?');
	plen = q ? (size_t)(q - target) : strlen(target);
	if (http_decode(a, target, plen, 0, &decoded, NULL) < 0)
		return HTTP_BAD;
	/* Control characters (a decoded %0A, ESC ...) are never in our URLs and
	 * would forge lines in the log, which records the path. */
	if (strpbrk(decoded, "\\\t") != NULL || has_dot_segment(decoded) ||
	    !utf8_text_ok(decoded, strlen(decoded), false))
		return HTTP_BAD;
	*path = decoded;
	*query = q ? q + 1 : NULL;
	return HTTP_OK;
}

int http_parse_urlencoded(struct arena *a, const char *s, size_t n,
    struct kv **out, size_t *count)
{
	struct kv *kv = arena_alloc(a, sizeof *kv * HTTP_MAX_PAIRS);
	size_t c = 0, i = 0;

	while (i < n) {
		size_t end = i, eq;
		char *k, *v;
		size_t vlen;

		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			if (c == HTTP_MAX_PAIRS)
				return -1;
			for (eq = i; eq < end && s[eq] != '='; eq++)
				;
			if (http_decode(a, s + i, eq - i, 1, &k, NULL) < 0)
				return -1;
			if (eq < end) {
				if (http_decode(a, s + eq + 1, end - eq - 1, 1, &v, &vlen) < 0)
					return -1;
			} else {
				v = arena_strdup(a, "");
				vlen = 0;
			}
			kv[c++] = (struct kv){ k, v, vlen };
		}
		i = end + 1;
	}
	*out = kv;
	*count = c;
	return 0;
}

static bool is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != 0 && strchr("!#$%&'*+-.^_`|~", c));
}

/* True for a byte no cookie value of ours or anyone's should hold. */
static bool is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Reads the pair in s[0..n) ("name=value", spaces around either trimmed, a
 * quoted value unquoted) into kv. Returns 0, or -1 when it is not a pair. */
static int cookie_pair(struct arena *a, const char *s, size_t n, struct kv *kv)
{
	const char *eq = memchr(s, '=', n), *end = s + n, *v;
	size_t i;

	if (eq == NULL)
		return -1;
	while (s < eq && (*s == ' ' || *s == '\t'))
		s++;
	for (v = eq; v > s && (v[-1] == ' ' || v[-1] == '\t'); v--)
		;
	if (v == s)
		return -1;
	for (i = 0; s + i < v; i++)
		if (!is_tchar((unsigned char)s[i]))
			return -1;
	kv->key = arena_strndup(a, s, (size_t)(v - s));
	for (v = eq + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end - v >= 2 && v[0] == '"' && end[-1] == '"') {
		v++;
		end--;
	}
	for (i = 0; v + i < end; i++)
		if (is_ctl((unsigned char)v[i]))
			return -1;
	kv->val = arena_strndup(a, v, (size_t)(end - v));
	kv->vlen = (size_t)(end - v);
	return 0;
}

int http_parse_cookies(struct arena *a, const char *s, struct kv **out,
    size_t *count)
{
	size_t len, c = 0;
	const char *end, *semi;
	struct kv *kv;
	bool cut;

	*out = NULL;
	*count = 0;
	if (s == NULL || *s == '\0')
		return 0;
	len = strnlen(s, HTTP_MAX_COOKIE + 1);
	cut = len > HTTP_MAX_COOKIE;
	end = s + (cut ? HTTP_MAX_COOKIE : len);
	kv = arena_alloc(a, sizeof *kv * HTTP_MAX_PAIRS);
	while (s < end && c < HTTP_MAX_PAIRS) {
		if ((semi = memchr(s, ';', (size_t)(end - s))) == NULL) {
			if (cut)      /* the pair the size limit cuts is dropped */
				break;
			semi = end;
		}
		if (cookie_pair(a, s, (size_t)(semi - s), &kv[c]) == 0)
			c++;
		s = semi + 1;
	}
	*out = kv;
	*count = c;
	return 0;
}

size_t http_count(const struct kv *kv, size_t n, const char *name)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, name) == 0)
			c++;
	return c;
}

char *http_url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

const char *http_lookup(const struct kv *kv, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, name) == 0)
			return kv[i].val;
	return NULL;
}

char *http_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *p = out;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c)) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}
