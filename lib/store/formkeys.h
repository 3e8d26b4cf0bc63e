/* formkeys.h: one-time keys that make a create form safe to submit twice. */
#ifndef HC_STORE_FORMKEYS_H
#define HC_STORE_FORMKEYS_H

#include "util/arena.h"
#include "store/db.h"

#define FORM_KEY_KEEP_SECS 86400

/* Claims key for a create, inside the caller's write transaction. Returns 1
 * when the key is new (go on and create; then call db_form_key_done), 0 when
 * it was used before (*target: where that submit went, "" when it is still
 * running or failed), -1 on error. */
int db_form_key_claim(struct db *db, struct arena *a, const char *key, const char **target);
/* Remembers where the create of key went (its 303 location). Returns 0 or -1. */
int db_form_key_done(struct db *db, const char *key, const char *target);
/* Frees key again (its submit made nothing). Returns 0 or -1. */
int db_form_key_forget(struct db *db, const char *key);
/* Deletes keys older than FORM_KEY_KEEP_SECS (the housekeeping timer). */
int db_form_keys_purge(struct db *db);

#endif
