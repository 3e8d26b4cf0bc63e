/* timefmt.h: UTC storage format and Swedish display of times (Europe/Stockholm). */
#ifndef HC_UTIL_TIMEFMT_H
#define HC_UTIL_TIMEFMT_H

#include <stddef.h>
#include <time.h>

#define TIME_UTC_LEN 21  /* "2024-03-14T08:30:00Z" and its NUL */

/* Sets TZ to Europe/Stockholm for the process. Call once, before threads. */
void time_init(void);
/* Parses "YYYY-MM-DDTHH:MM:SSZ" (the storage format). Returns 0 or -1. */
int time_parse_utc(const char *s, time_t *out);
/* Writes the storage format of t into buf. */
void time_format_utc(time_t t, char buf[TIME_UTC_LEN]);
/* Parses a Stockholm wall-clock time "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM"
 * (seconds optional) or a bare date "YYYY-MM-DD" (midnight). Validates ranges.
 * Returns 0 or -1. */
int time_parse_local(const char *s, time_t *out);
/* "14 mars 2024" */
void time_format_date_sv(time_t t, char *buf, size_t n);
/* "14 mars 2024 kl. 09.00" */
void time_format_datetime_sv(time_t t, char *buf, size_t n);
/* The one "stored UTC time -> Swedish date and time" of the site: utc in the
 * storage format, written as time_format_datetime_sv does; "" when utc does
 * not parse. */
void time_utc_datetime_sv(const char *utc, char *buf, size_t n);
/* "2024-03-14T09:00:00+01:00", for <time datetime>. */
void time_format_iso_local(time_t t, char *buf, size_t n);
#define TIME_ISO_LEN 26      /* "2024-03-14T09:00:00+01:00" and its NUL */
#define TIME_SV_DATE_LEN 32  /* "14 september 2024" and its NUL, with room */
/* The same two from a broken-down Stockholm time (localtime_r, with
 * tm_gmtoff): for callers that already have it. time_date_sv_tm returns the
 * length written. */
void time_iso_local_tm(const struct tm *tm, char buf[TIME_ISO_LEN]);
size_t time_date_sv_tm(const struct tm *tm, char buf[TIME_SV_DATE_LEN]);
/* "2024-03-14 09:00", the form an input field holds. */
void time_format_input(time_t t, char *buf, size_t n);
/* Swedish month name, 1..12 -> "januari".."december"; NULL when out of range. */
const char *time_month_sv(int month);
#define TIME_RFC822_LEN 32   /* "Sat, 14 Mar 2024 09:00:00 +0100" and its NUL */
/* RFC 822 with the Stockholm offset, for RSS: "Thu, 14 Mar 2024 09:00:00 +0100". */
void time_format_rfc822(time_t t, char buf[TIME_RFC822_LEN]);
/* The HTTP date (Last-Modified): "Thu, 14 Mar 2024 08:00:00 GMT". */
void time_format_http(time_t t, char buf[TIME_RFC822_LEN]);
/* Parses an HTTP date in that form (If-Modified-Since). Returns 0 or -1. */
int time_parse_http(const char *s, time_t *out);

#endif
