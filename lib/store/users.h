/* users.h: the users table and the record of login attempts. */
#ifndef HC_STORE_USERS_H
#define HC_STORE_USERS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

struct user {
	long long id;
	const char *email, *name, *role, *password_hash, *created_at;
	bool disabled;
};

/* The user with email (case-insensitive). Strings in a. Returns 1 found,
 * 0 not found, -1 error. */
int db_user_by_email(struct db *db, struct arena *a, const char *email, struct user *out);
/* The user with id. Returns 1, 0 or -1. */
int db_user_by_id(struct db *db, struct arena *a, long long id, struct user *out);
/* Every user, by e-mail. *out in a. Returns 0 or -1. */
int db_users_all(struct db *db, struct arena *a, struct user **out, size_t *n);
/* Adds a user. Returns the id, -2 when the e-mail is taken, -1 on error. */
long long db_user_insert(struct db *db, const char *email, const char *name,
    const char *role, const char *password_hash);
/* Sets the password hash / the disabled flag. Return 0, or -1. */
int db_user_set_password(struct db *db, long long id, const char *password_hash);
int db_user_set_disabled(struct db *db, long long id, bool disabled);

/* Records a login attempt (outcome "ok", "failed" or "locked"). Returns 0 or -1. */
int db_login_record(struct db *db, const char *email, const char *addr, const char *outcome);
/* Deletes login attempts older than LOGIN_KEEP_DAYS. Returns 0 or -1. */
#define LOGIN_KEEP_DAYS 90
int db_login_purge(struct db *db);
/* True when the account or the address is locked out: LOGIN_MAX_FAILS failed
 * attempts within LOGIN_WINDOW_SECS, the last of them less than
 * LOGIN_WINDOW_SECS ago. Errors count as locked. */
bool db_login_locked(struct db *db, const char *email, const char *addr);
/* The lock-out rule on the failure times of one key, newest first (n of them,
 * at most LOGIN_MAX_FAILS), at time now. Pure. */
bool login_locked_by(const long long *fail_times, size_t n, long long now);

#endif
