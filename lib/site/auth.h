/* auth.h: the desk's security rules: passwords, random tokens, the session cookie, the lock-out rule and the same-origin test. No SQL, no request. */
#ifndef HC_SITE_AUTH_H
#define HC_SITE_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"

#define PW_MIN_CHARS 12
#define PW_MAX_CHARS 128
#define PW_MAX_BYTES 512           /* 128 characters of at most 4 bytes */
#define AUTH_TOKEN_HEX 65          /* 32 random bytes as hex, and its NUL */
#define SESSION_IDLE_SECS (8 * 3600)
#define SESSION_MAX_SECS (7 * 24 * 3600)
#define SESSION_COOKIE "hcsession"
#define SESSION_COOKIE_HTTPS "__Host-hcsession"  /* on https: host-only, Secure, Path=/ */

/* The login's limits (docs/security.md says why). A pair is an account and
 * the address prefix a try came from (auth_addr_prefix). */
#define LOGIN_PAIR_FAILS 5           /* failures of a pair within the window lock the pair */
#define LOGIN_WINDOW_SECS (15 * 60)
#define LOGIN_DELAY_AFTER 10         /* account failures in the window before checks are spaced */
#define LOGIN_DELAY_MAX 60           /* the longest space between two checks of an account, s */
#define LOGIN_BUDGET_FAILS 100       /* failures site-wide within LOGIN_BUDGET_SECS ... */
#define LOGIN_BUDGET_SECS (10 * 60)  /* ... after which only known pairs are checked */
#define LOGIN_KEEP_DAYS 90           /* successful logins are kept this long */
#define LOGIN_FAIL_KEEP_SECS 86400   /* failures are kept this long */
#define LOGIN_MAX_ROWS 20000         /* the logins table is cut back to this many rows */
#define ADDR_PREFIX_LEN 64

/* Checks a password's length: 0 when it has PW_MIN_CHARS..PW_MAX_CHARS
 * characters of valid UTF-8 without NUL; -1 when too short, -2 when too long
 * (also beyond PW_MAX_BYTES bytes), -3 when not valid UTF-8. Pure. */
int pw_check(const char *pw, size_t len);
/* Hashes pw with argon2id (crypto_pwhash_str, INTERACTIVE limits) into out
 * (crypto_pwhash_STRBYTES). At most AUTH_MAX_HASHES run at once in the process;
 * others wait. Returns 0, or -1 (pw refused by pw_check, or out of memory). */
int pw_hash(const char *pw, char *out);
/* True when pw matches the stored hash. With hash NULL (unknown account) it
 * verifies against a dummy hash so that both cases take the same time, and
 * returns false. Bounded like pw_hash (waits for a slot). */
bool pw_verify(const char *hash, const char *pw);
/* pw_verify for a request that must not wait: 1 match, 0 no match, -1 when
 * every hash slot is busy (nothing was checked; answer 503 and Retry-After). */
int pw_verify_try(const char *hash, const char *pw);
/* Sets how many hashes may run at once (1..AUTH_MAX_HASHES); hcweb sets
 * fewer than its workers, so that a worker is always left for the pages. */
void auth_set_hash_slots(int n);
#define AUTH_MAX_HASHES 2

/* Fills hex (AUTH_TOKEN_HEX bytes) with 32 random bytes as hex. */
void auth_random_hex(char *hex);
/* Writes the hex BLAKE2b-256 of a token into out (AUTH_TOKEN_HEX). Pure. */
void auth_token_hash(const char *token, char *out);
/* The origin of a site URL: "https://example.se:8443" from
 * "https://example.se:8443/x". Writes into out; returns 0, or -1 when url is
 * not http(s)://host... or does not fit. Pure. */
int auth_origin_of(const char *url, char *out, size_t n);
/* The same-origin test for a state-changing request: Origin equal to the site
 * URL's origin, or without Origin a Sec-Fetch-Site of "same-origin". Either
 * may be NULL. Pure. */
bool auth_same_origin(const char *site_url, const char *origin,
    const char *sec_fetch_site);
/* The session cookie's name for the site: SESSION_COOKIE_HTTPS on https,
 * else SESSION_COOKIE. Pure. */
const char *auth_cookie_name(const char *site_url);
/* The Set-Cookie value for a session token (or, with token NULL, the one that
 * deletes the cookie), Secure when site_url is https. In arena a. Pure. */
char *auth_cookie(struct arena *a, const char *site_url, const char *token);

/* The lock-out key of a client address into out (n >= ADDR_PREFIX_LEN): an
 * IPv4 address as it is (also when written ::ffff:a.b.c.d), an IPv6 address
 * as its /64 ("2001:db8:1:2::/64"), anything else as given. Pure. */
void auth_addr_prefix(const char *addr, char *out, size_t n);
/* The pair lock on the failure times of one pair, newest first (n of them,
 * at most LOGIN_PAIR_FAILS), at time now: LOGIN_PAIR_FAILS failures within
 * LOGIN_WINDOW_SECS, the last less than LOGIN_WINDOW_SECS ago. Pure. */
bool login_locked_by(const long long *fail_times, size_t n, long long now);
/* The seconds an account's next check waits after its last failure, given
 * its failures in the window: 0 up to LOGIN_DELAY_AFTER - 1, then 1, 2, 4,
 * ... up to LOGIN_DELAY_MAX. Pure. */
int login_delay_secs(long long account_fails);

#endif
