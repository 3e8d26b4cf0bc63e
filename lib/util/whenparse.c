/* whenparse.c: reading dates and times the way Swedish people write them. */
#include "util/whenparse.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "util/timefmt.h"

/* Skips spaces. */
static const char *skip(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads 1..max digits at *s into *v, moving *s on. Returns the digits read. */
static int number(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)(*s)[0])) {
		*v = *v * 10 + ((*s)[0] - '0');
		(*s)++;
		n++;
	}
	return n;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid(const struct ymd *d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return d->y >= 1900 && d->y <= 2200 && d->m >= 1 && d->m <= 12 && d->d >= 1 &&
	    d->d <= days[d->m - 1] + (d->m == 2 && leap(d->y));
}

/* Reads a Swedish month name (or its first three letters, then an optional
 * dot) at *s. Returns 1..12, or 0. */
static int month_name(const char **s)
{
	const char *p = *s, *name;
	size_t n = 0;
	int m;

	while (isalpha((unsigned char)p[n]))
		n++;
	if (n < 3)
		return 0;
	for (m = 1; m <= 12; m++) {
		name = time_month_sv(m);
		if ((n == strlen(name) || n == 3) && strncasecmp(p, name, n) == 0) {
			*s = p + n + (p[n] == '.');
			return m;
		}
	}
	return 0;
}

int when_parse_date(const char *s, int year, struct ymd *out)
{
	struct ymd d = { year, 0, 0 };
	int a, n;

	s = skip(s);
	if ((n = number(&s, 4, &a)) == 0)
		return -1;
	if (n == 4 && *s == '-') {              /* 2026-03-14 */
		d.y = a;
		s++;
		if (number(&s, 2, &d.m) == 0 || *s++ != '-' || number(&s, 2, &d.d) == 0)
			return -1;
	} else if (n <= 2 && (*s == '/' || *s == '.')) {  /* 14/3, 14/3 2026, 14.3.2026 */
		char sep = *s++;

		d.d = a;
		if (number(&s, 2, &d.m) == 0)
			return -1;
		if (*s == sep || *s == ' ') {
			s = skip(s + 1);
			if (number(&s, 4, &d.y) != 4)
				return -1;
		}
	} else if (n <= 2 && *s == ' ') {       /* 14 mars 2026, 14 mars */
		d.d = a;
		s = skip(s);
		if ((d.m = month_name(&s)) == 0)
			return -1;
		s = skip(s);
		if (isdigit((unsigned char)*s) && number(&s, 4, &d.y) != 4)
			return -1;
	} else {
		return -1;
	}
	if (*skip(s) != '\0' || !valid(&d))
		return -1;
	*out = d;
	return 0;
}

int when_parse_clock(const char *s, int *hour, int *min, int *sec)
{
	int h, m = 0, sc = 0, n;

	s = skip(s);
	if (strncasecmp(s, "kl", 2) == 0) {
		s += 2;
		s = skip(s + (*s == '.'));
	}
	n = number(&s, 4, &h);
	if (n == 0)
		return -1;
	if (n == 4 || (n == 3 && *s == '\0')) {   /* 0900, 930 */
		m = h % 100;
		h /= 100;
	} else if (n <= 2 && (*s == ':' || *s == '.')) {
		s++;
		if (number(&s, 2, &m) != 2)
			return -1;
		if (*s == ':' && (s++, number(&s, 2, &sc) != 2 || sc > 59))
			return -1;
	} else if (n > 2) {
		return -1;
	}
	if (*skip(s) != '\0' || h > 23 || m > 59)
		return -1;
	*hour = h;
	*min = m;
	*sec = sc;
	return 0;
}

int when_local(const struct ymd *date, int hour, int min, int sec, time_t *out)
{
	struct tm tm = { 0 };
	time_t t;

	tm.tm_year = date->y - 1900;
	tm.tm_mon = date->m - 1;
	tm.tm_mday = date->d;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	*out = t;
	return 0;
}
