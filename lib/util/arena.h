/* arena.h: per-request bump allocator; everything is freed at once by arena_reset. */
#ifndef HC_UTIL_ARENA_H
#define HC_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;  /* newest chunk first */
	size_t total;              /* bytes handed out since the last reset */
};

/* Allocates n zeroed bytes aligned for any type. Aborts only when malloc fails. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies the first n bytes of s and NUL-terminates the copy. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Copies a NUL-terminated string; NULL stays NULL. */
char *arena_strdup(struct arena *a, const char *s);
/* printf into arena memory. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* Frees all chunks but the first, which is kept for the next request. */
void arena_reset(struct arena *a);
/* Frees every chunk. */
void arena_free(struct arena *a);

#endif
