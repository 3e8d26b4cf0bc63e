/* utf8.c: strict UTF-8 validation (RFC 3629) and the free-text control check. */
#include "util/utf8.h"

/* Decodes one character at s[0..n); returns its length, or 0 when malformed.
 * Stores the code point in *cp. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len, i;
	unsigned long c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Walks s and checks each code point; ctrl selects the control-character test. */
static bool utf8_walk(const char *s, size_t n, bool ctrl, bool allow_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, len;

	while (i < n) {
		len = utf8_decode(p + i, n - i, &cp);
		if (len == 0 || cp == 0)
			return false;
		i += len;
		if (!ctrl || cp == '\t')
			continue;
		if (allow_newlines && (cp == '\n' || cp == '\r'))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return false;
	}
	return true;
}

bool utf8_valid(const char *s, size_t n)
{
	return utf8_walk(s, n, false, false);
}

bool utf8_text_ok(const char *s, size_t n, bool allow_newlines)
{
	return utf8_walk(s, n, true, allow_newlines);
}

void utf8_lower_sv(char *s, size_t n)
{
	unsigned char *p = (unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] += 32;
		else if (p[i] == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
		    p[i + 1] != 0x97)
			p[++i] += 0x20;
	}
}

size_t utf8_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			chars++;
	return chars;
}
