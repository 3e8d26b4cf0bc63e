/* test_mailmsg.c: the address validator, the header checks and the MIME builder. */
#include <criterion/criterion.h>
#include <gmime/gmime.h>
#include <stdlib.h>
#include <string.h>

#include "site/mailmsg.h"
#include "util/mailaddr.h"

Test(mailaddr, good)
{
	static const char *good[] = {
		"a@b.se", "anna.berg@example.se", "x+tag@sub.example.co.uk",
		"o'neil@example.com", "user_1@xn--mlm-cla.se", "a@1.example.se",
		"first.last-x{y}@e-x.se",
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_assert_eq(mailaddr_check(good[i]), MA_OK, "%s", good[i]);
}

Test(mailaddr, bad)
{
	static const char *bad[] = {
		"", "a", "@b.se", "a@", "a@b", "a@.se", "a@b..se", "a@-b.se", "a@b-.se",
		".a@b.se", "a.@b.se", "a..b@c.se", "a b@c.se", "a@b c.se", "a@b.123",
		"\"a\"@b.se", "a@[127.0.0.1]", "a(b)@c.se", "a,b@c.se", "a<b@c.se",
		"åsa@example.se", "a@exämple.se", "a@b.se>", "a@b@c.se", "a@b_c.se",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_neq(mailaddr_check(bad[i]), MA_OK, "%s", bad[i]);
}

Test(mailaddr, control_characters_and_lengths)
{
	char local[80], addr[300];

	cr_assert_eq(mailaddr_check("a@b.se\r\nBcc: c@d.se"), MA_CONTROL);
	cr_assert_eq(mailaddr_check("a@b.se\n"), MA_CONTROL);
	cr_assert_eq(mailaddr_check("a\t@b.se"), MA_CONTROL);
	memset(local, 'a', 64);
	local[64] = '\0';
	snprintf(addr, sizeof addr, "%s@b.se", local);
	cr_assert_eq(mailaddr_check(addr), MA_OK);
	memset(local, 'a', 65);
	local[65] = '\0';
	snprintf(addr, sizeof addr, "%s@b.se", local);
	cr_assert_eq(mailaddr_check(addr), MA_SYNTAX);
	strcpy(addr, "abc@");
	for (int i = 0; i < 4; i++)
		strcat(addr, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.");
	strcat(addr, "se");
	cr_assert_eq(strlen(addr), 250);
	cr_assert_eq(mailaddr_check(addr), MA_OK);
	strcpy(addr + 246, "aaaaaaa.se");   /* 256 octets */
	cr_assert_eq(mailaddr_check(addr), MA_LONG);
}

Test(mailaddr, header_values)
{
	cr_assert_eq(mail_header_check("Nyhetsbrev – hösten 2026", 900), MA_OK);
	cr_assert_eq(mail_header_check("a\tb", 900), MA_OK);
	cr_assert_eq(mail_header_check("Hej\r\nBcc: x@y.se", 900), MA_CONTROL);
	cr_assert_eq(mail_header_check("Hej\n", 900), MA_CONTROL);
	cr_assert_eq(mail_header_check("Hej\r", 900), MA_CONTROL);
	cr_assert_eq(mail_header_check("\xff\xfe", 900), MA_UTF8);
	cr_assert_eq(mail_header_check("abcd", 3), MA_LONG);
	cr_assert(mail_header_name_ok("List-Unsubscribe"));
	cr_assert(!mail_header_name_ok("List Unsubscribe"));
	cr_assert(!mail_header_name_ok("X:y"));
	cr_assert(!mail_header_name_ok(""));
}

static struct mail_msg base(void)
{
	return (struct mail_msg){
		.from_name = "Healthy Cities Sverige", .from_addr = "info@example.se",
		.to_addr = "anna@example.se", .to_name = "Anna Åberg",
		.subject = "Nyhetsbrev – hösten 2026 med en ganska lång ämnesrad som måste "
		    "vikas över flera rader för att hålla sig under gränsen",
		.text = "Hej!\n.\nEn rad med en punkt ensam ovan.\n", .html = "<p>Hej & välkommen</p>",
		.msgid_domain = "www.example.se",
	};
}

/* Parses the bytes back with GMime. */
static GMimeMessage *parse(const char *buf, size_t len)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(buf, len);
	GMimeParser *p = g_mime_parser_new_with_stream(s);
	GMimeMessage *m = g_mime_parser_construct_message(p, NULL);

	g_object_unref(p);
	g_object_unref(s);
	return m;
}

Test(mailmsg, builds_crlf_mime_with_encoded_headers)
{
	struct mail_msg m = base();
	struct mail_header h[] = {
		{ "List-Unsubscribe", "<https://www.example.se/nyhetsbrev/avsluta?t="
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>" },
		{ "List-Unsubscribe-Post", "List-Unsubscribe=One-Click" },
	};
	char *out, *line, *p;
	size_t len;
	GMimeMessage *g;

	m.headers = h;
	m.nheaders = 2;
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_OK);
	cr_assert_eq(strlen(out), len);
	for (p = out; (line = strstr(p, "\r\n")) != NULL; p = line + 2)
		cr_assert_leq(line - p, 998);
	for (p = out; *p; p++)
		if (*p == '\n')
			cr_assert(p > out && p[-1] == '\r', "bare LF at %zu", (size_t)(p - out));
	cr_assert(strstr(out, "multipart/alternative"));
	cr_assert(strstr(out, "charset=utf-8"));
	cr_assert(strstr(out, "Message-Id: <") || strstr(out, "Message-ID: <"));
	cr_assert(strstr(out, "@www.example.se>"));
	cr_assert(strncmp(out, "Date: ", 6) == 0 || strstr(out, "\r\nDate: "));
	cr_assert(strstr(out, "=?UTF-8?"), "the subject is RFC 2047 encoded");
	cr_assert(strstr(out, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	cr_assert(strstr(out, "\r\nList-Unsubscribe: <https://www.example.se/nyhetsbrev/avsluta?t="
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>\r\n"),
	    "a long URL stays as it is (not RFC 2047 encoded)");
	g = parse(out, len);
	cr_assert_not_null(g);
	cr_assert_str_eq(g_mime_message_get_subject(g), m.subject);
	g_object_unref(g);
	free(out);
}

Test(mailmsg, attachment_makes_multipart_mixed)
{
	struct mail_msg m = base();
	static const char ics[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
	char *out;
	size_t len;

	m.attach_name = "evenemang.ics";
	m.attach_type = "text/calendar; charset=utf-8; method=PUBLISH";
	m.attach_data = ics;
	m.attach_len = sizeof ics - 1;
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_OK);
	cr_assert(strstr(out, "multipart/mixed"));
	cr_assert(strstr(out, "text/calendar"));
	cr_assert(strstr(out, "evenemang.ics"));
	free(out);
}

Test(mailmsg, refuses_injection_before_gmime)
{
	struct mail_msg m;
	struct mail_header h = { "X-Test", "a\r\nBcc: x@evil.example" };
	char *out;
	size_t len;

	m = base();
	m.subject = "Hej\r\nBcc: x@evil.example";
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_SUBJECT);
	cr_assert_null(out);
	m = base();
	m.to_addr = "anna@example.se\r\nBcc: x@evil.example";
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_TO);
	m = base();
	m.to_name = "Anna\nBcc: x@evil.example";
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_NAME);
	m = base();
	m.headers = &h;
	m.nheaders = 1;
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_HEADER);
	h.name = "Bcc";
	h.value = "x@evil.example";
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_HEADER);
	m = base();
	m.subject = "";
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_SUBJECT);
	m = base();
	m.text = NULL;
	cr_assert_eq(mailmsg_build(&m, &out, &len), MAIL_ERR_BODY);
	cr_assert(strstr(mail_err_sv(MAIL_ERR_SUBJECT), "radbrytningar"));
}
