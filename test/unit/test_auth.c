/* test_auth.c: unit tests for password rules, tokens, cookies, the same-origin test and the lock-out rule. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

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

	cr_assert_str_eq(c, "__Host-hcsession=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800; Secure");
	c = auth_cookie(&a, "http://127.0.0.1:8080", "abc");
	cr_assert(strstr(c, "Secure") == NULL);
	cr_assert(strstr(c, "HttpOnly") != NULL);
	c = auth_cookie(&a, "https://healthycities.se", NULL);
	cr_assert_str_eq(c, "__Host-hcsession=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
	cr_assert_str_eq(auth_cookie_name("http://127.0.0.1:8080"), "hcsession");
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

Test(auth, delay_grows_to_a_cap)
{
	cr_assert_eq(login_delay_secs(0), 0);
	cr_assert_eq(login_delay_secs(LOGIN_DELAY_AFTER - 1), 0);
	cr_assert_eq(login_delay_secs(LOGIN_DELAY_AFTER), 1);
	cr_assert_eq(login_delay_secs(LOGIN_DELAY_AFTER + 1), 2);
	cr_assert_eq(login_delay_secs(LOGIN_DELAY_AFTER + 5), 32);
	cr_assert_eq(login_delay_secs(LOGIN_DELAY_AFTER + 6), LOGIN_DELAY_MAX);
	cr_assert_eq(login_delay_secs(1000000), LOGIN_DELAY_MAX);
}

Test(auth, address_prefix)
{
	char p[ADDR_PREFIX_LEN];

	auth_addr_prefix("192.0.2.17", p, sizeof p);
	cr_assert_str_eq(p, "192.0.2.17");
	auth_addr_prefix("2001:db8:1:2:aaaa:bbbb:cccc:dddd", p, sizeof p);
	cr_assert_str_eq(p, "2001:db8:1:2::/64");
	auth_addr_prefix("2001:db8:1:2::9", p, sizeof p);
	cr_assert_str_eq(p, "2001:db8:1:2::/64");    /* one /64, one key */
	auth_addr_prefix("2001:db8:1:3::9", p, sizeof p);
	cr_assert_str_eq(p, "2001:db8:1:3::/64");
	auth_addr_prefix("::ffff:192.0.2.17", p, sizeof p);
	cr_assert_str_eq(p, "192.0.2.17");
	auth_addr_prefix("", p, sizeof p);
	cr_assert_str_eq(p, "");
	auth_addr_prefix(NULL, p, sizeof p);
	cr_assert_str_eq(p, "");
}

/* Holds the only hash slot while the test tries to take it. */
static void *hold_slot(void *arg)
{
	pw_verify((const char *)arg, "ett-bra-lösenord");
	return NULL;
}

Test(auth, try_verify_answers_busy_instead_of_waiting)
{
	char h[crypto_pwhash_STRBYTES];
	pthread_t t;
	int busy = 0, i;

	cr_assert(sodium_init() >= 0);
	cr_assert_eq(pw_hash("ett-bra-lösenord", h), 0);
	auth_set_hash_slots(1);
	cr_assert_eq(pw_verify_try(h, "ett-bra-lösenord"), 1);
	cr_assert_eq(pw_verify_try(h, "fel-lösenord-xx"), 0);
	/* while another thread hashes, a try comes back busy at once */
	pthread_create(&t, NULL, hold_slot, h);
	for (i = 0; i < 200 && !busy; i++) {
		busy = pw_verify_try(h, "ett-bra-lösenord") == -1;
		if (!busy)
			usleep(1000);
	}
	pthread_join(t, NULL);
	cr_assert(busy, "a try while the slot is held answers busy");
	auth_set_hash_slots(AUTH_MAX_HASHES);
}
