/* eventfmt.c: Swedish labels and date ranges for events (Europe/Stockholm). */
#include "eventfmt.h"

#include <stdio.h>
#include <string.h>

#include "timefmt.h"

#define DASH "\xE2\x80\x93"   /* en dash */

static const struct { const char *code, *label; } kinds[] = {
	{ "arskonferens", "Årskonferens" },
	{ "hostmote", "Höstmöte" },
	{ "webbinarium", "Webbinarium" },
	{ "seminarium", "Seminarium" },
	{ "tematiskt-mote", "Tematiskt möte" },
	{ "annat", "Annat" },
};

const char *event_kind_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(code, kinds[i].code) == 0)
			return kinds[i].label;
	return NULL;
}

void event_last_day(bool all_day, time_t start, time_t end, struct tm *tm)
{
	time_t last = all_day && end > start ? end - 1 : end;

	localtime_r(&last, tm);
}

/* "19 november 2025", or without the year "19 november", or only "19". */
static int day_sv(const struct tm *tm, bool month, bool year, char *buf, size_t n)
{
	if (!month)
		return snprintf(buf, n, "%d", tm->tm_mday);
	if (!year)
		return snprintf(buf, n, "%d %s", tm->tm_mday, time_month_sv(tm->tm_mon + 1));
	return snprintf(buf, n, "%d %s %d", tm->tm_mday, time_month_sv(tm->tm_mon + 1),
	    tm->tm_year + 1900);
}

static void days_sv(const struct tm *a, const struct tm *b, char *buf, size_t n)
{
	bool same_year = a->tm_year == b->tm_year;
	bool same_month = same_year && a->tm_mon == b->tm_mon;
	char first[64], last[64];

	if (same_month && a->tm_mday == b->tm_mday) {
		day_sv(a, true, true, buf, n);
		return;
	}
	day_sv(a, !same_month, !same_year, first, sizeof first);
	day_sv(b, true, true, last, sizeof last);
	snprintf(buf, n, "%s" DASH "%s", first, last);
}

void event_when_sv(bool all_day, time_t start, time_t end, char *buf, size_t n)
{
	struct tm a, b;
	char first[64], last[64];

	localtime_r(&start, &a);
	event_last_day(all_day, start, end, &b);
	if (all_day) {
		days_sv(&a, &b, buf, n);
		return;
	}
	day_sv(&a, true, true, first, sizeof first);
	if (end <= start)
		snprintf(buf, n, "%s kl. %02d.%02d", first, a.tm_hour, a.tm_min);
	else if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday)
		snprintf(buf, n, "%s kl. %02d.%02d" DASH "%02d.%02d", first, a.tm_hour,
		    a.tm_min, b.tm_hour, b.tm_min);
	else {
		day_sv(&b, true, true, last, sizeof last);
		snprintf(buf, n, "%s kl. %02d.%02d" DASH "%s kl. %02d.%02d", first, a.tm_hour,
		    a.tm_min, last, b.tm_hour, b.tm_min);
	}
}

const char *event_place(struct arena *a, const struct event *e)
{
	if (e->online)
		return "Digitalt";
	if (e->venue[0] && e->town[0])
		return arena_printf(a, "%s, %s", e->venue, e->town);
	return e->venue[0] ? e->venue : e->town;
}

void event_month_sv(time_t t, char *buf, size_t n)
{
	struct tm tm;

	localtime_r(&t, &tm);
	snprintf(buf, n, "%s %d", time_month_sv(tm.tm_mon + 1), tm.tm_year + 1900);
}

void event_date_local(time_t t, char buf[11])
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, 11, "%Y-%m-%d", &tm) == 0)
		buf[0] = '\0';
}
