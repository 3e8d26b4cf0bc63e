/* formposts.h: what guards the public forms in the database: posts per address and spent form tokens. */
#ifndef HC_STORE_FORMPOSTS_H
#define HC_STORE_FORMPOSTS_H

#include <time.h>

#include "store/db.h"

/* Counts a post from addr at now, when addr has made fewer than limit posts
 * in the hour before now. Returns 1 counted, 0 over the limit (not counted),
 * -1 error. Call inside a write transaction. */
int db_form_post_allowed(struct db *db, const char *addr, time_t now, int limit);
/* 1 when a successful post already used the form token whose hash is
 * token_hash, 0 if not, -1 error. */
int db_form_token_spent(struct db *db, const char *token_hash);
/* Records that a successful post used the token. Returns 0 or -1. */
int db_form_token_spend(struct db *db, const char *token_hash, time_t now);

#endif
