/* abuf.h: a growable string in arena memory, for responses built piece by piece. */
#ifndef HC_UTIL_ABUF_H
#define HC_UTIL_ABUF_H

#include <stddef.h>

#include "util/arena.h"

struct abuf {
	struct arena *a;
	char *p;           /* NUL-terminated; NULL until something is added */
	size_t len, cap;
};

/* Makes room for n more bytes, so that appending them does not copy. */
void abuf_reserve(struct abuf *b, size_t n);
/* Appends n bytes of s; the buffer doubles in a when it must grow. */
void abuf_add(struct abuf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
void abuf_str(struct abuf *b, const char *s);
/* Appends printf output. */
void abuf_printf(struct abuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
