/* valid.h: validators for values read from requests; each returns true when valid. */
#ifndef HC_UTIL_VALID_H
#define HC_UTIL_VALID_H

#include <stdbool.h>
#include <stddef.h>

/* Decimal integer, no sign unless min < 0, no leading '+', spaces or exponent,
 * within [min, max]. */
bool valid_int(const char *s, long long min, long long max, long long *out);
/* E-mail address of a plain form: local@domain.tld, at most 254 bytes, no
 * spaces or control characters. */
bool valid_email(const char *s);
/* Free text: valid UTF-8, 1..maxlen bytes (0 allowed when !required), no
 * control characters (newlines only when multiline). */
bool valid_text(const char *s, size_t maxlen, bool required, bool multiline);
/* An http(s) URL of at most 2000 bytes with a host and no spaces or controls. */
bool valid_url(const char *s);

#endif
