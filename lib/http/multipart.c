/* multipart.c: strict multipart/form-data parsing with limits on parts, headers and size. */
#include "http/multipart.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

#define CTYPE_MF "multipart/form-data"

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != 0 && strchr("!#$%&'*+-.^_`|~", c));
}

/* RFC 2046 bchars: DIGIT / ALPHA / ' ( ) + _ , - . / : = ? and space. */
static bool is_bchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != 0 && strchr("'()+_,-./:=? ", c));
}

static const char *skip_ows(const char *s)
{
	while (is_ows(*s))
		s++;
	return s;
}

/* Reads one parameter value (token or quoted-string, no escapes) at *p into
 * [*v, *v + *n). Quoted values may not hold '\\' (allow_bs false) or CTLs.
 * Advances *p. Returns 0 or -1. */
static int param_value(const char **p, bool allow_bs, const char **v, size_t *n)
{
	const char *s = *p, *start;

	if (*s == '"') {
		start = ++s;
		while (*s != '"') {
			if (*s == '\0' || (unsigned char)*s < 0x20 || *s == 0x7f ||
			    (*s == '\\' && !allow_bs))
				return -1;
			s++;
		}
		*v = start;
		*n = (size_t)(s - start);
		*p = s + 1;
		return 0;
	}
	start = s;
	while (is_tchar((unsigned char)*s))
		s++;
	if (s == start)
		return -1;
	*v = start;
	*n = (size_t)(s - start);
	*p = s;
	return 0;
}

/* Reads "; name=value" at *p: name into [*k, *k + *kn). Returns 0 or -1. */
static int next_param(const char **p, bool allow_bs, const char **k, size_t *kn,
    const char **v, size_t *vn)
{
	const char *s = skip_ows(*p), *start;

	if (*s++ != ';')
		return -1;
	s = skip_ows(s);
	start = s;
	while (is_tchar((unsigned char)*s))
		s++;
	if (s == start || *s != '=')
		return -1;
	*k = start;
	*kn = (size_t)(s - start);
	s++;
	if (param_value(&s, allow_bs, v, vn) < 0)
		return -1;
	*p = skip_ows(s);
	return 0;
}

static bool key_is(const char *k, size_t kn, const char *want)
{
	return strlen(want) == kn && strncasecmp(k, want, kn) == 0;
}

static bool boundary_ok(const char *v, size_t n)
{
	size_t i;

	if (n < 1 || n > MP_MAX_BOUNDARY || v[n - 1] == ' ')
		return false;
	for (i = 0; i < n; i++)
		if (!is_bchar((unsigned char)v[i]))
			return false;
	return true;
}

int mp_boundary(const char *content_type, char *out)
{
	const char *s, *k, *v, *found = NULL;
	size_t kn, vn, fn = 0;

	if (content_type == NULL)
		return MP_BAD_CTYPE;
	s = skip_ows(content_type);
	if (strncasecmp(s, CTYPE_MF, strlen(CTYPE_MF)) != 0)
		return MP_BAD_CTYPE;
	s = skip_ows(s + strlen(CTYPE_MF));
	while (*s != '\0') {
		if (next_param(&s, true, &k, &kn, &v, &vn) < 0)
			return MP_BAD_CTYPE;
		if (!key_is(k, kn, "boundary"))
			continue;
		if (found != NULL)
			return MP_BAD_BOUNDARY;
		found = v;
		fn = vn;
	}
	if (found == NULL || !boundary_ok(found, fn) || memchr(found, '\\', fn))
		return MP_BAD_BOUNDARY;
	memcpy(out, found, fn);
	out[fn] = '\0';
	return MP_OK;
}

