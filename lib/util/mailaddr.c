/* mailaddr.c: the address validator and the header value check of outgoing mail. */
#include "util/mailaddr.h"

#include <string.h>

#include "util/utf8.h"

/* RFC 5322 atext: letters, digits and these. */
static bool atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Local part: dot-atom, 1..64 octets. */
static bool local_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > MAIL_LOCAL_MAX || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return false;
		} else if (!atext((unsigned char)s[i])) {
			return false;
		}
	}
	return true;
}

static bool ldh(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/* Domain: two or more LDH labels, no label starting or ending with '-',
 * the top label not all digits. */
static bool domain_ok(const char *s, size_t n)
{
	size_t i, start = 0, labels = 0;
	bool digits = true;

	if (n == 0 || n > 253)
		return false;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			size_t len = i - start;

			if (len == 0 || len > MAIL_LABEL_MAX || s[start] == '-' ||
			    s[i - 1] == '-')
				return false;
			labels++;
			if (i == n)
				break;
			start = i + 1;
			digits = true;
			continue;
		}
		if (!ldh((unsigned char)s[i]))
			return false;
		if (s[i] < '0' || s[i] > '9')
			digits = false;
	}
	return labels >= 2 && !digits;
}

enum mailaddr_err mailaddr_check(const char *s)
{
	const char *at;
	size_t n, i;

	if (s == NULL || *s == '\0')
		return MA_EMPTY;
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (control((unsigned char)s[i]))
			return MA_CONTROL;
	if (n > MAIL_ADDR_MAX)
		return MA_LONG;
	if (!utf8_valid(s, n))
		return MA_UTF8;
	if ((at = strrchr(s, '@')) == NULL)
		return MA_SYNTAX;
	if (!local_ok(s, (size_t)(at - s)) || !domain_ok(at + 1, n - (size_t)(at - s) - 1))
		return MA_SYNTAX;
	return MA_OK;
}

enum mailaddr_err mail_header_check(const char *s, size_t max)
{
	size_t n, i;

	if (s == NULL)
		return MA_EMPTY;
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (control((unsigned char)s[i]) && s[i] != '\t')
			return MA_CONTROL;
	if (n > max)
		return MA_LONG;
	return utf8_valid(s, n) ? MA_OK : MA_UTF8;
}

bool mail_header_name_ok(const char *s)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 76)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= 32 || (unsigned char)*s >= 127 || *s == ':')
			return false;
	return true;
}
