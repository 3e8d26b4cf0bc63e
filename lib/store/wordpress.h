/* wordpress.h: the rows of a WordPress import (imported posts and files) and the old-URL redirects. */
#ifndef HC_STORE_WORDPRESS_H
#define HC_STORE_WORDPRESS_H

#include "store/db.h"
#include "util/arena.h"

#define REDIRECT_MAX_PATH 2000

/* A post as the importer writes it. Times in the storage format (UTC). */
struct wp_post_row {
	const char *title, *author, *excerpt, *body_md, *status;
	const char *published_at, *created_at, *updated_at;
	long long category_id;       /* 0: none */
	long long featured_media_id; /* 0: none */
};

/* What is known of WordPress post wp_id of site. */
struct wp_known {
	long long post_id;           /* 0: the post was deleted here */
	long long version;           /* posts.version the import left */
	long long current_version;   /* posts.version now (0 when deleted) */
	const char *modified_gmt, *slug, *title;   /* in a; slug/title "" when deleted */
	int media_failed;            /* files not fetched at the last import */
};

/* The import's record of (site, wp_id). Returns 1 found, 0 not, -1 error. */
int db_wp_post_known(struct db *db, struct arena *a, const char *site, long long wp_id,
    struct wp_known *out);
/* Inserts a post whose slug is the free form of want (a suffix -2, -3 ...
 * on collision; slug is written into buf of n bytes). Returns the id or -1. */
long long db_wp_post_insert(struct db *db, const struct wp_post_row *p, const char *want,
    char *buf, size_t n);
/* Overwrites post id when its version is still version. Returns 1 saved,
 * 0 refused, -1 error. */
int db_wp_post_update(struct db *db, long long id, long long version,
    const struct wp_post_row *p);
/* Records (or refreshes) the import of wp_id as post_id at its current
 * version, with the number of its files that could not be fetched. Returns 0 or -1. */
int db_wp_post_record(struct db *db, const char *site, long long wp_id, long long post_id,
    const char *modified_gmt, const char *link, int media_failed);
/* Calls fn for every post imported from site whose id is not in seen (sorted
 * ascending, n ids). Returns 0 or -1. */
int db_wp_posts_missing(struct db *db, struct arena *a, const char *site,
    const long long *seen, size_t n,
    void (*fn)(void *ctx, long long wp_id, const char *title, const char *slug), void *ctx);
/* The media library id of a file copied from source_url of site: >0, 0 none, -1 error. */
long long db_wp_media_find(struct db *db, const char *site, const char *source_url);
/* Records that source_url of site is media_id. Returns 0 or -1. */
int db_wp_media_record(struct db *db, const char *site, const char *source_url,
    long long media_id);
/* The category with slug, created with name when missing. Returns its id or -1. */
long long db_wp_category(struct db *db, const char *slug, const char *name);

/* Sets the redirect from path (decoded, no trailing slash but "/", "?query"
 * kept) to target. Returns 0 or -1. */
int db_redirect_set(struct db *db, const char *path, const char *target);
/* The target for path into a. Returns 1 found, 0 none, -1 error. */
int db_redirect_find(struct db *db, struct arena *a, const char *path, const char **target);

#endif
