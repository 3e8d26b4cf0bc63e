/* timefmt.c: parse and format times; stored as UTC, shown in Swedish Stockholm time. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1  /* timegm, localtime_r, tm_gmtoff, setenv */
#endif
#include "util/timefmt.h"

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

/* Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's
 * days_from_civil): what timegm computes, without its normalising work. */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int time_parse_utc(const char *s, time_t *out)
{
	struct tm tm = { 0 };

	if (strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z')
		return -1;
	if (parse_date(s, &tm) || parse_clock(s + 11, true, &tm))
		return -1;
	*out = (time_t)(days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday) * 86400 +
	    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
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

/* Copies len bytes of s into buf of n > 0 bytes, cut to fit, NUL-terminated. */
static void copy_out(char *buf, size_t n, const char *s, size_t len)
{
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

/* Writes v as exactly width digits (zero-padded) at p; returns the end. */
static char *put_digits(char *p, long v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* Writes v without padding (0 <= v < 100000) at p; returns the end. */
static char *put_int(char *p, long v)
{
	return put_digits(p, v, v >= 10000 ? 5 : v >= 1000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1);
}

size_t time_date_sv_tm(const struct tm *tm, char buf[TIME_SV_DATE_LEN])
{
	const char *m = months_sv[tm->tm_mon];
	size_t mlen = strlen(m);
	char *p = buf;
	long y = tm->tm_year + 1900L;

	if (y < 0 || y > 99999)
		y = 0;
	p = put_int(p, tm->tm_mday);
	*p++ = ' ';
	memcpy(p, m, mlen);
	p += mlen;
	*p++ = ' ';
	p = put_int(p, y);
	*p = '\0';
	return (size_t)(p - buf);
}

void time_format_date_sv(time_t t, char *buf, size_t n)
{
	char tmp[TIME_SV_DATE_LEN];
	struct tm tm;
	size_t len;

	if (!local(t, &tm, buf, n))
		return;
	len = time_date_sv_tm(&tm, tmp);
	copy_out(buf, n, tmp, len);
}

void time_format_datetime_sv(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (local(t, &tm, buf, n))
		snprintf(buf, n, "%d %s %d kl. %02d.%02d", tm.tm_mday, months_sv[tm.tm_mon],
		    tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void time_iso_local_tm(const struct tm *tm, char buf[TIME_ISO_LEN])
{
	long off = tm->tm_gmtoff / 60, y = tm->tm_year + 1900L;
	char *p = buf;

	if (y < 0 || y > 9999)
		y = 0;
	p = put_digits(p, y, 4);
	*p++ = '-';
	p = put_digits(p, tm->tm_mon + 1, 2);
	*p++ = '-';
	p = put_digits(p, tm->tm_mday, 2);
	*p++ = 'T';
	p = put_digits(p, tm->tm_hour, 2);
	*p++ = ':';
	p = put_digits(p, tm->tm_min, 2);
	*p++ = ':';
	p = put_digits(p, tm->tm_sec, 2);
	*p++ = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	p = put_digits(p, off / 60 % 100, 2);
	*p++ = ':';
	p = put_digits(p, off % 60, 2);
	*p = '\0';
}

void time_format_iso_local(time_t t, char *buf, size_t n)
{
	char tmp[TIME_ISO_LEN];
	struct tm tm;

	if (!local(t, &tm, buf, n))
		return;
	time_iso_local_tm(&tm, tmp);
	copy_out(buf, n, tmp, strlen(tmp));
}

void time_format_input(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (local(t, &tm, buf, n))
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min);
}

void time_utc_datetime_sv(const char *utc, char *buf, size_t n)
{
	time_t t;

	if (n > 0)
		buf[0] = '\0';
	if (utc != NULL && time_parse_utc(utc, &t) == 0)
		time_format_datetime_sv(t, buf, n);
}

static const char rfc_days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char rfc_months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void time_format_rfc822(time_t t, char buf[TIME_RFC822_LEN])
{
	struct tm tm;
	int off;

	buf[0] = '\0';
	if (localtime_r(&t, &tm) == NULL || tm.tm_year < -1900 || tm.tm_year > 9999 - 1900)
		return;
	off = (int)(tm.tm_gmtoff / 60) % (24 * 60);
	snprintf(buf, TIME_RFC822_LEN, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
	    rfc_days[tm.tm_wday % 7], tm.tm_mday % 100, rfc_months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour % 100, tm.tm_min % 100, tm.tm_sec % 100,
	    off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
}

void time_format_http(time_t t, char buf[TIME_RFC822_LEN])
{
	struct tm tm;

	buf[0] = '\0';
	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(buf, TIME_RFC822_LEN, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    rfc_days[tm.tm_wday], tm.tm_mday, rfc_months[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int time_parse_http(const char *s, time_t *out)
{
	char wd[4], mon[4];
	struct tm tm = { 0 };
	int i;

	if (s == NULL || sscanf(s, "%3s, %d %3s %d %d:%d:%d GMT", wd, &tm.tm_mday, mon,
	    &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 7)
		return -1;
	for (i = 0; i < 12 && strcmp(mon, rfc_months[i]) != 0; i++)
		;
	if (i == 12 || tm.tm_year < 1970 || tm.tm_year > 9999 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	tm.tm_mon = i;
	tm.tm_year -= 1900;
	*out = timegm(&tm);
	return 0;
}
