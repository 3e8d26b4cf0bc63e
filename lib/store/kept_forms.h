/* kept_forms.h: desk forms kept for an hour across a lost session, under a random key. */
#ifndef HC_STORE_KEPT_FORMS_H
#define HC_STORE_KEPT_FORMS_H

#include "store/db.h"
#include "util/arena.h"

#define KEPT_FORM_SECS 3600    /* a kept form is deleted an hour after it was kept */
#define KEPT_FORMS_MAX 1000    /* no more kept at once (a flood is refused) */

/* Keeps the urlencoded fields sent to path under key_hash (the hash of the
 * key given back to the browser), after deleting forms older than an hour.
 * Returns 1 kept, 0 refused (too many kept), -1 error. */
int db_kept_form_put(struct db *db, const char *key_hash, const char *path, const char *fields);
/* Takes the form kept under key_hash if it is younger than an hour: sets
 * *path and *fields (in a) and deletes it. Returns 1 found, 0 none, -1 error. */
int db_kept_form_take(struct db *db, struct arena *a, const char *key_hash,
    const char **path, const char **fields);

#endif
