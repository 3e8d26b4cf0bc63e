/* eventfmt.c: Swedish labels and date ranges for events (Europe/Stockholm). */
#include "site/eventfmt.h"

#include <stdio.h>
#include <string.h>

#include "util/timefmt.h"

#define DASH "\xE2\x80\x93"   /* en dash */

static const struct { const char *code, *label; } kinds[] = {
	{ "arskonferens", "Årskonferens" },
	{ "hostmote", "Höstmöte" },
	{ "webbinarium", "Webbinarium" },
	{ "seminarium", "Seminarium" },
	{ "tematiskt-mote", "Tematiskt möte" },
	{ "annat", "Annat" },
};

const char *const event_kinds[] = {
	"arskonferens", "hostmote", "webbinarium", "seminarium", "tematiskt-mote", "annat", NULL,
};
const char *const event_statuses[] = { "draft", "published", "cancelled", NULL };
static const char *const status_labels[] = { "Utkast", "Publicerat", "Inställt" };

const char *event_status_label(const char *code)
{
	size_t i;

	for (i = 0; event_statuses[i] != NULL; i++)
		if (strcmp(code, event_statuses[i]) == 0)
			return status_labels[i];
	return code;
}

bool event_status_valid(const char *code)
{
	size_t i;

	for (i = 0; event_statuses[i] != NULL; i++)
		if (strcmp(code, event_statuses[i]) == 0)
			return true;
	return false;
}

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

/* Appends s (len bytes) at *p if it fits before end. */
static void put(char **p, const char *end, const char *s, size_t len)
{
	if (len > (size_t)(end - *p))
		len = (size_t)(end - *p);
	memcpy(*p, s, len);
	*p += len;
}

/* Appends "19 november 2025", or without the year "19 november", or only "19". */
static void day_sv(char **p, const char *end, const struct tm *tm, bool month, bool year)
{
	char d[TIME_SV_DATE_LEN];
	size_t len = time_date_sv_tm(tm, d);

	if (!month)
		len = (size_t)(strchr(d, ' ') - d);
	else if (!year)
		len = (size_t)(strrchr(d, ' ') - d);
	put(p, end, d, len);
}

/* Appends " kl. HH.MM". */
static void clock_sv(char **p, const char *end, const struct tm *tm)
{
	char c[] = " kl. 00.00";

	c[5] = (char)('0' + tm->tm_hour / 10);
	c[6] = (char)('0' + tm->tm_hour % 10);
	c[8] = (char)('0' + tm->tm_min / 10);
	c[9] = (char)('0' + tm->tm_min % 10);
	put(p, end, c, sizeof c - 1);
}

static void days_sv(char **p, const char *end, const struct tm *a, const struct tm *b)
{
	bool same_year = a->tm_year == b->tm_year;
	bool same_month = same_year && a->tm_mon == b->tm_mon;

	if (same_month && a->tm_mday == b->tm_mday) {
		day_sv(p, end, a, true, true);
		return;
	}
	day_sv(p, end, a, !same_month, !same_year);
	put(p, end, DASH, sizeof DASH - 1);
	day_sv(p, end, b, true, true);
}

void event_when_sv(bool all_day, time_t start, time_t end, char *buf, size_t n)
{
	struct tm a, b;
	char *p = buf, *stop = buf + (n > 0 ? n - 1 : 0);

	if (n == 0)
		return;
	localtime_r(&start, &a);
	event_last_day(all_day, start, end, &b);
	if (all_day) {
		days_sv(&p, stop, &a, &b);
	} else {
		day_sv(&p, stop, &a, true, true);
		clock_sv(&p, stop, &a);
		if (end > start && a.tm_year == b.tm_year && a.tm_yday == b.tm_yday) {
			put(&p, stop, DASH, sizeof DASH - 1);
			put(&p, stop, (const char[]){ (char)('0' + b.tm_hour / 10),
			    (char)('0' + b.tm_hour % 10), '.', (char)('0' + b.tm_min / 10),
			    (char)('0' + b.tm_min % 10) }, 5);
		} else if (end > start) {
			put(&p, stop, DASH, sizeof DASH - 1);
			day_sv(&p, stop, &b, true, true);
			clock_sv(&p, stop, &b);
		}
	}
	*p = '\0';
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
