/* rerender.h: making the stored HTML of posts, events and pages again after the renderer changed. */
#ifndef HC_STORE_RERENDER_H
#define HC_STORE_RERENDER_H

#include <stdio.h>

#include "store/db.h"

/* When the stored HTML was made by an older renderer than MD_RENDER_VERSION
 * (table markdown_render), renders every post body, event description (HTML
 * and plain text) and text page again from its Markdown, in one transaction,
 * and records the version. Run by migrate_apply after the migrations.
 * Returns 1 rendered, 0 nothing to do (or no such table yet), -1 error. */
int md_rerender_stale(struct db *db, FILE *out);

#endif
