/* test_search.c: the reader's words turned into a safe FTS5 query. */
#include <criterion/criterion.h>
#include <string.h>

#include "store/search.h"

static const char *build(const char *in)
{
	static char out[SEARCH_QUERY_MAX];

	search_build_query(in, out, sizeof out);
	return out;
}

Test(search, words_become_quoted_prefixes)
{
	cr_assert_str_eq(build("hälsa"), "\"hälsa\"*");
	cr_assert_str_eq(build("  folkhälsa  i Malmö "), "\"folkhälsa\"* \"i\" \"Malmö\"*");
	cr_assert_str_eq(build("e-post"), "\"e\" \"post\"*");
	cr_assert_str_eq(build("C++ 50%"), "\"C\" \"50\"*");
}

Test(search, syntax_never_passes_through)
{
	const char *bad[] = { "\"", "*", "-", ":", "^", "(", ")", "'", ".", "", "   ", "!?" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[SEARCH_QUERY_MAX];
		cr_assert_eq(search_build_query(bad[i], out, sizeof out), 0, "%s", bad[i]);
		cr_assert_str_eq(out, "");
	}
	cr_assert_str_eq(build("NEAR(a b)"), "\"NEAR\"* \"a\" \"b\"");
	cr_assert_str_eq(build("title:x OR y"), "\"title\"* \"x\" \"OR\"* \"y\"");
	cr_assert_str_eq(build("\"a\"*\"b\""), "\"a\" \"b\"");
}

Test(search, bounded)
{
	char big[3000], out[SEARCH_QUERY_MAX];
	size_t i;

	for (i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xc3\xa5", 2);   /* å */
	big[i] = '\0';
	cr_assert_eq(search_build_query(big, out, sizeof out), 1);
	cr_assert_leq(strlen(out), 64 + 3);
	cr_assert_eq(((unsigned char)out[strlen(out) - 3] & 0xC0) != 0x80 ||
	    (unsigned char)out[strlen(out) - 4] == 0xc3, 1, "cut at a character's start");
	for (i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "a ", 2);
	big[i] = '\0';
	cr_assert_eq(search_build_query(big, out, sizeof out), SEARCH_TOKENS);
	cr_assert_eq(search_build_query("ab cd", out, 8), 1, "stops when out is full");
	cr_assert_str_eq(out, "\"ab\"*");
}
