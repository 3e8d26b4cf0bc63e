/* test_eventfmt.c: unit tests for Swedish event dates and kinds. */
#include <criterion/criterion.h>

#include "site/eventfmt.h"
#include "util/timefmt.h"

static void setup(void)
{
	time_init();
}

TestSuite(eventfmt, .init = setup);

static time_t local(const char *s)
{
	time_t t = 0;

	cr_assert_eq(time_parse_local(s, &t), 0, "parse \"%s\"", s);
	return t;
}

static void when(int all_day, const char *from, const char *to, const char *want)
{
	char buf[160];

	event_when_sv(all_day, local(from), local(to), buf, sizeof buf);
	cr_assert_str_eq(buf, want, "for %s – %s", from, to);
}

Test(eventfmt, timed)
{
	when(0, "2025-11-19 09:00", "2025-11-19 12:00", "19 november 2025 kl. 09.00–12.00");
	when(0, "2025-11-19 09:00", "2025-11-19 09:00", "19 november 2025 kl. 09.00");
	when(0, "2025-09-30 13:00", "2025-10-01 12:00",
	    "30 september 2025 kl. 13.00–1 oktober 2025 kl. 12.00");
	/* across the change to summer time: the clock times are Stockholm's */
	when(0, "2027-03-28 01:00", "2027-03-28 04:00", "28 mars 2027 kl. 01.00–04.00");
}

Test(eventfmt, whole_days)
{
	when(1, "2025-11-19", "2025-11-20", "19 november 2025");
	when(1, "2025-10-21", "2025-10-23", "21–22 oktober 2025");
	when(1, "2025-09-30", "2025-10-03", "30 september–2 oktober 2025");
	when(1, "2025-12-30", "2026-01-03", "30 december 2025–2 januari 2026");
	when(1, "2027-10-30", "2027-11-01", "30–31 oktober 2027");   /* a 25-hour day */
}

Test(eventfmt, month_and_date)
{
	char buf[32], day[11];

	event_month_sv(local("2025-10-05 10:00"), buf, sizeof buf);
	cr_assert_str_eq(buf, "oktober 2025");
	event_date_local(local("2025-12-31 23:30"), day);
	cr_assert_str_eq(day, "2025-12-31");
}

Test(eventfmt, kinds)
{
	cr_assert_str_eq(event_kind_label("hostmote"), "Höstmöte");
	cr_assert_str_eq(event_kind_label("tematiskt-mote"), "Tematiskt möte");
	cr_assert_null(event_kind_label("fest"));
	cr_assert_null(event_kind_label(""));
}

Test(eventfmt, place)
{
	struct arena a = { 0 };
	struct event e = { .venue = "Stadshuset", .town = "Malmö" };

	cr_assert_str_eq(event_place(&a, &e), "Stadshuset, Malmö");
	e.venue = "";
	cr_assert_str_eq(event_place(&a, &e), "Malmö");
	e.town = "";
	cr_assert_str_eq(event_place(&a, &e), "");
	e.online = true;
	e.venue = "Stadshuset";
	cr_assert_str_eq(event_place(&a, &e), "Digitalt");
	arena_free(&a);
}
