/* auth.c: password hashing (bounded), session tokens and cookies, the same-origin test. */
#include "site/auth.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "util/config.h"
#include "util/utf8.h"

/* Process-wide bound on password hashes in progress (each holds 64 MiB).
 * Shared by all workers on purpose; it holds no request data. */
static pthread_mutex_t hash_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cv = PTHREAD_COND_INITIALIZER;
static int hash_busy, hash_slots = AUTH_MAX_HASHES;

void auth_set_hash_slots(int n)
{
	pthread_mutex_lock(&hash_mu);
	hash_slots = n < 1 ? 1 : n > AUTH_MAX_HASHES ? AUTH_MAX_HASHES : n;
	pthread_mutex_unlock(&hash_mu);
}

/* Takes a slot without waiting; false when every slot is busy. */
static bool hash_try_enter(void)
{
	bool got;

	pthread_mutex_lock(&hash_mu);
	got = hash_busy < hash_slots;
	if (got)
		hash_busy++;
	pthread_mutex_unlock(&hash_mu);
	return got;
}

/* A hash verified when the account is unknown, made once. */
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[crypto_pwhash_STRBYTES];

static void hash_enter(void)
{
	pthread_mutex_lock(&hash_mu);
	while (hash_busy >= hash_slots)
		pthread_cond_wait(&hash_cv, &hash_mu);
	hash_busy++;
	pthread_mutex_unlock(&hash_mu);
}

static void hash_leave(void)
{
	pthread_mutex_lock(&hash_mu);
	hash_busy--;
	pthread_cond_signal(&hash_cv);
	pthread_mutex_unlock(&hash_mu);
}

int pw_check(const char *pw, size_t len)
{
	size_t chars;

	if (len > PW_MAX_BYTES)
		return -2;
	if (!utf8_valid(pw, len))
		return -3;
	chars = utf8_chars(pw, len);
	if (chars < PW_MIN_CHARS)
		return -1;
	return chars > PW_MAX_CHARS ? -2 : 0;
}

int pw_hash(const char *pw, char *out)
{
	size_t len = strnlen(pw, PW_MAX_BYTES + 1);
	int rc;

	if (pw_check(pw, len) != 0)
		return -1;
	hash_enter();
	rc = crypto_pwhash_str(out, pw, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	hash_leave();
	return rc == 0 ? 0 : -1;
}

static void make_dummy(void)
{
	char pw[AUTH_TOKEN_HEX];

	auth_random_hex(pw);
	if (crypto_pwhash_str(dummy_hash, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

/* Verifies with a slot already taken; gives the slot back. */
static bool verify_in_slot(const char *hash, const char *pw, size_t len)
{
	bool ok;

	if (hash == NULL) {
		pthread_once(&dummy_once, make_dummy);
		hash = dummy_hash;
	}
	ok = crypto_pwhash_str_verify(hash, pw, len) == 0;
	hash_leave();
	return ok && hash != dummy_hash;
}

bool pw_verify(const char *hash, const char *pw)
{
	size_t len = strnlen(pw, PW_MAX_BYTES + 1);

	if (len > PW_MAX_BYTES)
		return false;
	hash_enter();
	return verify_in_slot(hash, pw, len);
}

int pw_verify_try(const char *hash, const char *pw)
{
	size_t len = strnlen(pw, PW_MAX_BYTES + 1);

	if (len > PW_MAX_BYTES)
		return 0;
	if (!hash_try_enter())
		return -1;
	return verify_in_slot(hash, pw, len) ? 1 : 0;
}

void auth_random_hex(char *hex)
{
	unsigned char b[32];

	randombytes_buf(b, sizeof b);
	sodium_bin2hex(hex, AUTH_TOKEN_HEX, b, sizeof b);
	sodium_memzero(b, sizeof b);
}

void auth_token_hash(const char *token, char *out)
{
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token),
	    NULL, 0);
	sodium_bin2hex(out, AUTH_TOKEN_HEX, h, sizeof h);
}

int auth_origin_of(const char *url, char *out, size_t n)
{
	const char *host, *end;
	size_t len;

	if (url == NULL)
		return -1;
	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return -1;
	end = host + strcspn(host, "/?#");
	if (end == host)
		return -1;
	len = (size_t)(end - url);
	if (len >= n)
		return -1;
	memcpy(out, url, len);
	out[len] = '\0';
	return 0;
}

bool auth_same_origin(const char *site_url, const char *origin,
    const char *sec_fetch_site)
{
	char want[512];

	if (origin != NULL)
		return auth_origin_of(site_url, want, sizeof want) == 0 &&
		    strcmp(origin, want) == 0;
	return sec_fetch_site != NULL && strcmp(sec_fetch_site, "same-origin") == 0;
}

const char *auth_cookie_name(const char *site_url)
{
	return strncmp(site_url, "https://", 8) == 0 ? SESSION_COOKIE_HTTPS : SESSION_COOKIE;
}

char *auth_cookie(struct arena *a, const char *site_url, const char *token)
{
	const char *secure = strncmp(site_url, "https://", 8) == 0 ? "; Secure" : "";
	const char *name = auth_cookie_name(site_url);

	if (token == NULL)
		return arena_printf(a, "%s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s",
		    name, secure);
	return arena_printf(a, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    name, token, SESSION_MAX_SECS, secure);
}

void auth_addr_prefix(const char *addr, char *out, size_t n)
{
	unsigned char b[16];
	char text[INET6_ADDRSTRLEN];

	if (addr == NULL || inet_pton(AF_INET6, addr, b) != 1) {
		snprintf(out, n, "%s", addr ? addr : "");
		return;
	}
	if (memcmp(b, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0) {
		/* an IPv4 address in IPv6 clothes counts as the IPv4 address */
		inet_ntop(AF_INET, b + 12, text, sizeof text);
		snprintf(out, n, "%s", text);
		return;
	}
	memset(b + 8, 0, 8);
	inet_ntop(AF_INET6, b, text, sizeof text);
	snprintf(out, n, "%s/64", text);
}

bool login_locked_by(const long long *fail_times, size_t n, long long now)
{
	if (n < LOGIN_PAIR_FAILS)
		return false;
	return fail_times[0] - fail_times[LOGIN_PAIR_FAILS - 1] <= LOGIN_WINDOW_SECS &&
	    now - fail_times[0] < LOGIN_WINDOW_SECS;
}

int login_delay_secs(long long account_fails)
{
	long long over = account_fails - LOGIN_DELAY_AFTER;

	if (over < 0)
		return 0;
	return over >= 6 ? LOGIN_DELAY_MAX : (1 << over) < LOGIN_DELAY_MAX ? 1 << over
	    : LOGIN_DELAY_MAX;
}
