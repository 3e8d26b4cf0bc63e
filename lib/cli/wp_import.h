/* wp_import.h: the state of one `hcadmin import-wordpress` run, shared by its two files. */
#ifndef HC_CLI_WP_IMPORT_H
#define HC_CLI_WP_IMPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "net/wpapi.h"
#include "store/db.h"
#include "util/abuf.h"
#include "util/config.h"

#define WP_AUDIT_USER "wordpress-import"

struct wp_run {
	const struct config *cfg;
	struct db *db;
	struct wpapi api;
	bool dry, auth;
	json_t *cats, *tags, *users;       /* id (as text) -> object */
	json_t *media_by_id, *media_by_url; /* id / source_url -> media object */
	json_t *dry_seen;                  /* files a dry run would fetch */
	const char *feed_target;           /* where /feed goes */
	size_t max_file;                   /* largest file fetched */
	/* The summary. */
	long created, updated, unchanged, skipped, fetched, reused, failed, would_fetch;
	long long bytes;
	struct arena notes_a;              /* the notes below live here */
	struct abuf skipped_notes, failed_notes, alt_notes, edited_notes, gone_notes, errors;
	/* WordPress ids seen in this run (for posts deleted there). */
	long long *seen;
	size_t nseen, capseen;
};

/* Imports (or, dry, classifies) one post object of the REST API. Counts and
 * notes go into w. Returns 0, or -1 when the database failed (the run stops). */
int wp_import_post(struct wp_run *w, const json_t *post);
/* Sets the redirects for the site as a whole (/feed). Returns 0 or -1. */
int wp_import_site_redirects(struct wp_run *w);

/* The decoded path of a URL on the site, no trailing slash, "?query" kept,
 * in a; NULL when url is elsewhere or unusable. */
const char *wp_old_path(struct wp_run *w, struct arena *a, const char *url);

#endif
