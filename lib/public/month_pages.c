/* month_pages.c: /evenemang/manad/YYYY-MM, a month of events as a calendar table. */
#include "public/public.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/timefmt.h"
#include "site/eventfmt.h"
#include "store/events.h"
#include "http/response.h"

#define MONTH_EVENTS 500          /* events shown in one month, at most */
#define FIRST_YEAR 1985           /* the network's first years */
#define LAST_YEAR 2100

static const char *const weekdays[7] = {
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
};

/* Parses "YYYY-MM" within the years served. Returns 0 or -1. */
static int parse_month(const char *s, int *year, int *month)
{
	int i;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	return *year < FIRST_YEAR || *year > LAST_YEAR || *month < 1 || *month > 12 ? -1 : 0;
}

/* Stockholm midnight starting day (1-based, may run past the month's end). */
static time_t midnight(int year, int month, int day)
{
	struct tm tm = { .tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = day,
	    .tm_isdst = -1 };

	return mktime(&tm);
}

static const char *month_path(struct req *r, int year, int month)
{
	return arena_printf(r->a, "/evenemang/manad/%04d-%02d", year, month);
}

static const char *month_label(struct req *r, int year, int month)
{
	return arena_printf(r->a, "%s %d", time_month_sv(month), year);
}

/* Adds a PREV or NEXT link to the month year-month when it is served. */
static void month_link(struct req *r, tdict *d, const char *section, int year, int month)
{
	tdict *l;

	if (month == 0)
		year--, month = 12;
	else if (month == 13)
		year++, month = 1;
	if (year < FIRST_YEAR || year > LAST_YEAR)
		return;
	l = tdict_section(d, section);
	tdict_set(l, "HREF", month_path(r, year, month));
	tdict_set(l, "LABEL", month_label(r, year, month));
}

/* Adds the events of l that overlap [from, to) to the day cell c. Returns how many. */
static int add_day_events(struct req *r, tdict *c, const struct event_list *l, time_t from,
    time_t to)
{
	tdict *list = NULL;
	size_t i;
	int n = 0;

	for (i = 0; i < l->count; i++) {
		const struct event *e = &l->items[i];
		tdict *item;

		if (e->start >= to || e->end <= from)
			continue;
		if (list == NULL)
			list = tdict_section(c, "EVENTS");
		item = tdict_section(list, "EVENT");
		tdict_set(item, "HREF", arena_printf(r->a, "/evenemang/%s", e->slug));
		tdict_set(item, "TITLE", e->title);
		if (strcmp(e->status, "cancelled") == 0)
			tdict_show(item, "CANCELLED");
		if (!e->all_day && e->start >= from) {
			struct tm tm;

			localtime_r(&e->start, &tm);
			tdict_set(tdict_section(item, "TIME"), "T",
			    arena_printf(r->a, "kl. %02d.%02d", tm.tm_hour, tm.tm_min));
		}
		n++;
	}
	return n;
}

/* The table's rows: ISO weeks from the Monday on or before the 1st. */
static int add_weeks(struct req *r, tdict *d, int year, int month, const struct event_list *l)
{
	time_t first = midnight(year, month, 1);
	struct tm tm;
	int lead, ndays, day, total = 0;

	localtime_r(&first, &tm);
	lead = (tm.tm_wday + 6) % 7;                         /* days before the 1st in its week */
	ndays = 32 - (localtime_r(&(time_t){ midnight(year, month, 32) }, &tm), tm.tm_mday);
	for (day = 1 - lead; day <= ndays; day += 7) {
		tdict *w = tdict_section(d, "WEEK");
		time_t monday = midnight(year, month, day);
		char buf[8];
		int i;

		localtime_r(&monday, &tm);
		strftime(buf, sizeof buf, "%V", &tm);
		tdict_set(w, "NUMBER", buf[0] == '0' ? buf + 1 : buf);
		for (i = 0; i < 7; i++) {
			tdict *c = tdict_section(w, "DAY");
			int dd = day + i;
			time_t from, to;
			tdict *date;
			char iso[16];          /* room for any int year, so -Werror holds at -O1 */

			if (dd < 1 || dd > ndays) {
				tdict_set(c, "CLASS", "outside");
				continue;
			}
			from = midnight(year, month, dd);
			to = midnight(year, month, dd + 1);
			date = tdict_section(c, "DATE");
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", year % 10000, month % 100, dd % 100);
			tdict_set(date, "ISO", iso);
			tdict_set_int(date, "NUM", dd);
			tdict_set(date, "LONG", arena_printf(r->a, "%s, %s", time_month_sv(month), weekdays[i]));
			if (add_day_events(r, date, l, from, to) > 0) {
				tdict_set(c, "CLASS", "has-events");
				total++;
			} else {
				tdict_set(c, "CLASS", "empty");
			}
		}
	}
	return total;
}

void page_events_month(struct req *r)
{
	struct event_list l;
	int year, month;
	tdict *d;

	if (parse_month(r->arg, &year, &month) < 0) {
		r->error_message = "Det finns ingen sådan månad i kalendern. Ange år och månad "
		    "som 2026-12 (åren 1985–2100).";
		resp_error(r, 404, "no month %s", r->arg);
		return;
	}
	if (db_events_between(r->db, r->a, midnight(year, month, 1), midnight(year, month + 1, 1),
	    MONTH_EVENTS, &l) < 0) {
		resp_error(r, 500, "month: database");
		return;
	}
	d = page_begin(r, "month.tpl", arena_printf(r->a, "Evenemang %s",
	    month_label(r, year, month)), "/evenemang");
	tdict_set(d, "MONTH_LABEL", month_label(r, year, month));
	month_link(r, d, "PREV", year, month - 1);
	month_link(r, d, "NEXT", year, month + 1);
	if (add_weeks(r, d, year, month, &l) == 0)
		tdict_show(d, "NONE");
	page_describe(r, arena_printf(r->a, "Nätverkets evenemang i %s.", month_label(r, year, month)));
	page_end(r, 200);
}

void page_events_this_month(struct req *r)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	resp_redirect(r, month_path(r, tm.tm_year + 1900, tm.tm_mon + 1));
}

const char *events_month_href(struct req *r, time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return month_path(r, tm.tm_year + 1900, tm.tm_mon + 1);
}
