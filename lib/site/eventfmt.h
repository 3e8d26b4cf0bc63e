/* eventfmt.h: what an event is to the site, and how it is told in Swedish:
 * kinds, statuses, dates and date ranges. Knows no table. */
#ifndef HC_SITE_EVENTFMT_H
#define HC_SITE_EVENTFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"

/* An event as the site knows it (store/events.h reads and writes them). */
struct event {
	long long id;
	const char *slug, *title, *kind, *status;
	bool all_day, online;
	time_t start, end;        /* whole-day events: exclusive end (midnight after) */
	const char *venue, *town, *join_url;
	const char *description_html, *description_text;
	const char *registration_url;
	const char *registration_until;   /* Stockholm date YYYY-MM-DD, or "" */
	const char *programme_url;
	time_t created, updated;
};

/* The codes of the kinds and statuses, NULL-terminated, in form order. */
extern const char *const event_kinds[];
extern const char *const event_statuses[];
/* The Swedish label of a status code ("cancelled" -> "Inställt"); the code
 * itself when unknown. Pure. */
const char *event_status_label(const char *code);
/* True when code is one of event_statuses. */
bool event_status_valid(const char *code);

/* The label of an event kind code ("hostmote" -> "Höstmöte"); NULL when the
 * code is not one of the kinds the events table allows. */
const char *event_kind_label(const char *code);
/* When an event is, the Swedish way, in Stockholm time:
 *   timed, one day:   "19 november 2025 kl. 09.00–12.00"
 *   timed, two days:  "30 september 2025 kl. 13.00–1 oktober 2025 kl. 12.00"
 *   whole day:        "19 november 2025"
 *   whole days:       "21–22 oktober 2025", "30 september–2 oktober 2025",
 *                     "30 december 2025–2 januari 2026"
 * For whole-day events end is exclusive (midnight after the last day).
 * Writes at most n bytes into buf. */
void event_when_sv(bool all_day, time_t start, time_t end, char *buf, size_t n);
/* Where an event is: "Digitalt", "Stadshuset, Malmö", "Malmö", or "". The
 * string is e's or lives in a. */
const char *event_place(struct arena *a, const struct event *e);
/* The month of t in Stockholm, "oktober 2025". */
void event_month_sv(time_t t, char *buf, size_t n);
/* The Stockholm date of t as "YYYY-MM-DD". */
void event_date_local(time_t t, char buf[11]);
/* The last day of an event (Stockholm): for whole-day events the day before the
 * exclusive end, else the day of end. Fills tm. */
void event_last_day(bool all_day, time_t start, time_t end, struct tm *tm);

#endif
