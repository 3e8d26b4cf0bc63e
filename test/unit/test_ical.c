/* test_ical.c: unit tests for RFC 5545 escaping, folding and events. */
#include <criterion/criterion.h>
#include <string.h>

#include "site/ical.h"
#include "util/timefmt.h"

static struct arena a;

static void setup(void)
{
	time_init();
}

static void teardown(void)
{
	arena_free(&a);
}

TestSuite(ical, .init = setup, .fini = teardown);

Test(ical, escape)
{
	cr_assert_str_eq(ical_escape(&a, "a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
	cr_assert_str_eq(ical_escape(&a, ""), "");
	cr_assert_str_eq(ical_escape(&a, "Malmö"), "Malmö");
}

/* Checks every line of s: CRLF ended, at most 75 octets, no character split. */
static void check_folded(const char *s, size_t len)
{
	const char *p = s, *eol;

	while (p < s + len) {
		eol = strstr(p, "\r\n");
		cr_assert_not_null(eol);
		cr_assert_leq(eol - p, 75, "line of %d octets", (int)(eol - p));
		cr_assert_neq((unsigned char)eol[2] & 0xC0, 0x80, "character split");
		p = eol + 2;
	}
}

Test(ical, fold)
{
	struct abuf b = { .a = &a };
	char line[400];
	size_t i;

	for (i = 0; i + 2 < sizeof line - 1; i += 2)
		memcpy(line + i, "\xC3\xA5", 2);    /* å, two octets each */
	line[i] = 'x';
	line[i + 1] = '\0';
	ical_fold(&b, line, strlen(line));
	check_folded(b.p, b.len);
	cr_assert_eq(b.p[74], '\r');         /* 74 octets: 75 would split an å */
	cr_assert_eq(b.p[73], '\xA5');
	b.len = 0;
	ical_fold(&b, "SHORT:x", 7);
	cr_assert_str_eq(b.p, "SHORT:x\r\n");
	b.len = 0;
	memset(line, 'a', 150);
	line[150] = '\0';
	ical_fold(&b, line, 150);
	cr_assert_eq(b.len, 150 + 2 + 3 + 3);    /* 75 + 74 + 1, two folds */
	check_folded(b.p, b.len);
}

Test(ical, calendar)
{
	struct abuf b = { .a = &a };
	struct event e = {
		.id = 7, .slug = "host", .title = "Höstmöte, Borås", .kind = "hostmote",
		.status = "cancelled", .venue = "Stadshuset", .town = "Borås", .join_url = "",
		.description_html = "", .description_text = "Text", .registration_url = "",
		.registration_until = "", .programme_url = "",
	};

	time_parse_utc("2027-10-31T09:00:00Z", &e.start);
	time_parse_utc("2027-10-31T11:30:00Z", &e.end);
	time_parse_utc("2027-01-02T03:04:05Z", &e.updated);
	e.created = e.updated;
	ical_calendar(&b, "https://www.healthycities.se", "Kalender", &e, 1);
	check_folded(b.p, b.len);
	cr_assert_not_null(strstr(b.p, "UID:event-7@www.healthycities.se\r\n"));
	cr_assert_not_null(strstr(b.p, "DTSTAMP:20270102T030405Z\r\n"));
	cr_assert_not_null(strstr(b.p, "DTSTART;TZID=Europe/Stockholm:20271031T100000\r\n"));
	cr_assert_not_null(strstr(b.p, "DTEND;TZID=Europe/Stockholm:20271031T123000\r\n"));
	cr_assert_not_null(strstr(b.p, "SUMMARY:Inställt: Höstmöte\\, Borås\r\n"));
	cr_assert_not_null(strstr(b.p, "LOCATION:Stadshuset\\, Borås\r\n"));
	cr_assert_not_null(strstr(b.p, "STATUS:CANCELLED\r\n"));
	cr_assert_not_null(strstr(b.p, "URL:https://www.healthycities.se/evenemang/host\r\n"));
	e.all_day = true;
	e.status = "published";
	time_parse_local("2027-10-30", &e.start);
	time_parse_local("2027-11-01", &e.end);
	b.len = 0;
	ical_calendar(&b, "https://x.se", "K", &e, 1);
	cr_assert_not_null(strstr(b.p, "DTSTART;VALUE=DATE:20271030\r\n"));
	cr_assert_not_null(strstr(b.p, "DTEND;VALUE=DATE:20271101\r\n"));
	cr_assert_not_null(strstr(b.p, "STATUS:CONFIRMED\r\n"));
}
