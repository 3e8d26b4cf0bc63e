/* test_gz.c: gzip of a buffer and reading Accept-Encoding. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "util/gz.h"

Test(gz, accepted)
{
	cr_assert(gz_accepted("gzip"));
	cr_assert(gz_accepted("gzip, deflate, br"));
	cr_assert(gz_accepted("br, GZIP;q=0.5"));
	cr_assert(gz_accepted("deflate,gzip"));
	cr_assert_not(gz_accepted(NULL));
	cr_assert_not(gz_accepted(""));
	cr_assert_not(gz_accepted("identity"));
	cr_assert_not(gz_accepted("gzip;q=0"));
	cr_assert_not(gz_accepted("gzip; q=0.000, identity"));
	cr_assert_not(gz_accepted("x-gzip2"));
}

Test(gz, round_trip)
{
	char in[5000], back[5000];
	char *out;
	size_t len, i;
	z_stream z = { 0 };

	for (i = 0; i < sizeof in; i++)
		in[i] = (char)('a' + i % 7);
	cr_assert_eq(gz_compress(in, sizeof in, &out, &len), 0);
	cr_assert_lt(len, sizeof in / 10);
	cr_assert_eq((unsigned char)out[0], 0x1f);
	cr_assert_eq((unsigned char)out[1], 0x8b);
	cr_assert_eq(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)out;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)back;
	z.avail_out = sizeof back;
	cr_assert_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
	cr_assert_eq(z.total_out, sizeof in);
	cr_assert_eq(memcmp(in, back, sizeof in), 0);
	inflateEnd(&z);
	free(out);
}
