/* abuf.c: a growable string in arena memory. */
#include "util/abuf.h"

#include <stdarg.h>
#include <string.h>

void abuf_reserve(struct abuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 1024;
	char *p;

	if (b->len + n + 1 <= b->cap)
		return;
	while (b->len + n + 1 > cap)
		cap *= 2;
	p = arena_alloc(b->a, cap);
	if (b->len)
		memcpy(p, b->p, b->len);
	b->p = p;
	b->cap = cap;
}

void abuf_add(struct abuf *b, const char *s, size_t n)
{
	abuf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void abuf_str(struct abuf *b, const char *s)
{
	abuf_add(b, s, strlen(s));
}

void abuf_printf(struct abuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = arena_vprintf(b->a, fmt, ap);
	va_end(ap);
	abuf_str(b, s);
}
