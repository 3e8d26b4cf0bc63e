/* slug.c: URL slugs from titles: Latin-1 letters folded to ASCII, the rest hyphens. */
#include "util/slug.h"

#include <string.h>

/* ASCII spellings of U+00C0..U+00FF; NULL for the signs × and ÷. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Returns the ASCII letters for the character at s (NULL for a separator) and
 * stores how many bytes it took in *used. */
static const char *fold(const unsigned char *s, size_t *used, char tmp[2])
{
	*used = 1;
	if ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')) {
		tmp[0] = (char)s[0];
		return tmp;
	}
	if (s[0] >= 'A' && s[0] <= 'Z') {
		tmp[0] = (char)(s[0] - 'A' + 'a');
		return tmp;
	}
	if (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
		*used = 2;
		return latin1[s[1] - 0x80];
	}
	return NULL;
}

/* Drops a word cut in half when the slug ran out of room. */
static size_t cut_at_hyphen(char *buf, size_t len)
{
	char *h;

	buf[len] = '\0';
	h = strrchr(buf, '-');
	if (h != NULL)
		len = (size_t)(h - buf);
	buf[len] = '\0';
	return len;
}

size_t slug_make(const char *title, char *buf, size_t n)
{
	const unsigned char *s = (const unsigned char *)title;
	size_t len = 0, limit, used, plen;
	const char *piece;
	char tmp[2] = { 0, 0 };
	int hyphen = 0;

	if (n == 0)
		return 0;
	limit = n - 1 < SLUG_MAX ? n - 1 : SLUG_MAX;
	for (; *s != '\0'; s += used) {
		piece = fold(s, &used, tmp);
		if (piece == NULL) {
			hyphen = len > 0;
			continue;
		}
		plen = strlen(piece);
		if (len + (size_t)hyphen + plen > limit) {
			if (!hyphen)
				len = cut_at_hyphen(buf, len);
			break;
		}
		if (hyphen)
			buf[len++] = '-';
		memcpy(buf + len, piece, plen);
		len += plen;
		hyphen = 0;
	}
	buf[len] = '\0';
	return len;
}

bool slug_valid(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0' || s[0] == '-')
		return false;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= SLUG_MAX)
			return false;
		if (s[i] == '-' && (s[i + 1] == '-' || s[i + 1] == '\0'))
			return false;
		if (s[i] != '-' && !(s[i] >= 'a' && s[i] <= 'z') && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	}
	return true;
}
