/* test_slug.c: unit tests for slugs from Swedish titles. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/slug.h"

static void check(const char *title, const char *want)
{
	char buf[SLUG_MAX + 1];
	size_t n = slug_make(title, buf, sizeof(buf));

	cr_assert_str_eq(buf, want, "title \"%s\"", title);
	cr_assert_eq(n, strlen(want));
	if (n > 0)
		cr_assert(slug_valid(buf), "slug \"%s\" not valid", buf);
}

Test(slug, swedish_title)
{
	check("Årskonferens 2024 i Örebro – välkommen!", "arskonferens-2024-i-orebro-valkommen");
	check("ÅÄÖ åäö", "aao-aao");
	check("Hälsa & välmående", "halsa-valmaende");
}

Test(slug, latin1_letters)
{
	check("àáâãäå ÀÁÂÃÄÅ", "aaaaaa-aaaaaa");
	check("òóôõöø ÒÓÔÕÖØ", "oooooo-oooooo");
	check("éèêë ÉÈÊË", "eeee-eeee");
	check("üúùû ÜÚÙÛ", "uuuu-uuuu");
	check("íìîï ÍÌÎÏ", "iiii-iiii");
	check("Ça ñ Ñ", "ca-n-n");
	check("Ærø Straße", "aero-strasse");
	check("Café Zürich", "cafe-zurich");
}

Test(slug, separators_collapse_and_trim)
{
	check("  --Hej,  världen!!--  ", "hej-varlden");
	check("a×b÷c", "a-b-c");
	check("Smile 😀 now", "smile-now");
	check("中文 text", "text");
	check("ABC_def.GHI", "abc-def-ghi");
}

Test(slug, empty_results)
{
	check("", "");
	check("!!! --- ???", "");
	check("😀 – ✓", "");
}

Test(slug, invalid_utf8_is_a_separator)
{
	check("ab\xC3" "cd", "ab-cd");
	check("ab\xFF\xFE" "cd", "ab-cd");
}

Test(slug, cut_at_hyphen)
{
	char title[200], buf[SLUG_MAX + 1];
	size_t n;
	int i;

	title[0] = '\0';
	for (i = 0; i < 20; i++)
		strcat(title, "ordet ");  /* "ordet-" is 6 bytes */
	n = slug_make(title, buf, sizeof(buf));
	cr_assert_leq(n, SLUG_MAX);
	cr_assert_eq(n, 77);  /* 13 whole words: 13 * 6 - 1 */
	cr_assert(slug_valid(buf));
	cr_assert_neq(buf[n - 1], '-');
}

Test(slug, cut_exactly_at_limit_keeps_last_word)
{
	char title[200], buf[SLUG_MAX + 1];

	memset(title, 'a', 79);
	strcpy(title + 79, "-b cdef");
	cr_assert_eq(slug_make(title, buf, sizeof(buf)), 79);  /* "b" would need 2 more */
	memset(title, 'a', 78);
	strcpy(title + 78, " b cdef");
	cr_assert_eq(slug_make(title, buf, sizeof(buf)), SLUG_MAX);
	cr_assert_eq(buf[79], 'b');
}

Test(slug, one_long_word_is_cut_hard)
{
	char title[300], buf[SLUG_MAX + 1];
	size_t n;

	memset(title, 'x', 200);
	title[200] = '\0';
	n = slug_make(title, buf, sizeof(buf));
	cr_assert_eq(n, SLUG_MAX);
	cr_assert(slug_valid(buf));
}

Test(slug, two_letter_fold_not_split)
{
	char title[300], buf[SLUG_MAX + 1];

	memset(title, 'x', 79);
	strcpy(title + 79, "æ");
	cr_assert_eq(slug_make(title, buf, sizeof(buf)), 79);
	cr_assert_eq(strchr(buf, 'a'), NULL);
}

Test(slug, small_buffer)
{
	char buf[8];

	cr_assert_eq(slug_make("hej hopp i lingonskogen", buf, sizeof(buf)), 3);
	cr_assert_str_eq(buf, "hej");
	cr_assert_eq(slug_make("abc", buf, 0), 0);
}

Test(slug, valid)
{
	char long_ok[SLUG_MAX + 1], too_long[SLUG_MAX + 2];

	cr_assert(slug_valid("a"));
	cr_assert(slug_valid("arskonferens-2024"));
	cr_assert_not(slug_valid(""));
	cr_assert_not(slug_valid(NULL));
	cr_assert_not(slug_valid(".."));
	cr_assert_not(slug_valid(".."));
	cr_assert_not(slug_valid("a--b"));
	cr_assert_not(slug_valid("Abc"));
	cr_assert_not(slug_valid("a b"));
	cr_assert_not(slug_valid("a/b"));
	cr_assert_not(slug_valid(".."));
	cr_assert_not(slug_valid(".."));
	memset(long_ok, 'a', SLUG_MAX);
	long_ok[SLUG_MAX] = '\0';
	cr_assert(slug_valid(long_ok));
	memset(too_long, 'a', SLUG_MAX + 1);
	too_long[SLUG_MAX + 1] = '\0';
	cr_assert_not(slug_valid(too_long));
}
