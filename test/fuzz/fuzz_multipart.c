/* fuzz_multipart.c: libFuzzer target for the multipart/form-data parser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"

/* Input: the Content-Type value, a newline, then the body. Inputs without a
 * newline are parsed as a body under a fixed Content-Type. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const char *nl = memchr(data, '\n', size);
	char *ct, *body;
	size_t blen;
	struct mp_form f;
	struct kv *kv;
	size_t i, n;

	if (nl != NULL) {
		ct = strndup((const char *)data, (size_t)(nl - (const char *)data));
		blen = size - (size_t)(nl - (const char *)data) - 1;
		body = malloc(blen + 1);
		memcpy(body, nl + 1, blen);
	} else {
		ct = strdup("multipart/form-data; boundary=XyZ");
		blen = size;
		body = malloc(blen + 1);
		memcpy(body, data, blen);
	}
	if (mp_parse(&a, ct, body, blen, 1 << 20, &f) == MP_OK) {
		if (f.count > MP_MAX_PARTS)
			abort();
		for (i = 0; i < f.count; i++) {
			const struct mp_part *p = &f.parts[i];

			if (p->data < body || p->data + p->len > body + blen ||
			    p->name == NULL || p->name[0] == '\0' ||
			    strlen(p->name) > MP_MAX_NAME)
				abort();
			if (mp_find(&f, p->name) == NULL)
				abort();
		}
		if (mp_fields(&a, &f, &kv, &n) == 0)
			for (i = 0; i < n; i++)
				if (strlen(kv[i].val) != kv[i].vlen)
					abort();
	}
	free(ct);
	free(body);
	arena_reset(&a);
	return 0;
}
