/* textpages.h: pages whose text lives in the database (/om, /bli-medlem). */
#ifndef HC_STORE_TEXTPAGES_H
#define HC_STORE_TEXTPAGES_H

#include "util/arena.h"
#include "store/db.h"

struct text_page {
	const char *slug, *title, *body_md, *body_html, *updated_at;
};

/* The page with slug. Strings live in a. Returns 1 found, 0 not found, -1 error. */
int db_text_page(struct db *db, struct arena *a, const char *slug, struct text_page *out);
/* Writes title and body_md (rendered to HTML here) to the page slug, creating
 * it when it does not exist. Returns 0 or -1 (logged). */
int db_text_page_save(struct db *db, const char *slug, const char *title,
    const char *body_md);

#endif
