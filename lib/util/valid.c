/* valid.c: validators for request values. */
#include "util/valid.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

bool valid_int(const char *s, long long min, long long max, long long *out)
{
	const char *p = s;
	long long v;
	char *end;

	if (s == NULL || *s == '\0' || strlen(s) > 20)
		return false;
	if (*p == '-' && min < 0)
		p++;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return false;
	if (out != NULL)
		*out = v;
	return true;
}

bool valid_email(const char *s)
{
	const char *at, *dot, *p;
	size_t n;

	if (s == NULL || (n = strlen(s)) < 6 || n > 254)
		return false;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || strchr("<>()[]\\,;:\"", *p))
			return false;
	if ((at = strchr(s, '@')) == NULL || at == s || strchr(at + 1, '@'))
		return false;
	if ((dot = strrchr(at, '.')) == NULL || dot == at + 1 || dot[1] == '\0' ||
	    strlen(dot + 1) < 2)
		return false;
	return !utf8_valid(s, n) ? false : at - s <= 64;
}

bool valid_text(const char *s, size_t maxlen, bool required, bool multiline)
{
	size_t n;

	if (s == NULL)
		return !required;
	n = strlen(s);
	if (n > maxlen || (required && n == 0))
		return false;
	return utf8_text_ok(s, n, multiline);
}

bool valid_url(const char *s)
{
	const char *host, *p;
	size_t n;

	if (s == NULL || (n = strlen(s)) > 2000)
		return false;
	if (strncasecmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return false;
	if (*host == '\0' || *host == '/' || *host == '.')
		return false;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\')
			return false;
	return utf8_valid(s, n);
}
