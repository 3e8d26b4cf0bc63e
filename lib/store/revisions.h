/* revisions.h: earlier versions of posts, events and text pages: kept at each save, listed, restored, pruned. */
#ifndef HC_STORE_REVISIONS_H
#define HC_STORE_REVISIONS_H

#include <stddef.h>

#include "store/db.h"
#include "util/arena.h"

#define REVISIONS_KEEP 50      /* the newest kept of each item; older ones are deleted */

/* One kept version of an item's text. */
struct revision {
	long long id, item_id;
	const char *item_type;     /* "post", "event" or "page" */
	const char *kind;          /* "save", "autosave" or "restore" */
	const char *saved_at;      /* UTC storage format */
	const char *user_name;
	const char *title, *author, *excerpt, *body_md;  /* author, excerpt: posts only ("") */
};

/* Keeps rv (item_type, item_id, kind, the texts; user_name may be NULL) as
 * saved now by user_id (0: none), then deletes the item's revisions beyond
 * REVISIONS_KEEP. Call inside the save's transaction. Returns 0 or -1. */
int db_revision_add(struct db *db, const struct revision *rv, long long user_id);
/* The revisions of one item, newest first, at most REVISIONS_KEEP. *out in a.
 * Returns the count, or -1. */
long long db_revisions_of(struct db *db, struct arena *a, const char *item_type,
    long long item_id, struct revision **out);
/* Revision id. Returns 1 found, 0 not found, -1 error. */
int db_revision_by_id(struct db *db, struct arena *a, long long id, struct revision *out);
/* The id of the text page with slug, or 0 when there is none (-1: error). */
long long db_page_id(struct db *db, const char *slug);
/* The slug of text page id into a, or NULL. */
const char *db_page_slug(struct db *db, struct arena *a, long long id);

#endif
