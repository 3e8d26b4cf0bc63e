/* mediarules.h: what a library file is to the site, and the rules for uploads: types, names, Markdown, sizes. Pure. */
#ifndef HC_SITE_MEDIARULES_H
#define HC_SITE_MEDIARULES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

#define MEDIA_NAME_HEX 32          /* random hex digits of a stored file name */
#define MEDIA_MAX_NAME_CHARS 200   /* the original file name, in characters */
#define MEDIA_MAX_ALT_CHARS 300
#define MEDIA_MAX_TITLE_CHARS 200

struct media {
	long long id;
	const char *file_name;     /* e.g. "3f...c2.png" under cfg->uploads */
	const char *mime_type;     /* one of the allowed types */
	long long size_bytes;
	const char *original_name, *alt_text, *title, *created_at;
};

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

#endif
