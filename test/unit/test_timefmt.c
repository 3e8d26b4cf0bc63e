/* test_timefmt.c: unit tests for UTC storage and Swedish display of times. */
#include <criterion/criterion.h>

#include "util/timefmt.h"

static void setup(void)
{
	time_init();
}

TestSuite(timefmt, .init = setup);

static time_t utc(const char *s)
{
	time_t t = 0;

	cr_assert_eq(time_parse_utc(s, &t), 0, "parse \"%s\"", s);
	return t;
}

static void iso_local(const char *stored, const char *want)
{
	char buf[64];

	time_format_iso_local(utc(stored), buf, sizeof(buf));
	cr_assert_str_eq(buf, want, "for %s", stored);
}

Test(timefmt, utc_round_trip)
{
	char buf[TIME_UTC_LEN];
	time_t t = utc("2024-03-14T08:30:00Z");

	cr_assert_eq(t, 1710405000);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2024-03-14T08:30:00Z");
	cr_assert_eq(utc("1970-01-01T00:00:00Z"), 0);
	cr_assert_eq(utc("2024-02-29T23:59:59Z"), 1709251199);
}

Test(timefmt, utc_rejects_bad_input)
{
	static const char *const bad[] = {
		"", "2024-03-14", "2024-03-14T08:30:00", "2024-03-14 08:30:00Z",
		"2024-03-14T08:30:00+01:00", "2024-03-14T08:30:00Zx", "2024-3-14T08:30:00Z",
		"2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-02-30T00:00:00Z",
		"2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-03-14T24:00:00Z",
		"2024-03-14T08:60:00Z", "2024-03-14T08:30:60Z", "2024-03-1xT08:30:00Z",
		"-024-03-14T08:30:00Z", "2024-03-14T08:30:0 Z",
	};
	time_t t = 42;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(time_parse_utc(bad[i], &t), -1, "accepted \"%s\"", bad[i]);
	cr_assert_eq(t, 42);
}

Test(timefmt, swedish_display)
{
	char buf[64];
	time_t t = utc("2024-03-14T08:00:00Z");

	time_format_date_sv(t, buf, sizeof(buf));
	cr_assert_str_eq(buf, "14 mars 2024");
	time_format_datetime_sv(t, buf, sizeof(buf));
	cr_assert_str_eq(buf, "14 mars 2024 kl. 09.00");
	time_format_iso_local(t, buf, sizeof(buf));
	cr_assert_str_eq(buf, "2024-03-14T09:00:00+01:00");
	time_format_input(t, buf, sizeof(buf));
	cr_assert_str_eq(buf, "2024-03-14 09:00");
	time_format_date_sv(utc("2024-06-05T22:30:00Z"), buf, sizeof(buf));
	cr_assert_str_eq(buf, "6 juni 2024");  /* after midnight in Stockholm */
	time_format_datetime_sv(utc("2024-06-05T22:30:00Z"), buf, sizeof(buf));
	cr_assert_str_eq(buf, "6 juni 2024 kl. 00.30");
	time_utc_datetime_sv("2024-06-05T22:30:00Z", buf, sizeof(buf));
	cr_assert_str_eq(buf, "6 juni 2024 kl. 00.30");
	time_utc_datetime_sv("inte en tid", buf, sizeof(buf));
	cr_assert_str_eq(buf, "");
}

Test(timefmt, small_buffers_truncate_safely)
{
	char buf[5];

	time_format_datetime_sv(utc("2024-03-14T08:00:00Z"), buf, sizeof(buf));
	cr_assert_str_eq(buf, "14 m");
	time_format_date_sv(0, buf, 0);  /* must not write */
}

Test(timefmt, dst_spring_forward)
{
	iso_local("2024-03-31T00:30:00Z", "2024-03-31T01:30:00+01:00");
	iso_local("2024-03-31T01:00:00Z", "2024-03-31T03:00:00+02:00");
	iso_local("2024-03-31T01:30:00Z", "2024-03-31T03:30:00+02:00");
}

Test(timefmt, dst_fall_back)
{
	iso_local("2024-10-27T00:30:00Z", "2024-10-27T02:30:00+02:00");
	iso_local("2024-10-27T01:30:00Z", "2024-10-27T02:30:00+01:00");
	iso_local("2024-12-24T15:00:00Z", "2024-12-24T16:00:00+01:00");
}

Test(timefmt, month_names)
{
	static const char *const want[] = {
		"januari", "februari", "mars", "april", "maj", "juni",
		"juli", "augusti", "september", "oktober", "november", "december",
	};
	int m;

	for (m = 1; m <= 12; m++)
		cr_assert_str_eq(time_month_sv(m), want[m - 1]);
	cr_assert_null(time_month_sv(0));
	cr_assert_null(time_month_sv(13));
	cr_assert_null(time_month_sv(-1));
}

Test(timefmt, parse_local_forms)
{
	time_t t;
	char buf[TIME_UTC_LEN];

	cr_assert_eq(time_parse_local("2024-03-14 09:00", &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2024-03-14T08:00:00Z");
	cr_assert_eq(time_parse_local("2024-07-01T18:15", &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2024-07-01T16:15:00Z");
	cr_assert_eq(time_parse_local("2024-07-01 18:15:42", &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2024-07-01T16:15:42Z");
	cr_assert_eq(time_parse_local("2024-12-31", &t), 0);
	time_format_utc(t, buf);
	cr_assert_str_eq(buf, "2024-12-30T23:00:00Z");
	cr_assert_eq(time_parse_local("2024-02-29", &t), 0);
}

Test(timefmt, parse_local_round_trip)
{
	char in[32];
	time_t t, back;

	t = utc("2024-10-27T00:30:00Z");  /* 02:30 CEST; input form drops the offset */
	time_format_input(t, in, sizeof(in));
	cr_assert_str_eq(in, "2024-10-27 02:30");
	cr_assert_eq(time_parse_local(in, &back), 0);
	cr_assert(back == t || back == t + 3600);  /* ambiguous hour: either is fine */
	t = utc("2024-05-17T10:45:00Z");
	time_format_input(t, in, sizeof(in));
	cr_assert_eq(time_parse_local(in, &back), 0);
	cr_assert_eq(back, t);
}

Test(timefmt, parse_local_dst_gap_accepted)
{
	time_t t;

	cr_assert_eq(time_parse_local("2024-03-31 02:30", &t), 0);
}

Test(timefmt, parse_local_rejects_bad_input)
{
	static const char *const bad[] = {
		"", "2024", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-01",
		"2024-01-00", "2024-01-32", "2024-06-31", "2024-03-14 24:00", "2024-03-14 23:60",
		"2024-03-14 09:00:60", "2024-03-14 9:00", "2024-03-14X09:00", "2024-03-14 09.00",
		"2024-03-14 09:00Z", "14 mars 2024", "2024/03/14", " 2024-03-14", "2024-03-14 ",
		"2024-03-14 09:0a", "1800-01-01",
	};
	time_t t = 42;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(time_parse_local(bad[i], &t), -1, "accepted \"%s\"", bad[i]);
	cr_assert_eq(t, 42);
}
