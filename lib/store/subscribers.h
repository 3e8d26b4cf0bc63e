/* subscribers.h: the newsletter's subscribers: sign-up, confirmation, unsubscription, erasure, export. */
#ifndef HC_STORE_SUBSCRIBERS_H
#define HC_STORE_SUBSCRIBERS_H

#include <stdio.h>

#include "store/db.h"
#include "util/arena.h"

#define SUB_TOKEN_HEX 65               /* 32 random bytes as hex, and its NUL */
#define SUB_CONFIRM_DAYS 7             /* an unconfirmed sign-up lives this long */
#define SUB_LIMIT_PER_ADDRESS 3        /* sign-ups of one address an hour */
#define SUB_LIMIT_PER_CLIENT 10        /* sign-ups from one client address an hour */

/* Records a sign-up try and says whether it is within the limits (per
 * e-mail address and per client in the last hour). Drops tries older than a
 * day. Returns 1 allowed, 0 over a limit, -1 on error. */
int sub_attempt_allowed(struct db *db, const char *email, const char *client);
/* Signs email up (pending) with the consent text and time, or renews a
 * pending sign-up's consent; writes a new confirmation token into token.
 * Returns 1 when a confirmation should be mailed, 0 when the address is
 * already confirmed (nothing changes, nothing to mail), -1 on error. */
int sub_signup(struct db *db, const char *email, const char *consent, char token[SUB_TOKEN_HEX]);
/* 1 when token is a live token of purpose ("confirm": not older than
 * SUB_CONFIRM_DAYS), 0 when not, -1 on error. Changes nothing. */
int sub_token_live(struct db *db, const char *token, const char *purpose);
/* Confirms the subscriber of a live confirmation token (its confirm tokens
 * are dropped). Returns 1 done, 0 unknown or expired token, -1 on error. */
int sub_confirm(struct db *db, const char *token);
/* Erases the subscriber of an unsubscribe token (with every token and every
 * unsent newsletter row; sent rows keep no address). Returns 1 erased, 0
 * unknown token, -1 on error. */
int sub_unsubscribe(struct db *db, const char *token);
/* The same erasure by id (the coordinator). Returns 1, 0 unknown, -1. */
int sub_erase(struct db *db, long long id);
/* A new unsubscribe token for subscriber id, into token. Returns 0 or -1. */
int sub_unsubscribe_token(struct db *db, long long id, char token[SUB_TOKEN_HEX]);
/* Deletes sign-ups left unconfirmed for SUB_CONFIRM_DAYS. Returns the number or -1. */
int sub_expire(struct db *db);
/* The number of confirmed subscribers. -1 on error. */
long long sub_count_confirmed(struct db *db);

struct subscriber {
	long long id;
	const char *email, *state, *consent_text, *consent_at, *confirmed_at, *created_at;
};
struct subscriber_list {
	struct subscriber *items;
	size_t count;
};
/* Every subscriber, confirmed first, by address; strings in a. Returns 0 or -1. */
int sub_list(struct db *db, struct arena *a, struct subscriber_list *out);
/* Writes the list as CSV (UTF-8, RFC 4180 quoting, CRLF) with a header row.
 * Returns 0 or -1. */
int sub_export_csv(struct db *db, struct arena *a, char **out, size_t *len);

#endif
