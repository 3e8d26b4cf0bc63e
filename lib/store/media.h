/* media.h: the media library: uploaded images and PDFs, their checks, files and rows. */
#ifndef HC_STORE_MEDIA_H
#define HC_STORE_MEDIA_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "store/db.h"
#include "util/tmpl.h"

#define MEDIA_NAME_HEX 32          /* random hex digits of a stored file name */
#define MEDIA_MAX_NAME_CHARS 200   /* the original file name, in characters */
#define MEDIA_MAX_ALT_CHARS 300
#define MEDIA_MAX_TITLE_CHARS 200
#define MEDIA_LIST_MAX 500         /* rows the library page lists */

struct media {
	long long id;
	const char *file_name;     /* e.g. "3f...c2.png" under cfg->uploads */
	const char *mime_type;     /* one of the allowed types */
	long long size_bytes;
	const char *original_name, *alt_text, *title, *created_at;
};

/* A place where a file is used. */
struct media_use {
	const char *kind;          /* "post", "event" or "page" */
	long long id;
	const char *title, *slug;
};

/* ---- pure helpers (media.c) ---- */

/* The file extension for an allowed MIME type ("png", "jpg" ...), or NULL
 * when the type is not allowed in the library. */
const char *media_ext(const char *mime_type);
/* True for the image types (alt text required). */
bool media_is_image(const char *mime_type);
/* True when data begins with the signature of mime_type (PNG, JPEG, GIF,
 * WebP, PDF): a second check next to libmagic's. */
bool media_signature_ok(const char *mime_type, const char *data, size_t len);
/* Checks an uploaded file's name as the browser sent it. Returns NULL when it
 * may be kept (as data only), or a Swedish message: not UTF-8, control
 * characters, a folder part ('/', '\\'), empty, or over MEDIA_MAX_NAME_CHARS. */
const char *media_name_problem(const char *name);
/* The Markdown to paste for m: ![alt](/uploads/NAME) for an image,
 * [title or original name](/uploads/NAME) for a PDF. Brackets in the text
 * are escaped. In arena a. */
char *media_markdown(struct arena *a, const struct media *m);
/* "12 kB", "3,4 MB": a size for people, Swedish decimal comma. Into buf. */
void media_size_text(long long bytes, char *buf, size_t n);

/* ---- type detection and files (media_store.c) ---- */

/* The MIME type libmagic finds in data (MAGIC_MIME_TYPE), copied into buf;
 * "" when libmagic fails. Thread-safe: the one magic cookie is opened on
 * first use and used under a mutex. */
void media_detect(const char *data, size_t len, char *buf, size_t n);
/* Writes data to dir/<32 random hex>.<ext> through a temp file, fsync and
 * rename (mode 0644; dir is created when missing). The new name goes into
 * name (at least MEDIA_NAME_HEX + 6 bytes). Returns 0 or -1 (logged). */
int media_store(const char *dir, const char *ext, const char *data, size_t len,
    char *name, size_t n);
/* Removes dir/name. Returns 0 or -1 (logged). */
int media_unlink(const char *dir, const char *name);

/* ---- rows (media.c) ---- */

/* Inserts a row; returns its id, or -1. */
long long db_media_insert(struct db *db, const struct media *m, long long user_id);
/* The newest files first, at most MEDIA_LIST_MAX. Returns the count or -1;
 * *out in a. */
long long db_media_list(struct db *db, struct arena *a, struct media **out);
/* Images only, newest first (for choosing a featured image). Same contract. */
long long db_media_images(struct db *db, struct arena *a, struct media **out);
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

/* ---- choosing files in other editors (media_pick.c) ----
 * A post editor offers <select name="featured"> filled by media_options(...,
 * false, current), checks the posted id with db_media_kind_ok(..., false) and
 * saves it with db_post_set_featured inside its transaction; an event editor
 * does the same with pdf true and db_event_set_programme. Id 0 means none. */

/* Adds one repetition of section per image (pdf false) or PDF (pdf true) with
 * VALUE (the id), LABEL (original name – alt text or title) and section
 * SELECTED on current. Returns 0 or -1. */
int media_options(struct db *db, struct arena *a, tdict *d, const char *section,
    bool pdf, long long current);
/* 1 when id is 0 (none) or a library file of the kind, 0 when not, -1 error. */
int db_media_kind_ok(struct db *db, struct arena *a, long long id, bool pdf);
/* Set or clear (media_id 0) a post's featured image / an event's programme.
 * Return 0 or -1. */
int db_post_set_featured(struct db *db, long long post_id, long long media_id);
int db_event_set_programme(struct db *db, long long event_id, long long media_id);
/* The programme PDF of event event_id. Returns 1 found, 0 none, -1 error. */
int db_media_programme(struct db *db, struct arena *a, long long event_id,
    struct media *out);

#endif
