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
#define LOGIN_MAX_FAILS 5
#define LOGIN_WINDOW_SECS (15 * 60)

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
 * returns false. Bounded like pw_hash. */
bool pw_verify(const char *hash, const char *pw);
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
/* The Set-Cookie value for a session token (or, with token NULL, the one that
 * deletes the cookie), Secure when site_url is https. In arena a. Pure. */
char *auth_cookie(struct arena *a, const char *site_url, const char *token);

/* The lock-out rule on the failure times of one key (an account or an
 * address), newest first (n of them, at most LOGIN_MAX_FAILS), at time now:
 * LOGIN_MAX_FAILS failures within LOGIN_WINDOW_SECS, the last of them less
 * than LOGIN_WINDOW_SECS ago. Pure. */
bool login_locked_by(const long long *fail_times, size_t n, long long now);

#endif