/* Parses a Content-Disposition value into p->name and p->filename. */
static int disposition(struct arena *a, const char *s, struct mp_part *p)
{
	const char *k, *v;
	size_t kn, vn;

	if (strncasecmp(s, "form-data", 9) != 0)
		return MP_BAD_HEADER;
	s = skip_ows(s + 9);
	while (*s != '\0') {
		/* Browsers send backslashes in file names as they are (WHATWG). */
		if (next_param(&s, true, &k, &kn, &v, &vn) < 0)
			return MP_BAD_HEADER;
		if (key_is(k, kn, "name")) {
			if (p->name != NULL)
				return MP_BAD_HEADER;
			if (vn == 0 || vn > MP_MAX_NAME)
				return MP_BAD_NAME;
			p->name = arena_strndup(a, v, vn);
		} else if (key_is(k, kn, "filename")) {
			if (p->filename != NULL || vn > MP_MAX_FILENAME)
				return MP_BAD_HEADER;
			p->filename = arena_strndup(a, v, vn);
		}
	}
	return p->name ? MP_OK : MP_BAD_NAME;
}

/* Parses one header line (no CRLF, NUL-terminated, controls already refused). */
static int header_line(struct arena *a, const char *line, struct mp_part *p,
    bool *have_cd)
{
	const char *s = line, *v;

	while (is_tchar((unsigned char)*s))
		s++;
	if (s == line || *s != ':')
		return MP_BAD_HEADER;
	v = skip_ows(s + 1);
	if (key_is(line, (size_t)(s - line), "Content-Disposition")) {
		if (*have_cd)
			return MP_BAD_HEADER;
		*have_cd = true;
		return disposition(a, v, p);
	}
	if (key_is(line, (size_t)(s - line), "Content-Type")) {
		if (p->ctype != NULL)
			return MP_BAD_HEADER;
		p->ctype = v;
	} else if (key_is(line, (size_t)(s - line), "Content-Transfer-Encoding")) {
		if (strcasecmp(v, "binary") != 0 && strcasecmp(v, "8bit") != 0 &&
		    strcasecmp(v, "7bit") != 0)
			return MP_BAD_HEADER;
	}
	return MP_OK;
}

/* True when the block holds a byte no header may hold (CTL but HTAB, or a
 * line starting with white space: obsolete folding). CR LF pairs are the
 * caller's line ends and are skipped. */
static bool header_bytes_bad(const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if (c == '\r' && i + 1 < n && b[i + 1] == '\n') {
			if (i + 2 < n && is_ows(b[i + 2]))
				return true;
			i++;
			continue;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return true;
	}
	return !utf8_valid(b, n) || (n > 0 && is_ows(b[0]));
}

/* Parses the header block starting at *pos; leaves *pos at the content. */
static int part_headers(struct arena *a, const char *b, size_t len, size_t *pos,
    struct mp_part *p)
{
	size_t start = *pos, avail = len - start, win, blen;
	const char *end;
	char *block, *line, *eol;
	bool have_cd = false;
	int rc;

	if (avail >= 2 && b[start] == '\r' && b[start + 1] == '\n')
		return MP_BAD_HEADER;   /* no headers: no Content-Disposition */
	win = avail < MP_MAX_HEADER + 4 ? avail : MP_MAX_HEADER + 4;
	end = memmem(b + start, win, "\r\n\r\n", 4);
	if (end == NULL)
		return avail >= MP_MAX_HEADER + 4 ? MP_HEADER_TOO_BIG : MP_NO_END;
	blen = (size_t)(end - (b + start)) + 2;   /* keeps the last line's CRLF */
	if (blen > MP_MAX_HEADER)
		return MP_HEADER_TOO_BIG;
	if (header_bytes_bad(b + start, blen))
		return MP_BAD_HEADER;
	block = arena_strndup(a, b + start, blen);
	for (line = block; *line != '\0'; line = eol + 2) {
		eol = strstr(line, "\r\n");
		*eol = '\0';
		if ((rc = header_line(a, line, p, &have_cd)) != MP_OK)
			return rc;
	}
	if (!have_cd)
		return MP_BAD_HEADER;
	*pos = start + blen + 2;
	return MP_OK;
}

/* After a boundary at *pos: "--" closes (returns 1), optional padding then
 * CRLF opens a part (returns 0, *pos past the CRLF), anything else errs. */
