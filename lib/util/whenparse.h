/* whenparse.h: dates and times as people type them ("14 mars 2026", "14/3", "9.00") and as date and time fields send them. */
#ifndef HC_UTIL_WHENPARSE_H
#define HC_UTIL_WHENPARSE_H

#include <time.h>

/* A calendar date. */
struct ymd {
	int y, m, d;
};

/* Parses a date: "2026-03-14" (what <input type="date"> sends), "14/3",
 * "14/3 2026", "14/3/2026", "14.3.2026", "14 mars 2026", "14 mars",
 * "14 mar 2026" (month names and their first three letters, any case).
 * Without a year: year. Spaces around are allowed. Checks the calendar.
 * Returns 0 or -1. Pure. */
int when_parse_date(const char *s, int year, struct ymd *out);
/* Parses a time of day: "09:00" (what <input type="time"> sends; also
 * "09:00:30" with seconds), "9:00", "9.00", "9", "0900", "kl. 9.30", "kl 14".
 * Sets *hour, *min and *sec (0 when not given). Returns 0 or -1. Pure. */
int when_parse_clock(const char *s, int *hour, int *min, int *sec);
/* The Stockholm time of date at hour:min:sec (the process's TZ). Returns 0 or -1. */
int when_local(const struct ymd *date, int hour, int min, int sec, time_t *out);

#endif
