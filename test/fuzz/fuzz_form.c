/* fuzz_form.c: libFuzzer target for the urlencoded, cookie and request-target parsers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

/* Every input goes through all three parsers; the string parsers get it NUL
 * terminated (up to its first NUL, as the web server would pass it). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	char *s = malloc(size + 1);
	const char *path, *query;
	struct kv *kv;
	size_t i, n;

	memcpy(s, data, size);
	s[size] = '\0';
	if (http_parse_urlencoded(&a, s, size, &kv, &n) == 0) {
		if (n > HTTP_MAX_PAIRS)
			abort();
		for (i = 0; i < n; i++)
			if (strlen(kv[i].val) != kv[i].vlen || memchr(kv[i].key, 0, 0))
				abort();
	}
	if (http_parse_cookies(&a, s, &kv, &n) == 0)
		for (i = 0; i < n; i++)
			if (strlen(kv[i].val) != kv[i].vlen)
				abort();
	if (http_parse_target(&a, s, &path, &query) == HTTP_OK) {
		if (path[0] != '/' || strstr(path, "/../") || strstr(path, "/./") ||
		    strchr(path, '\\'))
			abort();
		n = strlen(path);
		if ((n >= 3 && strcmp(path + n - 3, "/..") == 0) ||
		    (n >= 2 && strcmp(path + n - 2, "/.") == 0))
			abort();
	}
	free(s);
	arena_reset(&a);
	return 0;
}
