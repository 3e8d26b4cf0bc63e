/* logins.h: the record of login attempts and the lock-out it gives. */
#ifndef HC_STORE_LOGINS_H
#define HC_STORE_LOGINS_H

#include <stdbool.h>

#include "store/db.h"

#define LOGIN_KEEP_DAYS 90

/* Records a login attempt (outcome "ok", "failed" or "locked"). Returns 0 or -1. */
int db_login_record(struct db *db, const char *email, const char *addr, const char *outcome);
/* Deletes login attempts older than LOGIN_KEEP_DAYS. Returns 0 or -1. */
int db_login_purge(struct db *db);
/* True when the account or the address is locked out (login_locked_by in
 * site/auth.h on its recent failures). Errors count as locked. */
bool db_login_locked(struct db *db, const char *email, const char *addr);

#endif
