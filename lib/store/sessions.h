/* sessions.h: the sessions table: creating, loading (with the idle and absolute limits), ending. */
#ifndef HC_STORE_SESSIONS_H
#define HC_STORE_SESSIONS_H

#include <stdbool.h>

#include "util/arena.h"
#include "store/db.h"

/* A live session and its user (the logged-in user of a request). */
struct session {
	long long id;              /* sessions.id */
	long long user_id;
	const char *email, *name, *role;
	bool admin;                /* role is "admin" */
	const char *csrf;          /* the CSRF token every admin form carries, hex */
};

/* Starts a session for user_id: a new random token (written into token,
 * AUTH_TOKEN_HEX), its hash and a new CSRF token stored; sessions past their
 * limits are deleted first. Returns 0 or -1. */
int session_create(struct db *db, long long user_id, char *token);
/* Finds the live session of token (the cookie's value; NULL or malformed:
 * none), ending it when it is past its idle or absolute limit or its user is
 * disabled; refreshes last_seen. *out (in a) is set when found. Returns 1
 * found, 0 none, -1 database error. */
int session_load(struct db *db, struct arena *a, const char *token, struct session **out);
/* Ends one session / every session of a user. Return 0 or -1. */
int session_end(struct db *db, long long session_id);
int session_end_user(struct db *db, long long user_id);

#endif
