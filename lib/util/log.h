/* log.h: one-line log messages on stderr for the admin; never shown to readers. */
#ifndef HC_UTIL_LOG_H
#define HC_UTIL_LOG_H

#include <stddef.h>

/* Writes "YYYY-MM-DDTHH:MM:SSZ hcweb: message" to stderr in one write, with
 * the message escaped by log_escape. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Copies in to out (n bytes) with bytes below 0x20 and 0x7F written as
 * \xHH and Unicode format and bidi controls (U+061C, U+200B..U+200F,
 * U+202A..U+202E, U+2060..U+2069, U+FEFF) as \u{XXXX}; stops before out
 * would overflow. Returns the length written. Pure. */
size_t log_escape(const char *in, char *out, size_t n);

#endif
