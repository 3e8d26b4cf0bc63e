/* multipart.h: a strict multipart/form-data parser (RFC 7578, RFC 2046) with limits. Pure functions. */
#ifndef HC_HTTP_MULTIPART_H
#define HC_HTTP_MULTIPART_H

#include <stddef.h>

#include "util/arena.h"
#include "http/http.h"

#define MP_MAX_BOUNDARY 70        /* RFC 2046 */
#define MP_MAX_PARTS    32        /* parts in one body */
#define MP_MAX_HEADER   8192      /* bytes of one part's header block */
#define MP_MAX_NAME     100       /* bytes of a field name */
#define MP_MAX_FILENAME 1024      /* bytes of a filename parameter as sent */

/* One part of a multipart/form-data body. */
struct mp_part {
	const char *name;         /* the field name: non-empty, valid UTF-8, no NUL */
	const char *filename;     /* the filename parameter as sent (UTF-8, no NUL);
	                             NULL when the part is not a file, "" when a file
	                             input was left empty */
	const char *ctype;        /* the part's Content-Type value, or NULL */
	const char *data;         /* the content: points into the body given to mp_parse */
	size_t len;
};

struct mp_form {
	struct mp_part *parts;    /* in arena memory, in body order */
	size_t count;
};

enum mp_err {
	MP_OK = 0,
	MP_BAD_CTYPE,             /* not multipart/form-data, or bad parameters */
	MP_BAD_BOUNDARY,          /* boundary missing, empty, over 70 or bad characters */
	MP_TOO_BIG,               /* body over the total limit */
	MP_TOO_MANY_PARTS,        /* over MP_MAX_PARTS */
	MP_HEADER_TOO_BIG,        /* a header block over MP_MAX_HEADER */
	MP_BAD_HEADER,            /* malformed header line or Content-Disposition */
	MP_BAD_NAME,              /* field name missing, empty, too long or not UTF-8 */
	MP_NO_START,              /* the body does not begin with the first boundary */
	MP_NO_END,                /* the closing boundary is missing */
	MP_BAD_DELIMITER,         /* CRLF--boundary followed by anything but CRLF or -- */
	MP_BAD_VALUE,             /* a text field not valid UTF-8 or holding NUL (mp_fields) */
};

/* Extracts the boundary parameter of a Content-Type value (quoted or not) into
 * out (at least MP_MAX_BOUNDARY + 1 bytes). Returns MP_OK, MP_BAD_CTYPE or
 * MP_BAD_BOUNDARY. */
int mp_boundary(const char *content_type, char *out);
/* Parses body[0..len) sent with content_type. Refuses a body over max_total
 * bytes. Parts and their strings live in a; part data points into body, which
 * must outlive *out. Only CRLF "--" boundary delimits a part. Returns an
 * enum mp_err; *out is filled only on MP_OK. */
int mp_parse(struct arena *a, const char *content_type, const char *body,
    size_t len, size_t max_total, struct mp_form *out);
/* The first part named name, or NULL. */
const struct mp_part *mp_find(const struct mp_form *f, const char *name);
/* Copies the parts that are not files into name=value pairs (arena memory);
 * *out is never NULL. Returns 0, or -1 when a value is not valid UTF-8 or
 * holds a NUL byte. */
int mp_fields(struct arena *a, const struct mp_form *f, struct kv **out,
    size_t *count);
/* A short Swedish sentence explaining err to the person who uploaded. */
const char *mp_strerror(int err);

#endif
