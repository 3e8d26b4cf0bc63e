/* test_httpc.c: unit tests for the pure parts of the HTTP client and the REST reader. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "net/httpc.h"
#include "net/wpapi.h"

Test(httpc, same_site)
{
	cr_assert(httpc_same_site("https://a.se/x", "https://A.SE:443/y?z"));
	cr_assert(httpc_same_site("http://127.0.0.1:8000/", "http://127.0.0.1:8000/wp-json/"));
	cr_assert_not(httpc_same_site("http://a.se/", "https://a.se/"));
	cr_assert_not(httpc_same_site("http://127.0.0.1:8000/", "http://127.0.0.1:8001/"));
	cr_assert_not(httpc_same_site("https://a.se/", "https://a.se.evil.example/"));
	cr_assert_not(httpc_same_site("https://a.se/", "https://evil.example/?https://a.se/"));
	cr_assert_not(httpc_same_site("https://a.se/", "not a url"));
}

Test(wpapi, url_for_pretty_and_query_roots)
{
	struct wpapi w = { 0 };
	char *u;

	strcpy(w.root, "https://a.se/wp-json/");
	u = wpapi_url(&w, "wp/v2/posts", "per_page=100&page=2");
	cr_assert_str_eq(u, "https://a.se/wp-json/wp/v2/posts?per_page=100&page=2");
	free(u);
	strcpy(w.root, "https://a.se/?rest_route=/");
	u = wpapi_url(&w, "wp/v2/posts", "page=1");
	cr_assert_str_eq(u, "https://a.se/?rest_route=/wp/v2/posts&page=1");
	free(u);
	u = wpapi_url(&w, "wp/v2/users", "");
	cr_assert_str_eq(u, "https://a.se/?rest_route=/wp/v2/users");
	free(u);
}
