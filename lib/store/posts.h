/* posts.h: news posts and categories in the database: the public lists and
 * pages, and the coordinator's editing (admin list, by id, update, delete). */
#ifndef HC_STORE_POSTS_H
#define HC_STORE_POSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"
#include "store/db.h"

struct category {
	long long id;
	const char *slug, *name, *description;
};

struct post {
	long long id;
	const char *slug, *title, *author, *excerpt, *body_md, *body_html, *status;
	const char *published_at, *created_at, *updated_at;   /* UTC storage format */
	long long category_id;                                /* 0 when none */
	const char *category_slug, *category_name;            /* "" when none */
	/* The featured image (media file name, MIME type, alt text): "" when
	 * none; set by the public lookups (db_posts_public, db_post_public_by_slug). */
	const char *featured_file, *featured_mime, *featured_alt;
	long long featured_id;                                /* 0 when none */
	long long version;                                    /* raised by each save */
};

/* A page of public posts, newest first. */
struct post_page {
	struct post *items;
	size_t count;
	long long total;       /* public posts in the whole list */
};

/* Public posts (published, time has come) of category_id (0: all), page
 * page (1-based) of per. Strings live in a; body_md and body_html are ""
 * (lists do not show them). Returns 0 or -1. */
int db_posts_public(struct db *db, struct arena *a, long long category_id,
    long long page, int per, struct post_page *out);
/* The number of public posts (kept while nothing changes). Returns 0 or -1. */
int db_posts_count(struct db *db, long long *n);
/* The n newest public posts of category_id (0: all) with their bodies, for
 * feeds. out->total is the count returned. Returns 0 or -1. */
int db_posts_feed(struct db *db, struct arena *a, long long category_id, int n,
    struct post_page *out);
/* The public post with slug. Returns 1 found, 0 not found, -1 error. */
int db_post_public_by_slug(struct db *db, struct arena *a, const char *slug,
    struct post *out);
/* The category with slug. Returns 1 found, 0 not found, -1 error. */
int db_category_by_slug(struct db *db, struct arena *a, const char *slug,
    struct category *out);
/* Creates a category; returns its id or -1. */
long long db_category_insert(struct db *db, const char *slug, const char *name,
    const char *description);

/* What is written when a post is saved. excerpt may be "" (then the body's
 * first paragraph is used). status is "draft" or "published". */
struct post_input {
	const char *title, *author, *excerpt, *body_md, *status;
	long long category_id;   /* 0: none */
	time_t published_at;
};

/* Picks a unique slug for title (a suffix -2, -3 ... on collision), ignoring
 * the post with id except_id. Writes it into buf. Returns 0 or -1. */
int db_post_unique_slug(struct db *db, const char *title, long long except_id,
    char *buf, size_t n);
/* Inserts a post, rendering its Markdown and deriving slug and excerpt.
 * Returns the new id, or -1. Run inside a transaction for several writes. */
long long db_post_insert(struct db *db, const struct post_input *in);

/* Sets or clears (media_id 0) the featured image of post post_id. Returns 0
 * or -1. */
int db_post_set_featured(struct db *db, long long post_id, long long media_id);

/* ---- editing ---- */

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