static int after_boundary(const char *b, size_t len, size_t *pos)
{
	size_t i = *pos;

	if (len - i >= 2 && b[i] == '-' && b[i + 1] == '-')
		return 1;
	while (i < len && is_ows(b[i]) && i - *pos < 64)
		i++;
	if (len - i < 2)
		return -MP_NO_END;
	if (b[i] != '\r' || b[i + 1] != '\n')
		return -MP_BAD_DELIMITER;
	*pos = i + 2;
	return 0;
}

int mp_parse(struct arena *a, const char *content_type, const char *body,
    size_t len, size_t max_total, struct mp_form *out)
{
	char bnd[MP_MAX_BOUNDARY + 1], delim[MP_MAX_BOUNDARY + 5];
	struct mp_part *parts;
	size_t dlen, pos, count = 0;
	int rc;

	if ((rc = mp_boundary(content_type, bnd)) != MP_OK)
		return rc;
	if (len > max_total)
		return MP_TOO_BIG;
	dlen = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", bnd);
	if (len < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return MP_NO_START;
	parts = arena_alloc(a, sizeof *parts * MP_MAX_PARTS);
	pos = dlen - 2;
	while ((rc = after_boundary(body, len, &pos)) == 0) {
		struct mp_part *p;
		const char *next;

		if (count == MP_MAX_PARTS)
			return MP_TOO_MANY_PARTS;
		p = &parts[count];
		if ((rc = part_headers(a, body, len, &pos, p)) != MP_OK)
			return rc;
		next = memmem(body + pos, len - pos, delim, dlen);
		if (next == NULL)
			return MP_NO_END;
		p->data = body + pos;
		p->len = (size_t)(next - p->data);
		pos = (size_t)(next - body) + dlen;
		count++;
	}
	if (rc < 0)
		return -rc;
	out->parts = parts;
	out->count = count;
	return MP_OK;
}

const struct mp_part *mp_find(const struct mp_form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->count; i++)
		if (strcmp(f->parts[i].name, name) == 0)
			return &f->parts[i];
	return NULL;
}

int mp_fields(struct arena *a, const struct mp_form *f, struct kv **out,
    size_t *count)
{
	struct kv *kv = arena_alloc(a, sizeof *kv * (f->count + 1));
	size_t i, c = 0;

	for (i = 0; i < f->count; i++) {
		const struct mp_part *p = &f->parts[i];

		if (p->filename != NULL)
			continue;
		if (!utf8_valid(p->data, p->len))
			return -1;
		kv[c++] = (struct kv){ p->name, arena_strndup(a, p->data, p->len), p->len };
	}
	*out = kv;
	*count = c;
	return 0;
}

const char *mp_strerror(int err)
{
	switch (err) {
	case MP_OK: return "Allt gick bra.";
	case MP_BAD_CTYPE: return "Formuläret skickades inte som en filuppladdning.";
	case MP_BAD_BOUNDARY: return "Formulärets avgränsare saknas eller är ogiltig.";
	case MP_TOO_BIG: return "Filen är för stor för att tas emot.";
	case MP_TOO_MANY_PARTS: return "Formuläret innehåller för många delar.";
	case MP_HEADER_TOO_BIG: return "En del av formuläret har för långa rubrikrader.";
	case MP_BAD_HEADER: return "En del av formuläret har felaktiga rubrikrader.";
	case MP_BAD_NAME: return "Ett fält i formuläret saknar namn eller har ett ogiltigt namn.";
	case MP_NO_START: return "Formuläret börjar inte med sin avgränsare.";
	case MP_NO_END: return "Formuläret kom inte fram helt: den avslutande avgränsaren saknas.";
	case MP_BAD_DELIMITER: return "Formulärets avgränsare står på fel ställe i innehållet.";
	case MP_BAD_VALUE: return "Ett textfält i formuläret innehåller ogiltiga tecken.";
	default: return "Formuläret kunde inte tolkas.";
	}
}
