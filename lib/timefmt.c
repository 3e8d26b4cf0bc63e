/* timefmt.c: parse and format times; stored as UTC, shown in Swedish Stockholm time. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1  /* timegm, localtime_r, tm_gmtoff, setenv */
#endif
#include "timefmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december",
};

void time_init(void)
{
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
}

const char *time_month_sv(int month)
{
	if (month < 1 || month > 12)
		return NULL;
	return months_sv[month - 1];
}

/* Reads exactly count decimal digits at s into *out; -1 when one is not a digit. */
static int digits(const char *s, int count, int *out)
{
	int i, v = 0;

	for (i = 0; i < count; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* Parses "YYYY-MM-DD" at s into tm (date fields only), checking the ranges. */
static int parse_date(const char *s, struct tm *tm)
{
	int y, m, d;

	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) || s[7] != '-' ||
	    digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	return 0;
}

/* Parses "HH:MM" or, when secs, "HH:MM:SS" at s into tm, checking the ranges. */
static int parse_clock(const char *s, bool secs, struct tm *tm)
{
	int h, mi, sec = 0;

	if (digits(s, 2, &h) || s[2] != ':' || digits(s + 3, 2, &mi))
		return -1;
	if (secs && (s[5] != ':' || digits(s + 6, 2, &sec)))
		return -1;
	if (h > 23 || mi > 59 || sec > 59)
		return -1;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	return 0;
}

int time_parse_utc(const char *s, time_t *out)
{
	struct tm tm = { 0 };

	if (strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z')
		return -1;
	if (parse_date(s, &tm) || parse_clock(s + 11, true, &tm))
		return -1;
	*out = timegm(&tm);
	return 0;
}

int time_parse_local(const char *s, time_t *out)
{
	struct tm tm = { 0 };
	size_t len = strlen(s);
	time_t t;

	if (len != 10 && len != 16 && len != 19)
		return -1;
	if (parse_date(s, &tm))
		return -1;
	if (len > 10 && ((s[10] != ' ' && s[10] != 'T') || parse_clock(s + 11, len == 19, &tm)))
		return -1;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = t;
	return 0;
}

void time_format_utc(time_t t, char buf[TIME_UTC_LEN])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, TIME_UTC_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf[0] = '\0';
}

/* Fills tm with the Stockholm time of t; false (and buf emptied) when it cannot. */
static bool local(time_t t, struct tm *tm, char *buf, size_t n)
{
	if (n > 0)
		buf[0] = '\0';
	return n > 0 && localtime_r(&t, tm) != NULL;
}

void time_format_date_sv(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (local(t, &tm, buf, n))
		snprintf(buf, n, "%d %s %d", tm.tm_mday, months_sv[tm.tm_mon], tm.tm_year + 1900);
}

void time_format_datetime_sv(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (local(t, &tm, buf, n))
		snprintf(buf, n, "%d %s %d kl. %02d.%02d", tm.tm_mday, months_sv[tm.tm_mon],
		    tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void time_format_iso_local(time_t t, char *buf, size_t n)
{
	struct tm tm;
	long off;
	char sign = '+';

	if (!local(t, &tm, buf, n))
		return;
	off = tm.tm_gmtoff / 60;
	if (off < 0) {
		sign = '-';
		off = -off;
	}
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60, off % 60);
}

void time_format_input(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (local(t, &tm, buf, n))
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min);
}
