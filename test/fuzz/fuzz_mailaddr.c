/* fuzz_mailaddr.c: libFuzzer target for the e-mail address validator and the header value check. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mailaddr.h"

/* An accepted address has exactly one '@' that splits it into two non-empty
 * parts, at most 254 octets, and no control, space or quote characters. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *p;
	size_t n;

	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);
	if (mailaddr_check(s) == MA_OK) {
		if (n > MAIL_ADDR_MAX || n < 5)
			abort();
		if ((p = strchr(s, '@')) == NULL || p == s || p[1] == '\0' || strchr(p + 1, '@'))
			abort();
		for (p = s; *p; p++)
			if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("\"<>()[],;:\\", *p))
				abort();
	}
	if (mail_header_check(s, MAIL_HEADER_MAX) == MA_OK &&
	    (strchr(s, '\r') || strchr(s, '\n') || n > MAIL_HEADER_MAX))
		abort();
	free(s);
	return 0;
}
