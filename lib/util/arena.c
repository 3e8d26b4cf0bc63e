/* arena.c: per-request bump allocator built from a list of malloc'd chunks. */
#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 16384

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;  /* usable bytes in data */
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
	size_t a = alignof(max_align_t);
	return (n + a - 1) & ~(a - 1);
}

static struct arena_chunk *chunk_new(size_t size)
{
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		abort();
	c = malloc(sizeof(*c) + size);
	if (c == NULL) {
		fputs("arena: out of memory\n", stderr);
		abort();
	}
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

/* n bytes, not zeroed: for callers that write all of them at once. */
static void *alloc_raw(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	void *p;

	if (n > SIZE_MAX - alignof(max_align_t))
		abort();
	n = align_up(n ? n : 1);
	if (c != NULL && n > ARENA_CHUNK / 4 && c->size - c->used < n) {
		/* A big block gets its own chunk behind the head, which stays in use. */
		c = chunk_new(n);
		c->next = a->head->next;
		a->head->next = c;
	} else if (c == NULL || c->size - c->used < n) {
		c = chunk_new(n > ARENA_CHUNK ? n : ARENA_CHUNK);
		c->next = a->head;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += n;
	a->total += n;
	return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = alloc_raw(a, n);

	memset(p, 0, n ? n : 1);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = alloc_raw(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	char tmp[256], *p;
	va_list ap2;
	int len;

	va_copy(ap2, ap);
	len = vsnprintf(tmp, sizeof(tmp), fmt, ap2);
	va_end(ap2);
	if (len < 0)
		return arena_strdup(a, "");
	if ((size_t)len < sizeof(tmp))
		return arena_strndup(a, tmp, (size_t)len);
	p = alloc_raw(a, (size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

/* Keeps the oldest standard-size chunk for the next request and frees the rest. */
void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head, *next, *keep = NULL;

	for (; c != NULL; c = next) {
		next = c->next;
		if (c->size == ARENA_CHUNK) {
			free(keep);
			keep = c;
		} else {
			free(c);
		}
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head, *next;

	while (c != NULL) {
		next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
