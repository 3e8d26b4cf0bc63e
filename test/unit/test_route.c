/* test_route.c: unit tests for matching paths to route patterns. */
#include <criterion/criterion.h>
#include <string.h>

#include "http/route.h"

static struct arena a;

static void fini(void)
{
	arena_free(&a);
}

TestSuite(route, .fini = fini);

/* Returns the matched segment, "" for a literal match, NULL for no match. */
static const char *match(const char *pattern, const char *path)
{
	const char *arg = NULL;

	if (!route_match(&a, pattern, path, &arg))
		return NULL;
	return arg ? arg : "";
}

Test(route, literal)
{
	cr_assert_str_eq(match("/", "/"), "");
	cr_assert_str_eq(match("/nyheter", "/nyheter"), "");
	cr_assert_null(match("/nyheter", "/nyheter/"));
	cr_assert_null(match("/nyheter", "/nyhete"));
	cr_assert_null(match("/nyheter", "/nyheterx"));
	cr_assert_null(match("/", "/nyheter"));
}

Test(route, star_segment)
{
	cr_assert_str_eq(match("/nyheter/*", "/nyheter/en-nyhet"), "en-nyhet");
	cr_assert_str_eq(match("/nyheter/*", "/nyheter/hälsa"), "hälsa");
	cr_assert_null(match("/nyheter/*", "/nyheter/"), "the segment is not empty");
	cr_assert_null(match("/nyheter/*", "/nyheter"));
	cr_assert_null(match("/nyheter/*", "/nyheter/a/b"), "one segment only");
	cr_assert_null(match("/nyheter/*", "/nyheter/a/"));
	cr_assert_null(match("/nyheter/*", "/kategori/a"));
}

Test(route, star_with_suffix)
{
	cr_assert_str_eq(match("/evenemang/*.ics", "/evenemang/hostmote-2024.ics"), "hostmote-2024");
	cr_assert_str_eq(match("/evenemang/*.ics", "/evenemang/a.b.ics"), "a.b");
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/.ics"), "nothing before the suffix");
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/x.ical"));
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/x.ics/"));
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/x.icsx"));
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/x"));
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/a/x.ics"));
	cr_assert_null(match("/evenemang/*.ics", "/evenemang/ics"));
}

Test(route, star_in_the_middle)
{
	cr_assert_str_eq(match("/kategori/*/feed", "/kategori/konferenser/feed"), "konferenser");
	cr_assert_null(match("/kategori/*/feed", "/kategori/a/b/feed"), "one segment only");
	cr_assert_null(match("/kategori/*/feed", "/kategori//feed"));
	cr_assert_null(match("/kategori/*/feed", "/kategori/a/feed/"));
	cr_assert_null(match("/kategori/*", "/kategori/a/feed"));
	cr_assert_str_eq(match("/a/*-b", "/a/x-b"), "x");
}

Test(route, every_pattern_in_the_table_is_well_formed)
{
	const struct route *rt;

	for (rt = routes; rt->pattern != NULL; rt++) {
		const char *star = strchr(rt->pattern, '*');

		cr_assert_eq(rt->pattern[0], '/', "%s", rt->pattern);
		cr_assert_not_null(rt->handler, "%s", rt->pattern);
		cr_assert_neq(rt->methods, 0, "%s", rt->pattern);
		if (star != NULL) {
			cr_assert_null(strchr(star + 1, '*'), "one star: %s", rt->pattern);
			cr_assert(strchr(star + 1, '/') == NULL || strcmp(star + 1, "/feed") == 0,
			    "star in the last segment, or before /feed: %s", rt->pattern);
			/* sitemap parts stay at the root, as the protocol requires */
			cr_assert(star[-1] == '/' || strcmp(rt->pattern, "/sitemap-*.xml") == 0,
			    "star starts a segment: %s", rt->pattern);
		}
	}
}

Test(route, the_table_keeps_its_rules)
{
	cr_assert_eq(route_table_check(routes), 0);
}

static void handler(struct req *r)
{
	(void)r;
}

Test(route, a_table_that_breaks_a_rule_is_refused)
{
	static const struct route bad[][2] = {
		{ { M_POST, "/x", handler, NULL, R_LOGIN }, { 0 } },          /* POST without CSRF */
		{ { M_GET, "/x", handler, NULL, R_LOGIN | R_CSRF }, { 0 } },  /* CSRF on a GET */
		{ { M_GET, "/x/*", handler, NULL, 0 }, { 0 } },               /* undeclared star */
		{ { M_GET, "/x", handler, NULL, R_ID }, { 0 } },              /* R_ID without a star */
		{ { M_GET, "/x/*", handler, NULL, R_ID | R_SLUG }, { 0 } },
		{ { M_GET, "/x", handler, NULL, R_ADMIN }, { 0 } },           /* admin without login */
		{ { M_GET, "/x", handler, NULL, R_LOGIN | R_CACHE }, { 0 } }, /* cached guarded page */
		{ { M_POST, "/x", handler, NULL, R_ORIGIN | R_LOGIN | R_CSRF }, { 0 } },
	};
	static const struct route good[] = {
		{ M_POST, "/x/*", handler, NULL, R_LOGIN | R_CSRF | R_ID },
		{ M_POST, "/login", handler, NULL, R_ORIGIN },
		{ M_GET, "/y/*", handler, NULL, R_CACHE | R_SLUG },
		{ 0 },
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(route_table_check(bad[i]), 1, "table %zu", i);
	cr_assert_eq(route_table_check(good), 0);
}
