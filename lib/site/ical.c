/* ical.c: writing events as RFC 5545 calendar files. */
#include "site/ical.h"

#include <string.h>
#include <time.h>

#include "site/eventfmt.h"
#include "util/timefmt.h"

#define ICAL_LINE_MAX 75

/* Europe/Stockholm under the EU summer-time rules (in force since 1996; the
 * site has no older events). */
static const char vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Europe/Stockholm\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

/* Appends s to b escaped as a TEXT value: runs of plain bytes at once. */
static void escape_into(struct abuf *b, const char *s)
{
	size_t run;

	for (;;) {
		run = strcspn(s, "\\;,\n\r");
		abuf_add(b, s, run);
		s += run;
		if (*s == '\0')
			return;
		if (*s == '\n')
			abuf_add(b, "\\n", 2);
		else if (*s != '\r')
			abuf_add(b, (const char[]){ '\\', *s }, 2);
		s++;
	}
}

char *ical_escape(struct arena *a, const char *s)
{
	struct abuf b = { .a = a };

	abuf_add(&b, "", 0);
	escape_into(&b, s);
	return b.p;
}

void ical_fold(struct abuf *b, const char *s, size_t n)
{
	size_t room = ICAL_LINE_MAX, cut;

	abuf_reserve(b, n + n / (ICAL_LINE_MAX - 1) * 3 + 2);
	while (n > room) {
		cut = room;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == 0)   /* not UTF-8: cut anywhere rather than loop */
			cut = room;
		abuf_add(b, s, cut);
		abuf_add(b, "\r\n ", 3);
		s += cut;
		n -= cut;
		room = ICAL_LINE_MAX - 1;
	}
	abuf_add(b, s, n);
	abuf_add(b, "\r\n", 2);
}

/* Where one calendar is written: the file, and a scratch line for folding. */
struct out {
	struct abuf *b;
	struct abuf line;
};

/* Starts a content line "NAME:" in the scratch line. */
static void line_start(struct out *o, const char *name)
{
	o->line.len = 0;
	abuf_str(&o->line, name);
	abuf_add(&o->line, ":", 1);
}

static void line_end(struct out *o)
{
	ical_fold(o->b, o->line.p, o->line.len);
}

/* Appends "NAME:value" with value escaped as TEXT. */
static void prop_text(struct out *o, const char *name, const char *value)
{
	line_start(o, name);
	escape_into(&o->line, value);
	line_end(o);
}

/* Writes n decimal digits of v at p. */
static void put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Appends "YYYYMMDD" and, unless date_only, "THHMMSS". */
static void put_stamp(struct abuf *b, const struct tm *tm, int date_only)
{
	char s[15];

	put_digits(s, tm->tm_year + 1900, 4);
	put_digits(s + 4, tm->tm_mon + 1, 2);
	put_digits(s + 6, tm->tm_mday, 2);
	s[8] = 'T';
	put_digits(s + 9, tm->tm_hour, 2);
	put_digits(s + 11, tm->tm_min, 2);
	put_digits(s + 13, tm->tm_sec, 2);
	abuf_add(b, s, date_only ? 8 : 15);
}

/* Appends a DTSTART or DTEND: a local time with TZID, or a date. */
static void prop_time(struct abuf *b, const char *name, time_t t, int date_only)
{
	struct tm tm;

	localtime_r(&t, &tm);
	abuf_str(b, name);
	abuf_str(b, date_only ? ";VALUE=DATE:" : ";TZID=Europe/Stockholm:");
	put_stamp(b, &tm, date_only);
	abuf_add(b, "\r\n", 2);
}

static void prop_utc(struct abuf *b, const char *name, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	abuf_str(b, name);
	abuf_add(b, ":", 1);
	put_stamp(b, &tm, 0);
	abuf_add(b, "Z\r\n", 3);
}

/* "host" of "https://host:port/path". */
static char *url_host(struct arena *a, const char *url)
{
	const char *p = strstr(url, "://");

	p = p ? p + 3 : url;
	return arena_strndup(a, p, strcspn(p, ":/"));
}

/* Adds a paragraph to the description being written in the scratch line. */
static void paragraph(struct out *o, size_t start, const char *label, const char *text)
{
	if (o->line.len > start)
		abuf_add(&o->line, "\\n\\n", 4);
	escape_into(&o->line, label);
	escape_into(&o->line, text);
}

/* The plain-text description: the text, then how to join and register. */
static void prop_description(struct out *o, const struct event *e)
{
	char day[64];
	time_t until;
	size_t start;

	line_start(o, "DESCRIPTION");
	start = o->line.len;
	escape_into(&o->line, e->description_text);
	if (e->online && e->join_url[0])
		paragraph(o, start, "Anslut: ", e->join_url);
	if (e->registration_url[0]) {
		paragraph(o, start, "Anmälan: ", e->registration_url);
		if (e->registration_until[0] && time_parse_local(e->registration_until, &until) == 0) {
			time_format_date_sv(until, day, sizeof day);
			escape_into(&o->line, ", senast ");
			escape_into(&o->line, day);
		}
	}
	if (e->programme_url[0])
		paragraph(o, start, "Program: ", e->programme_url);
	line_end(o);
}

static void vevent(struct out *o, const char *site_url, const char *host,
    const struct event *e)
{
	int cancelled = strcmp(e->status, "cancelled") == 0;
	const char *kind = event_kind_label(e->kind);
	struct abuf *b = o->b;

	abuf_str(b, "BEGIN:VEVENT\r\nUID:event-");
	abuf_printf(b, "%lld@", e->id);
	abuf_str(b, host);
	abuf_add(b, "\r\n", 2);
	prop_utc(b, "DTSTAMP", e->updated);
	prop_utc(b, "CREATED", e->created);
	prop_utc(b, "LAST-MODIFIED", e->updated);
	prop_time(b, "DTSTART", e->start, e->all_day);
	prop_time(b, "DTEND", e->end, e->all_day);
	line_start(o, "SUMMARY");
	if (cancelled)
		abuf_str(&o->line, "Inställt: ");
	escape_into(&o->line, e->title);
	line_end(o);
	prop_text(o, "LOCATION", event_place(b->a, e));
	prop_description(o, e);
	if (kind)
		prop_text(o, "CATEGORIES", kind);
	line_start(o, "URL");
	abuf_str(&o->line, site_url);
	abuf_str(&o->line, "/evenemang/");
	abuf_str(&o->line, e->slug);
	line_end(o);
	abuf_str(b, cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n");
	abuf_str(b, "END:VEVENT\r\n");
}

void ical_calendar(struct abuf *b, const char *site_url, const char *name,
    const struct event *ev, size_t n)
{
	struct out o = { .b = b, .line = { .a = b->a } };
	const char *host = url_host(b->a, site_url);
	size_t i;

	abuf_reserve(b, 2048 + n * 800);
	abuf_str(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Healthy Cities Sverige//hcweb//SV\r\n"
	    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	prop_text(&o, "X-WR-CALNAME", name);
	abuf_str(b, "X-WR-TIMEZONE:Europe/Stockholm\r\n");
	abuf_str(b, vtimezone);
	for (i = 0; i < n; i++)
		vevent(&o, site_url, host, &ev[i]);
	abuf_str(b, "END:VCALENDAR\r\n");
}
