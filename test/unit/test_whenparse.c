/* test_whenparse.c: dates and times as people type them. */
#include <criterion/criterion.h>

#include "util/timefmt.h"
#include "util/whenparse.h"

static void date_is(const char *s, int y, int m, int d)
{
	struct ymd got = { 0, 0, 0 };

	cr_assert_eq(when_parse_date(s, 2026, &got), 0, "\"%s\" refused", s);
	cr_assert(got.y == y && got.m == m && got.d == d, "\"%s\" -> %d-%d-%d", s, got.y, got.m, got.d);
}

static void clock_is(const char *s, int h, int m)
{
	int gh = -1, gm = -1, gs = -1;

	cr_assert_eq(when_parse_clock(s, &gh, &gm, &gs), 0, "\"%s\" refused", s);
	cr_assert(gh == h && gm == m && gs == 0, "\"%s\" -> %d:%d:%d", s, gh, gm, gs);
}

Test(whenparse, dates_as_written)
{
	date_is("2026-03-14", 2026, 3, 14);
	date_is("14/3", 2026, 3, 14);
	date_is(" 14/3 2027 ", 2027, 3, 14);
	date_is("14/3/2027", 2027, 3, 14);
	date_is("14.3.2027", 2027, 3, 14);
	date_is("14 mars 2026", 2026, 3, 14);
	date_is("14 Mars", 2026, 3, 14);
	date_is("1 jan 2030", 2030, 1, 1);
	date_is("14 mar", 2026, 3, 14);
	date_is("1 dec. 2030", 2030, 12, 1);
	date_is("29 februari 2028", 2028, 2, 29);
	date_is("31 december", 2026, 12, 31);
}

Test(whenparse, dates_refused)
{
	static const char *const bad[] = { "", "imorgon", "14", "14 ma 2026", "32/1",
		"29/2 2027", "2026-13-01", "2026-02-30", "14/3 26", "14 mars 2026 x", "14//3",
		"3/14", "mars 14", "14 mars 20266", NULL };
	struct ymd d;

	for (int i = 0; bad[i]; i++)
		cr_assert_eq(when_parse_date(bad[i], 2026, &d), -1, "\"%s\" accepted", bad[i]);
}

Test(whenparse, times_as_written)
{
	clock_is("09:00", 9, 0);
	clock_is("9:00", 9, 0);
	clock_is("9.00", 9, 0);
	clock_is("9", 9, 0);
	clock_is("0930", 9, 30);
	clock_is("kl. 14.15", 14, 15);
	clock_is("kl 8", 8, 0);
	clock_is(" 23:59 ", 23, 59);
	clock_is("0", 0, 0);
}

Test(whenparse, times_refused)
{
	static const char *const bad[] = { "", "24:00", "9:60", "9.5", "nio", "9:00 pm", "12345",
		"9::00", "kl", ":30", "9:00:61", "9.00.5", NULL };
	int h, m, sec;

	cr_assert_eq(when_parse_clock("09:05:30", &h, &m, &sec), 0);
	cr_assert(h == 9 && m == 5 && sec == 30);
	for (int i = 0; bad[i]; i++)
		cr_assert_eq(when_parse_clock(bad[i], &h, &m, &sec), -1, "\"%s\" accepted", bad[i]);
}

Test(whenparse, local_time_in_stockholm)
{
	struct ymd d = { 2026, 3, 14 };
	time_t t;
	char buf[TIME_UTC_LEN];

	time_init();
	cr_assert_eq(when_local(&d, 9, 0, 0, &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2026-03-14T08:00:00Z");
	d = (struct ymd){ 2026, 7, 1 };
	cr_assert_eq(when_local(&d, 9, 0, 0, &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2026-07-01T07:00:00Z");
}
