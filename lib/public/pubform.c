/* pubform.c: reading the public forms' fields with Swedish messages and an error summary that links to each field. */
#include "public/public.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/mailaddr.h"
#include "util/utf8.h"
#include "util/valid.h"

void pubform_start(struct pubform *f, struct req *r, tdict *d)
{
	f->r = r;
	f->d = d;
	f->errors = 0;
	f->summary = NULL;
}

void pubform_error(struct pubform *f, const char *key, const char *id, const char *message)
{
	tdict *item;

	tdict_set(tdict_section(f->d, arena_printf(f->r->a, "%s_ERROR", key)), "MESSAGE", message);
	if (f->summary == NULL)
		f->summary = tdict_section(f->d, "ERRORS");
	item = tdict_section(f->summary, "ERROR");
	tdict_set(item, "ID", id);
	tdict_set(item, "MESSAGE", message);
	f->errors++;
}

bool pubform_ok(struct pubform *f)
{
	if (f->errors == 0)
		return true;
	tdict_set(f->summary, "COUNT", f->errors == 1 ? "ett fel" :
	    arena_printf(f->r->a, "%d fel", f->errors));
	return false;
}

/* The posted value of name with its length in bytes; NULL when absent. */
static const char *posted(const struct req *r, const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].key, name) == 0) {
			*len = r->form[i].vlen;
			return r->form[i].val;
		}
	*len = 0;
	return NULL;
}

/* Copies s (n bytes) without leading and trailing spaces, CR LF as LF. */
static char *clean(struct arena *a, const char *s, size_t n)
{
	char *out, *p;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	out = p = arena_alloc(a, n + 1);
	for (; n > 0; s++, n--)
		if (!(*s == '\r' && n > 1 && s[1] == '\n'))
			*p++ = *s == '\r' ? '\n' : *s;
	*p = '\0';
	return out;
}

static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

const char *pubform_text(struct pubform *f, const char *name, const char *key,
    const char *id, const char *label, size_t max_chars, unsigned flags)
{
	struct arena *a = f->r->a;
	bool multi = flags & PF_MULTILINE;
	size_t n;
	const char *raw = posted(f->r, name, &n), *msg = NULL;
	char *v;

	/* The form parser has refused NUL and invalid UTF-8 (400) already. */
	if (raw == NULL)
		raw = "";
	v = clean(a, raw, n);
	tdict_set(f->d, key, v);    /* as typed */
	if (!multi && strpbrk(v, "\r\n") != NULL)
		msg = arena_printf(a, "%s får bara vara en rad.", label);
	else if (!utf8_text_ok(v, strlen(v), multi))
		msg = arena_printf(a, "%s innehåller ett otillåtet tecken.", label);
	else if (strpbrk(v, "<>") != NULL)
		msg = arena_printf(a, "%s får inte innehålla tecknen < och >.", label);
	else if ((flags & PF_REQUIRED) && v[0] == '\0')
		msg = arena_printf(a, "%s saknas. Fyll i fältet.", label);
	else if (chars(v) > max_chars)
		msg = arena_printf(a, "%s får vara högst %zu tecken (nu %zu).", label,
		    max_chars, chars(v));
	if (msg == NULL)
		return v;
	pubform_error(f, key, id, msg);
	return NULL;
}

const char *pubform_email(struct pubform *f, const char *name, const char *key,
    const char *id, const char *label, unsigned flags)
{
	const char *v = pubform_text(f, name, key, id, label, 254, flags);

	if (v == NULL || v[0] == '\0')
		return v;
	if (!valid_email(v) || mailaddr_check(v) != MA_OK) {
		pubform_error(f, key, id, "Skriv e-postadressen i formen namn@exempel.se.");
		return NULL;
	}
	return v;
}

const char *pubform_choice(struct pubform *f, const char *name, const char *key,
    const char *id, const char *message, const char *const *choices, unsigned flags)
{
	size_t n, i;
	const char *v = posted(f->r, name, &n);

	if (v == NULL || v[0] == '\0') {
		if (!(flags & PF_REQUIRED))
			return "";
		pubform_error(f, key, id, message);
		return NULL;
	}
	for (i = 0; choices[i] != NULL; i++)
		if (strlen(choices[i]) == n && strcmp(v, choices[i]) == 0) {
			char *sect = arena_printf(f->r->a, "%s_%s", key, choices[i]);
			char *p;

			for (p = sect; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			tdict_show(f->d, sect);
			return choices[i];
		}
	pubform_error(f, key, id, message);
	return NULL;
}

bool pubform_honeypot(const struct req *r)
{
	size_t n;
	const char *v = posted(r, PUBFORM_HONEYPOT, &n);

	return v != NULL && n > 0;
}
