/* gz.c: gzip of a whole buffer (zlib), and reading Accept-Encoding. */
#include "util/gz.h"

#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>
#include <zlib.h>

int gz_compress(const char *in, size_t n, char **out, size_t *outlen)
{
	z_stream z = { 0 };
	size_t cap;
	char *buf;
	int rc;

	*out = NULL;
	*outlen = 0;
	/* 15 + 16: a gzip header and trailer around the deflate stream */
	if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	cap = deflateBound(&z, (uLong)n) + 32;
	if ((buf = malloc(cap)) == NULL) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)buf;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = cap - z.avail_out;
	return 0;
}

bool gz_accepted(const char *ae)
{
	const char *p = ae;

	while (p != NULL && *p != '\0') {
		size_t n;

		p += strspn(p, " \t,");
		n = strcspn(p, ",");
		if (n >= 4 && strncasecmp(p, "gzip", 4) == 0 && (n == 4 || p[4] == ';' || p[4] == ' ')) {
			const char *q = memchr(p, 'q', n);
			/* "gzip;q=0" (or 0.0, 0.000) refuses it */
			if (q == NULL || q[1] != '=' || strtod(q + 2, NULL) > 0)
				return true;
			return false;
		}
		p += n;
	}
	return false;
}
