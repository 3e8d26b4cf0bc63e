/* textpages.h: pages whose text lives in the database (/om, /bli-medlem): the public page and the coordinator's editing. */
#ifndef HC_STORE_TEXTPAGES_H
#define HC_STORE_TEXTPAGES_H

#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"

struct text_page {
	const char *slug, *title, *body_md, *body_html, *updated_at;
	long long version;        /* raised by each save */
};

/* The page with slug. Strings live in a. Returns 1 found, 0 not found, -1 error. */
int db_text_page(struct db *db, struct arena *a, const char *slug, struct text_page *out);

/* ---- editing ---- */

/* Every text page by slug, at most max; *out in a. Returns the count or -1. */
long long db_text_pages_all(struct db *db, struct arena *a, struct text_page **out, size_t max);
/* The page slug and its version. Returns 1 found, 0 not found, -1 error. */
int db_text_page_edit(struct db *db, struct arena *a, const char *slug,
    struct text_page *out, long long *version);
/* Saves title and body_md (rendered to HTML here) over page slug when its
 * version is still version, raising it. Returns 1 saved, 0 refused (changed
 * by someone else, or gone), -1 error. */
int db_text_page_update(struct db *db, const char *slug, long long version,
    const char *title, const char *body_md);

#endif
