/* test_valid.c: unit tests for the validators of request values. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/valid.h"

Test(valid, int_good)
{
	long long v = -99;

	cr_assert(valid_int("1", 1, 10, &v));
	cr_assert_eq(v, 1);
	cr_assert(valid_int("10", 1, 10, &v));
	cr_assert_eq(v, 10);
	cr_assert(valid_int("007", 1, 10, &v));
	cr_assert_eq(v, 7);
	cr_assert(valid_int("-5", -10, 10, &v));
	cr_assert_eq(v, -5);
	cr_assert(valid_int("0", 0, 0, NULL));
	cr_assert(valid_int("9223372036854775807", 0, 9223372036854775807LL, &v));
	cr_assert_eq(v, 9223372036854775807LL);
}

Test(valid, int_bad)
{
	static const char *bad[] = {
		"", "-1", "0", "11", "1e9", "+1", " 1", "1 ", "1.0", "0x10", "abc", "1a",
		"99999999999999999999", "18446744073709551616", "9223372036854775808",
		"00000000000000000000001", "-", "--1", "١",
	};
	long long v = 42;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_not(valid_int(bad[i], 1, 10, &v), "\"%s\"", bad[i]);
		cr_assert_eq(v, 42, "out untouched on failure");
	}
	cr_assert_not(valid_int(NULL, 1, 10, &v));
	cr_assert_not(valid_int("-11", -10, 10, &v));
	cr_assert_not(valid_int("99999999999999999999", 0, 9223372036854775807LL, &v));
	cr_assert_not(valid_int("-9223372036854775809", -9223372036854775807LL - 1, 0, &v));
}

Test(valid, email)
{
	static const char *good[] = {
		"anna@example.se", "a.b-c+d@sub.example.com", "kansli@healthycities.se",
		"åsa@kommun.se",
	};
	static const char *bad[] = {
		"", "a@b", "a@b.c", "@example.se", "anna@", "anna", "anna@@example.se",
		"an na@example.se", "anna@example .se", "anna@.se", "anna@example.",
		"<a>@example.se", "a\"b@example.se", "a,b@example.se", "anna@ex;ample.se",
		"anna@example.se\n", "a\x7f@example.se", "a@b@example.se",
		"anna@example.se\xff",
	};
	char long_local[80], long_all[300];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_assert(valid_email(good[i]), "\"%s\"", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(valid_email(bad[i]), "\"%s\"", bad[i]);
	cr_assert_not(valid_email(NULL));
	memset(long_local, 'a', 65);
	strcpy(long_local + 65, "@example.se");
	cr_assert_not(valid_email(long_local), "local part over 64 bytes");
	memset(long_local, 'a', 64);
	strcpy(long_local + 64, "@example.se");
	cr_assert(valid_email(long_local), "local part of 64 bytes");
	memset(long_all, 'b', sizeof long_all);
	memcpy(long_all, "a@", 2);
	strcpy(long_all + 252, ".se");
	cr_assert_not(valid_email(long_all), "over 254 bytes");
}

Test(valid, text)
{
	cr_assert(valid_text("Hälsa för alla", 100, true, false));
	cr_assert(valid_text("", 100, false, false));
	cr_assert_not(valid_text("", 100, true, false));
	cr_assert(valid_text(NULL, 100, false, false));
	cr_assert_not(valid_text(NULL, 100, true, false));
	cr_assert(valid_text("abc", 3, true, false));
	cr_assert_not(valid_text("abcd", 3, true, false));
	cr_assert_not(valid_text("åä", 3, true, false), "the limit is in bytes");
	cr_assert(valid_text("a\tb", 10, true, false), "tab is fine");
	cr_assert_not(valid_text("a\nb", 10, true, false));
	cr_assert(valid_text("a\r\nb", 10, true, true));
	cr_assert_not(valid_text("a\x01" "b", 10, true, true));
	cr_assert_not(valid_text("a\x1b" "b", 10, true, true));
	cr_assert_not(valid_text("a\x7f", 10, true, true));
	cr_assert_not(valid_text("a\xc2\x85", 10, true, true), "C1 control");
	cr_assert_not(valid_text("\xc3\x28", 10, true, false));
	cr_assert_not(valid_text("\xc0\xaf", 10, true, false));
}

Test(valid, url)
{
	static const char *good[] = {
		"https://www.who.int/europe", "http://example.se", "HTTPS://EXAMPLE.SE/a?b=c#d",
		"https://example.se/h%C3%A4lsa", "https://kommun.se/hälsa",
	};
	static const char *bad[] = {
		"", "example.se", "ftp://example.se", "javascript:alert(1)", "//example.se",
		"https://", "https:///path", "https://.example.se", "https://exa mple.se",
		"https://example.se/\"onmouseover=x", "https://example.se/<script>",
		"https://example.se/a\\b", "https://example.se/\n", "https://example.se/\x7f",
		"data:text/html,x", " https://example.se", "https://example.se/\xff",
	};
	char longurl[2100];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_assert(valid_url(good[i]), "\"%s\"", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(valid_url(bad[i]), "\"%s\"", bad[i]);
	cr_assert_not(valid_url(NULL));
	strcpy(longurl, "https://example.se/");
	memset(longurl + 19, 'a', 2000 - 19);
	longurl[2000] = '\0';
	cr_assert(valid_url(longurl), "2000 bytes");
	longurl[2000] = 'a';
	longurl[2001] = '\0';
	cr_assert_not(valid_url(longurl), "2001 bytes");
}
