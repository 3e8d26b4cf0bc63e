/* log.c: timestamped log lines on stderr, with control and bidi characters escaped. */
#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The length (2 or 3) of a UTF-8 format or bidi control at s, else 0:
 * U+061C, U+200B..U+200F, U+202A..U+202E, U+2060..U+2069, U+FEFF. */
static size_t format_char(const unsigned char *s)
{
	if (s[0] == 0xD8 && s[1] == 0x9C)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x8B && s[2] <= 0x8F) ||
	    (s[2] >= 0xAA && s[2] <= 0xAE)))
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA0 && s[2] <= 0xA9)
		return 3;
	if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

size_t log_escape(const char *in, char *out, size_t n)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0, k;

	while (*s && o + 12 < n) {
		if (*s < 0x20 || *s == 0x7F) {
			o += (size_t)snprintf(out + o, n - o, "\\x%02X", *s);
			s++;
		} else if ((k = format_char(s)) > 0) {
			unsigned cp = k == 2 ? ((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu))
			    : ((s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
			o += (size_t)snprintf(out + o, n - o, "\\u{%04X}", cp);
			s += k;
		} else {
			out[o++] = (char)*s++;
		}
	}
	out[o] = '\0';
	return o;
}

void log_msg(const char *fmt, ...)
{
	char raw[2048], buf[2048 + 64];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;
	size_t n;

	gmtime_r(&now, &tm);
	n = strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ hcweb: ", &tm);
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* Values from requests (paths, Origin, e-mail addresses) may hold
	 * anything: one line per message, no terminal tricks, no reordering. */
	n += log_escape(raw, buf + n, sizeof buf - n - 1);
	buf[n++] = '\n';
	/* One write so lines from different threads do not interleave. */
	if (write(STDERR_FILENO, buf, n) < 0)
		return;
}
