/* posts_edit.h: the statements of post editing: admin lists, load by id, update with a version, delete. */
#ifndef HC_STORE_POSTS_EDIT_H
#define HC_STORE_POSTS_EDIT_H

#include "store/posts.h"

/* Filter of the admin list: "" all, "utkast", "schemalagd", "publicerad". */
extern const char *const post_filters[];

/* Posts whose title holds q (case-insensitive, Å as å; "" all) in filter,
 * newest change first, page (1-based) of per. Strings in a. Returns 0 or -1. */
int db_posts_admin(struct db *db, struct arena *a, const char *q, const char *filter,
    long long page, int per, struct post_page *out);
/* Any post by id, with its version. Returns 1 found, 0 not found, -1 error. */
int db_post_by_id(struct db *db, struct arena *a, long long id, struct post *out,
    long long *version);
/* Saves in over post id when its version is still version: renders the
 * Markdown, derives the excerpt when in->excerpt is "", keeps the slug, raises
 * the version. Returns 1 saved, 0 refused (changed by someone else, or gone),
 * -1 error. */
int db_post_update(struct db *db, long long id, long long version,
    const struct post_input *in);
/* Deletes post id. Returns 1 deleted, 0 not found, -1 error. */
int db_post_delete(struct db *db, long long id);
/* Every category by name. *out in a. Returns 0 or -1. */
int db_categories_all(struct db *db, struct arena *a, struct category **out, size_t *n);
/* "Utkast", "Schemalagd" or "Publicerad" for a post's status and time at now
 * (UTC storage format). Pure. */
const char *post_state_label(const char *status, const char *published_at, const char *now);

#endif
