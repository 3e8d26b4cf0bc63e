/* test_auth.c: unit tests for password rules, tokens, cookies, the same-origin test and the lock-out rule. */
#include <criterion/criterion.h>
#include <sodium.h>
#include <string.h>

#include "util/arena.h"
#include "site/auth.h"
#include "store/users.h"

Test(auth, password_length_in_characters)
{
	char buf[PW_MAX_BYTES + 8];

	cr_assert_eq(pw_check("elva-tecken", 11), -1);
	cr_assert_eq(pw_check("tolv-tecken!", 12), 0);
	/* 12 characters of two bytes each */
	cr_assert_eq(pw_check("åäöåäöåäöåäö", strlen("åäöåäöåäöåäö")), 0);
	cr_assert_eq(pw_check("åäöåäöåäöåä", strlen("åäöåäöåäöåä")), -1);
	memset(buf, 'x', sizeof buf);
	cr_assert_eq(pw_check(buf, 128), 0);
	cr_assert_eq(pw_check(buf, 129), -2);
	cr_assert_eq(pw_check(buf, PW_MAX_BYTES + 1), -2);
	cr_assert_eq(pw_check("tolv-tecken\xff", 12), -3);
}

Test(auth, hash_and_verify)
{
	char h[crypto_pwhash_STRBYTES];

	cr_assert_eq(sodium_init() >= 0, 1);
	cr_assert_eq(pw_hash("kort", h), -1);
	cr_assert_eq(pw_hash("ett-bra-lösenord", h), 0);
	cr_assert(strncmp(h, "$argon2id$", 10) == 0);
	cr_assert(strstr(h, "m=65536") != NULL);
	cr_assert(pw_verify(h, "ett-bra-lösenord"));
	cr_assert(!pw_verify(h, "ett-bra-lösenorD"));
	cr_assert(!pw_verify(NULL, "ett-bra-lösenord"));
}

Test(auth, tokens_and_hash)
{
	char a[AUTH_TOKEN_HEX], b[AUTH_TOKEN_HEX], h1[AUTH_TOKEN_HEX], h2[AUTH_TOKEN_HEX];

	auth_random_hex(a);
	auth_random_hex(b);
	cr_assert_eq(strlen(a), 64);
	cr_assert_str_neq(a, b);
	auth_token_hash(a, h1);
	auth_token_hash(a, h2);
	cr_assert_str_eq(h1, h2);
	cr_assert_str_neq(h1, a);
	auth_token_hash("abc", h1);
	/* BLAKE2b-256("abc") */
	cr_assert_str_eq(h1, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

Test(auth, origin_of_site_url)
{
	char o[128];

	cr_assert_eq(auth_origin_of("https://healthycities.se", o, sizeof o), 0);
	cr_assert_str_eq(o, "https://healthycities.se");
	cr_assert_eq(auth_origin_of("http://127.0.0.1:8080/sub/path?x", o, sizeof o), 0);
	cr_assert_str_eq(o, "http://127.0.0.1:8080");
	cr_assert_eq(auth_origin_of("ftp://x", o, sizeof o), -1);
	cr_assert_eq(auth_origin_of("https://", o, sizeof o), -1);
	cr_assert_eq(auth_origin_of("https://a-very-long-host.example", o, 10), -1);
}

Test(auth, same_origin)
{
	const char *site = "https://healthycities.se";

	cr_assert(auth_same_origin(site, "https://healthycities.se", NULL));
	cr_assert(auth_same_origin(site, "https://healthycities.se", "cross-site"));
	cr_assert(!auth_same_origin(site, "https://evil.example", "same-origin"));
	cr_assert(!auth_same_origin(site, "http://healthycities.se", NULL));
	cr_assert(!auth_same_origin(site, "https://healthycities.se.evil.example", NULL));
	cr_assert(!auth_same_origin(site, "null", NULL));
	cr_assert(auth_same_origin(site, NULL, "same-origin"));
	cr_assert(!auth_same_origin(site, NULL, "same-site"));
	cr_assert(!auth_same_origin(site, NULL, "cross-site"));
	cr_assert(!auth_same_origin(site, NULL, NULL));
}

Test(auth, cookie_flags)
{
	struct arena a = { 0 };
	const char *c = auth_cookie(&a, "https://healthycities.se", "abc");

	cr_assert_str_eq(c, "hcsession=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800; Secure");
	c = auth_cookie(&a, "http://127.0.0.1:8080", "abc");
	cr_assert(strstr(c, "Secure") == NULL);
	cr_assert(strstr(c, "HttpOnly") != NULL);
	c = auth_cookie(&a, "https://healthycities.se", NULL);
	cr_assert_str_eq(c, "hcsession=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
	arena_free(&a);
}

Test(auth, lockout_rule)
{
	long long now = 1000000;
	long long five_recent[] = { now - 10, now - 20, now - 30, now - 40, now - 50 };
	long long four[] = { now - 10, now - 20, now - 30, now - 40 };
	long long spread[] = { now - 10, now - 20, now - 30, now - 40, now - 1000 };
	long long old[] = { now - 900, now - 901, now - 902, now - 903, now - 904 };
	long long just[] = { now - 899, now - 901, now - 902, now - 903, now - 904 };

	cr_assert(login_locked_by(five_recent, 5, now));
	cr_assert(!login_locked_by(four, 4, now));
	cr_assert(!login_locked_by(spread, 5, now));     /* five failures span > 15 min */
	cr_assert(!login_locked_by(old, 5, now));        /* lock over after 15 min */
	cr_assert(login_locked_by(just, 5, now));
}
