/* logins.h: the logins table: password checks, the lock-out they give, the purge. */
#ifndef HC_STORE_LOGINS_H
#define HC_STORE_LOGINS_H

#include <stdbool.h>

#include "store/db.h"

/* Records a checked password of email from addr (prefix: auth_addr_prefix
 * of addr): ok when it matched. Returns 0 or -1. Refused tries are never
 * recorded. */
int db_login_record(struct db *db, const char *email, const char *addr,
    const char *prefix, bool ok);
/* Deletes successful logins older than LOGIN_KEEP_DAYS and failures older
 * than LOGIN_FAIL_KEEP_SECS, then cuts the table to LOGIN_MAX_ROWS newest
 * rows. Run on a timer by hcweb. Returns 0 or -1. */
int db_login_purge(struct db *db);
/* Forgets the failures of an account (hcadmin user unlock). Returns how many
 * rows went, or -1. */
int db_login_unlock(struct db *db, const char *email);

enum login_gate {
	LOGIN_OPEN,          /* check the password */
	LOGIN_PAIR_LOCKED,   /* this account from this prefix: too many failures */
	LOGIN_THROTTLED,     /* the account's checks are spaced (login_delay_secs) */
	LOGIN_BUDGET,        /* the site's failure budget is spent; unknown pairs wait */
	LOGIN_ERROR,         /* the database failed: refuse */
};
/* Whether a password may be checked for email from prefix now. A pair that
 * has logged in before (a known pair) passes the account delay and the
 * budget, never its own lock. When not open, *retry_secs says when to come
 * back. */
enum login_gate db_login_gate(struct db *db, const char *email, const char *prefix,
    int *retry_secs);

#endif
