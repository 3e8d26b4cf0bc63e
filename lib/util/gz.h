/* gz.h: gzip (RFC 1952) of a whole buffer with zlib, for bodies compressed once and sent many times. */
#ifndef HC_UTIL_GZ_H
#define HC_UTIL_GZ_H

#include <stdbool.h>
#include <stddef.h>

/* Compresses in (n bytes) at the best level into a malloc'd buffer (caller
 * frees) stored in *out with its length in *outlen. Returns 0 or -1. */
int gz_compress(const char *in, size_t n, char **out, size_t *outlen);
/* True when an Accept-Encoding header value accepts gzip (a "gzip" coding
 * without q=0). */
bool gz_accepted(const char *accept_encoding);

#endif
