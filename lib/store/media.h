/* media.h: the media library's rows: files, where they are used, the featured image and programme they are. */
#ifndef HC_STORE_MEDIA_H
#define HC_STORE_MEDIA_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "site/mediarules.h"
#include "store/db.h"

#define MEDIA_LIST_MAX 500         /* rows the library page lists */

/* A place where a file is used. */
struct media_use {
	const char *kind;          /* "post", "event" or "page" */
	long long id;
	const char *title, *slug;
};

/* Inserts a row; returns its id, or -1. */
long long db_media_insert(struct db *db, const struct media *m, long long user_id);
/* The newest files first, at most MEDIA_LIST_MAX. Returns the count or -1;
 * *out in a. */
long long db_media_list(struct db *db, struct arena *a, struct media **out);
/* The file with id. Returns 1 found, 0 not found, -1 error. */
int db_media_by_id(struct db *db, struct arena *a, long long id, struct media *out);
/* Where the file is used: posts (featured or linked in the text), events
 * (programme or linked in the text) and pages. Returns the count (at most
 * max) or -1; *out in a. */
long long db_media_uses(struct db *db, struct arena *a, const struct media *m,
    struct media_use *out, long long max);
/* Deletes the row. Returns 1 deleted, 0 not there, -1 error. */
int db_media_delete(struct db *db, long long id);
/* The featured image of post post_id. Returns 1 found, 0 none, -1 error. */
int db_media_featured(struct db *db, struct arena *a, long long post_id,
    struct media *out);
/* The programme PDF of event event_id. Returns 1 found, 0 none, -1 error. */
int db_media_programme(struct db *db, struct arena *a, long long event_id,
    struct media *out);
/* 1 when id is 0 (none) or a library file of the kind (pdf: a PDF, else an
 * image), 0 when not, -1 error. */
int db_media_kind_ok(struct db *db, struct arena *a, long long id, bool pdf);

#endif
