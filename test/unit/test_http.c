/* test_http.c: unit tests for request-target, urlencoded and cookie parsing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "http/http.h"

static struct arena a;

static void fini(void)
{
	arena_free(&a);
}

TestSuite(http, .fini = fini);

/* Decodes s; returns the result or NULL on failure. */
static const char *dec(const char *s, int plus)
{
	char *out = NULL;
	size_t n = 0;

	if (http_decode(&a, s, strlen(s), plus, &out, &n) < 0)
		return NULL;
	cr_assert_eq(n, strlen(out));
	return out;
}

Test(http, decode_good)
{
	cr_assert_str_eq(dec("abc", 0), "abc");
	cr_assert_str_eq(dec("a%20b", 0), "a b");
	cr_assert_str_eq(dec("a+b", 0), "a+b");
	cr_assert_str_eq(dec("a+b", 1), "a b");
	cr_assert_str_eq(dec("%2B", 1), "+");
	cr_assert_str_eq(dec("%c3%a5%C3%A4", 0), "åä");
	cr_assert_str_eq(dec("", 0), "");
}

Test(http, decode_bad)
{
	cr_assert_null(dec("%", 0));
	cr_assert_null(dec("a%", 0));
	cr_assert_null(dec("a%4", 0));
	cr_assert_null(dec("%zz", 0));
	cr_assert_null(dec("%g0", 0));
	cr_assert_null(dec("%00", 0));
	cr_assert_null(dec("%C0%AF", 0));      /* overlong '/' */
	cr_assert_null(dec("%E0%80%AF", 0));   /* overlong, 3 bytes */
	cr_assert_null(dec("%ED%A0%80", 0));   /* surrogate */
	cr_assert_null(dec("%FF", 0));
	cr_assert_null(dec("%C3", 0));         /* truncated sequence */
	cr_assert_null(dec("\xC3(", 0));       /* raw invalid UTF-8 */
}

/* Parses target; returns the status and sets *path / *query. */
static int target(const char *t, const char **path, const char **query)
{
	*path = *query = NULL;
	return http_parse_target(&a, t, path, query);
}

Test(http, target_good)
{
	const char *p, *q;

	cr_assert_eq(target("/", &p, &q), HTTP_OK);
	cr_assert_str_eq(p, "/");
	cr_assert_null(q);
	cr_assert_eq(target("/nyheter?sida=2", &p, &q), HTTP_OK);
	cr_assert_str_eq(p, "/nyheter");
	cr_assert_str_eq(q, "sida=2");
	cr_assert_eq(target("/nyheter?", &p, &q), HTTP_OK);
	cr_assert_str_eq(q, "");
	cr_assert_eq(target("/kategori/h%C3%A4lsa?x=%zz", &p, &q), HTTP_OK);
	cr_assert_str_eq(p, "/kategori/hälsa");
	cr_assert_str_eq(q, "x=%zz", "the query is left raw");
	cr_assert_eq(target("/a+b", &p, &q), HTTP_OK);
	cr_assert_str_eq(p, "/a+b", "'+' is a plus in a path");
	cr_assert_eq(target("/a/.b/..c/c..", &p, &q), HTTP_OK);
	cr_assert_eq(target("/a//b", &p, &q), HTTP_OK);
}

