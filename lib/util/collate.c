/* collate.c: the Swedish collation: primary letter weights, then bytes. */
#include "util/collate.h"

#include <string.h>

/* Weights: separators < punctuation < digits < a..z < å < ä < ö < other. */
enum { W_SPACE = 1, W_PUNCT = 2, W_DIGIT = 10, W_A = 30, W_AO = 56, W_AE = 57,
	W_OE = 58, W_OTHER = 100 };

/* Base letters of U+00C0..U+00FF, lower case; '*' marks å ä ö (handled apart)
 * and '.' a character that is not a letter. */
static const char latin1[65] =
	"aaaa***ceeeeiiii" "dnoooo*.*uuu*yts"   /* U+00C0..U+00DF */
	"aaaa***ceeeeiiii" "dnoooo*.*uuu*yty";  /* U+00E0..U+00FF */

/* Decodes one code point at s (n bytes left) into *cp; returns its length, or
 * 1 with *cp = -1 for a byte that does not start valid UTF-8. */
static size_t next_cp(const unsigned char *s, size_t n, long *cp)
{
	size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
	    : s[0] >= 0xE0 && s[0] < 0xF0 ? 3 : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;
	size_t i;
	long v;

	if (len == 0 || len > n) {
		*cp = -1;
		return 1;
	}
	v = len == 1 ? s[0] : s[0] & (0x3F >> (len - 1));
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return len;
}

/* The primary weight of a code point. */
static long weight(long cp)
{
	char base;

	if (cp < 0)
		return W_OTHER + 0x110000;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if (cp >= 'a' && cp <= 'z')
		return W_A + (cp - 'a');
	if (cp >= '0' && cp <= '9')
		return W_DIGIT + (cp - '0');
	if (cp == ' ' || cp == '\t' || cp == '-')
		return W_SPACE;
	if (cp < 0x80)
		return W_PUNCT;
	switch (cp) {
	case 0xC5: case 0xE5: return W_AO;               /* Å å */
	case 0xC4: case 0xE4: case 0xC6: case 0xE6: return W_AE;  /* Ä ä Æ æ */
	case 0xD6: case 0xF6: case 0xD8: case 0xF8: return W_OE;  /* Ö ö Ø ø */
	case 0xDC: case 0xFC: return W_A + ('y' - 'a');  /* Ü ü as y */
	}
	if (cp >= 0xC0 && cp <= 0xFF && (base = latin1[cp - 0xC0]) >= 'a' && base <= 'z')
		return W_A + (base - 'a');
	return W_OTHER + cp;
}

int collate_sv(const char *a, size_t alen, const char *b, size_t blen)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	size_t i = 0, j = 0, m;
	long ca, cb, wa, wb;
	int c;

	while (i < alen && j < blen) {
		i += next_cp(p + i, alen - i, &ca);
		j += next_cp(q + j, blen - j, &cb);
		wa = weight(ca);
		wb = weight(cb);
		if (wa != wb)
			return wa < wb ? -1 : 1;
	}
	if (i < alen || j < blen)
		return i < alen ? 1 : -1;
	m = alen < blen ? alen : blen;
	if ((c = memcmp(a, b, m)) != 0)
		return c;
	return alen < blen ? -1 : alen > blen ? 1 : 0;
}
