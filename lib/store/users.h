/* users.h: the users table (the coordinator and other people who may log in). */
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

#endif