Test(http, target_bad)
{
	const char *p, *q;
	static const char *bad[] = {
		"", "nyheter", "*", "http://x/", "/%00", "/a%00b", "/%zz", "/%", "/a%2",
		"/%C0%AF", "/..", "/../etc/passwd", "/nyheter/../etc/passwd",
		"/nyheter/%2e%2e/etc/passwd", "/nyheter/%2E%2E%2Fetc%2Fpasswd",
		"/nyheter/..%2fetc", "/.", "/a/./b", "/a/%2e/b", "/a/..", "/a%5c..%5cb",
		"/a\\b", "/a%0Ab", "/a%0d", "/a%1B[31m", "/a%7F", "/a%C2%85", "/a%09b",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(target(bad[i], &p, &q), HTTP_BAD, "target \"%s\"", bad[i]);
	cr_assert_eq(http_parse_target(&a, NULL, &p, &q), HTTP_BAD);
}

Test(http, target_length)
{
	char t[HTTP_MAX_URI + 2];
	const char *p, *q;

	memset(t, 'a', sizeof t);
	t[0] = '/';
	t[HTTP_MAX_URI] = '\0';
	cr_assert_eq(target(t, &p, &q), HTTP_OK, "exactly the limit");
	t[HTTP_MAX_URI] = 'a';
	t[HTTP_MAX_URI + 1] = '\0';
	cr_assert_eq(target(t, &p, &q), HTTP_TOO_LONG);
}

Test(http, urlencoded)
{
	const char *s = "a=1&b=h%C3%A4lsa+och+v%C3%A4l&&c&d=&=e&a=2";
	struct kv *kv;
	size_t n;

	cr_assert_eq(http_parse_urlencoded(&a, s, strlen(s), &kv, &n), 0);
	cr_assert_eq(n, 6);
	cr_assert_str_eq(kv[0].key, "a");
	cr_assert_str_eq(kv[0].val, "1");
	cr_assert_str_eq(kv[1].val, "hälsa och väl");
	cr_assert_eq(kv[1].vlen, strlen("hälsa och väl"));
	cr_assert_str_eq(kv[2].key, "c");
	cr_assert_str_eq(kv[2].val, "");
	cr_assert_str_eq(kv[3].key, "d");
	cr_assert_str_eq(kv[3].val, "");
	cr_assert_str_eq(kv[4].key, "");
	cr_assert_str_eq(kv[4].val, "e");
	cr_assert_str_eq(kv[5].val, "2");
	cr_assert_eq(http_count(kv, n, "a"), 2);
	cr_assert_eq(http_count(kv, n, "b"), 1);
	cr_assert_eq(http_count(kv, n, "zz"), 0);
	cr_assert_eq(http_count(kv, 0, "a"), 0);
}

Test(http, urlencoded_only_n_bytes)
{
	struct kv *kv;
	size_t n;

	cr_assert_eq(http_parse_urlencoded(&a, "a=12345", 3, &kv, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(kv[0].val, "1");
	cr_assert_eq(http_parse_urlencoded(&a, "", 0, &kv, &n), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(http_parse_urlencoded(&a, "&&&", 3, &kv, &n), 0);
	cr_assert_eq(n, 0);
}

Test(http, urlencoded_bad)
{
	static const char *bad[] = { "a=%", "a=%zz", "a=%00", "%C0%AF=1", "a=1&b=%FF", "a=b%0" };
	struct kv *kv;
	size_t i, n;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(http_parse_urlencoded(&a, bad[i], strlen(bad[i]), &kv, &n), -1,
		    "\"%s\"", bad[i]);
}

Test(http, urlencoded_pair_limit)
{
	char buf[HTTP_MAX_PAIRS * 4 + 8];
	struct kv *kv;
	size_t i, n, len = 0;

	for (i = 0; i < HTTP_MAX_PAIRS; i++)
		len += (size_t)sprintf(buf + len, "%sa=", i ? "&" : "");
	cr_assert_eq(http_parse_urlencoded(&a, buf, len, &kv, &n), 0);
	cr_assert_eq(n, HTTP_MAX_PAIRS);
	len += (size_t)sprintf(buf + len, "&b");
	cr_assert_eq(http_parse_urlencoded(&a, buf, len, &kv, &n), -1);
}

Test(http, cookies_good)
{
	struct kv *kv;
	size_t n;

	cr_assert_eq(http_parse_cookies(&a, "sid=abc123; theme=\"dark\"; x=", &kv, &n), 0);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(kv[0].key, "sid");
	cr_assert_str_eq(kv[0].val, "abc123");
	cr_assert_str_eq(kv[1].key, "theme");
	cr_assert_str_eq(kv[1].val, "dark");
	cr_assert_str_eq(kv[2].val, "");
	cr_assert_eq(http_parse_cookies(&a, "a=b; ", &kv, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(http_parse_cookies(&a, NULL, &kv, &n), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(http_parse_cookies(&a, "", &kv, &n), 0);
	cr_assert_eq(n, 0);
}

Test(http, cookies_malformed_pairs_are_skipped)
{
	static const char *bad[] = {
		"\x01\x02", ";", ";;;;", "=", "=v", "a", "a b=c", "{}=1", "a=\x01",
	};
	struct kv *kv;
	size_t i, n;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(http_parse_cookies(&a, bad[i], &kv, &n), 0, "\"%s\"", bad[i]);
		cr_assert_eq(n, 0, "\"%s\"", bad[i]);
	}
	/* what browsers send: commas, spaces, JSON, a pair without "=" */
	cr_assert_eq(http_parse_cookies(&a, "consent={\"a\":1,\"b\":[2]}; junk; "
	    "x=a b c;sid=abc;;  y = \"q\" ; a=\xc3\x28", &kv, &n), 0);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(kv[0].key, "consent");
	cr_assert_str_eq(kv[0].val, "{\"a\":1,\"b\":[2]}");
	cr_assert_str_eq(kv[1].val, "a b c");
	cr_assert_str_eq(kv[2].key, "sid");
	cr_assert_str_eq(kv[2].val, "abc");
	cr_assert_str_eq(kv[3].key, "y");
	cr_assert_str_eq(kv[3].val, "q");
	cr_assert_str_eq(kv[4].key, "a");
}

Test(http, cookie_limits)
{
	char big[HTTP_MAX_COOKIE + 4096];
	struct kv *kv;
	size_t i, n, len = 0;

	/* past the size limit: the pairs before it count, the cut one does not */
	len = (size_t)sprintf(big, "sid=abc; a=");
	memset(big + len, 'x', sizeof big - len);
	big[HTTP_MAX_COOKIE + 100] = '\0';
	cr_assert_eq(http_parse_cookies(&a, big, &kv, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(kv[0].key, "sid");
	/* past HTTP_MAX_PAIRS pairs: the rest is ignored */
	for (i = 0, len = 0; i <= HTTP_MAX_PAIRS + 5; i++)
		len += (size_t)sprintf(big + len, "%sk%zu=v", i ? "; " : "", i);
	cr_assert_eq(http_parse_cookies(&a, big, &kv, &n), 0);
	cr_assert_eq(n, HTTP_MAX_PAIRS);
	cr_assert_str_eq(kv[HTTP_MAX_PAIRS - 1].key, "k63");
}

Test(http, method)
{
	cr_assert_eq(http_method("GET"), M_GET);
	cr_assert_eq(http_method("HEAD"), M_HEAD);
	cr_assert_eq(http_method("POST"), M_POST);
	cr_assert_eq(http_method("get"), M_OTHER);
	cr_assert_eq(http_method("PUT"), M_OTHER);
	cr_assert_eq(http_method(NULL), M_OTHER);
}
