/* test_multipart.c: unit tests for the multipart/form-data parser. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/config.h"
#include "http/multipart.h"
#include "http/request.h"

#define CT "multipart/form-data; boundary=XyZ"
#define BIG (20u << 20)

static struct arena a;

static void teardown(void)
{
	arena_free(&a);
}

TestSuite(multipart, .fini = teardown);

static int parse(const char *ct, const char *body, struct mp_form *f)
{
	return mp_parse(&a, ct, body, strlen(body), BIG, f);
}

static int parse_n(const char *ct, const char *body, size_t n, struct mp_form *f)
{
	return mp_parse(&a, ct, body, n, BIG, f);
}

/* ---- Content-Type and boundary ---- */

Test(multipart, boundary_plain_and_quoted)
{
	char b[MP_MAX_BOUNDARY + 1];

	cr_assert_eq(mp_boundary("multipart/form-data; boundary=abc", b), MP_OK);
	cr_assert_str_eq(b, "abc");
	cr_assert_eq(mp_boundary("Multipart/Form-Data;boundary=\"a b:c\"", b), MP_OK);
	cr_assert_str_eq(b, "a b:c");
	cr_assert_eq(mp_boundary("multipart/form-data; charset=utf-8; BOUNDARY=----WebKitFormBoundaryx7", b), MP_OK);
	cr_assert_str_eq(b, "----WebKitFormBoundaryx7");
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=abc  ", b), MP_OK);
}

Test(multipart, boundary_length_limits)
{
	char b[MP_MAX_BOUNDARY + 1], ct[200];
	char seventy[71], seventyone[72];

	memset(seventy, 'a', 70);
	seventy[70] = '\0';
	memset(seventyone, 'a', 71);
	seventyone[71] = '\0';
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", seventy);
	cr_assert_eq(mp_boundary(ct, b), MP_OK);
	cr_assert_eq(strlen(b), 70);
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", seventyone);
	cr_assert_eq(mp_boundary(ct, b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=\"\"", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=", b), MP_BAD_CTYPE);
}

Test(multipart, boundary_bad)
{
	char b[MP_MAX_BOUNDARY + 1];

	cr_assert_eq(mp_boundary("multipart/form-data", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=\"ab \"", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=\"a\\b\"", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=\"a<b\"", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=a; boundary=b", b), MP_BAD_BOUNDARY);
	cr_assert_eq(mp_boundary("multipart/form-data; boundary=\"abc", b), MP_BAD_CTYPE);
	cr_assert_eq(mp_boundary("multipart/form-data boundary=abc", b), MP_BAD_CTYPE);
	cr_assert_eq(mp_boundary("multipart/mixed; boundary=abc", b), MP_BAD_CTYPE);
	cr_assert_eq(mp_boundary("application/x-www-form-urlencoded", b), MP_BAD_CTYPE);
	cr_assert_eq(mp_boundary(NULL, b), MP_BAD_CTYPE);
	cr_assert_eq(mp_boundary("", b), MP_BAD_CTYPE);
}

/* ---- well-formed bodies ---- */

Test(multipart, fields_and_file)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok123\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"alt\"\r\n\r\n"
	    "Åre i snö\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"bild.png\"\r\n"
	    "Content-Type: image/png\r\n\r\n"
	    "\x89PNG\r\n\x1a\n\0\0rest\r\n"
	    "--XyZ--\r\n";
	struct mp_form f;
	const struct mp_part *p;

	cr_assert_eq(parse_n(CT, body, sizeof body - 1, &f), MP_OK);
	cr_assert_eq(f.count, 3);
	cr_assert_str_eq(f.parts[0].name, "csrf");
	cr_assert_null(f.parts[0].filename);
	cr_assert_eq(f.parts[0].len, 6);
	cr_assert(memcmp(f.parts[0].data, "tok123", 6) == 0);
	cr_assert_str_eq(f.parts[1].name, "alt");
	p = mp_find(&f, "file");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->filename, "bild.png");
	cr_assert_str_eq(p->ctype, "image/png");
	cr_assert_eq(p->len, 14);
	cr_assert(memcmp(p->data, "\x89PNG\r\n\x1a\n\0\0rest", 14) == 0);
	cr_assert_null(mp_find(&f, "nope"));
}

Test(multipart, fields_to_pairs)
{
	struct mp_form f;
	struct kv *kv;
	size_t n;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\nbin\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n"
	    "--XyZ--", &f), MP_OK);
	cr_assert_eq(mp_fields(&a, &f, &kv, &n), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(kv[0].key, "a");
	cr_assert_str_eq(kv[0].val, "1");
	cr_assert_str_eq(kv[1].key, "b");
	cr_assert_str_eq(kv[1].val, "");
	cr_assert_eq(kv[1].vlen, 0);
}

Test(multipart, field_value_with_nul_or_bad_utf8_refused_as_pair)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\0y\r\n--XyZ--";
	struct mp_form f;
	struct kv *kv;
	size_t n;

	cr_assert_eq(parse_n(CT, body, sizeof body - 1, &f), MP_OK);
	cr_assert_eq(mp_fields(&a, &f, &kv, &n), -1);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xc3\x28\r\n--XyZ--", &f), MP_OK);
	cr_assert_eq(mp_fields(&a, &f, &kv, &n), -1);
}

Test(multipart, empty_file_input)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n", &f), MP_OK);
	cr_assert_eq(f.count, 1);
	cr_assert_str_eq(f.parts[0].filename, "");
	cr_assert_eq(f.parts[0].len, 0);
}

Test(multipart, no_parts)
{
	struct mp_form f;

	cr_assert_eq(parse(CT, "--XyZ--\r\n", &f), MP_OK);
	cr_assert_eq(f.count, 0);
}

Test(multipart, quoted_boundary_with_space)
{
	struct mp_form f;

	cr_assert_eq(parse("multipart/form-data; boundary=\"a b\"",
	    "--a b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n--a b--", &f), MP_OK);
	cr_assert_eq(f.count, 1);
	cr_assert_str_eq(f.parts[0].name, "x");
}

Test(multipart, header_names_case_insensitive_and_unknown_ignored)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\ncontent-disposition:FORM-DATA;NAME=\"n\" ; FileName=\"a.pdf\"\r\n"
	    "X-Other: whatever\r\ncontent-type:application/pdf\r\n"
	    "Content-Transfer-Encoding: binary\r\n\r\n%PDF\r\n--XyZ--", &f), MP_OK);
	cr_assert_str_eq(f.parts[0].name, "n");
	cr_assert_str_eq(f.parts[0].filename, "a.pdf");
	cr_assert_str_eq(f.parts[0].ctype, "application/pdf");
}

Test(multipart, filename_kept_as_sent)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x.png\"\r\n\r\nd\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"g\"; filename=\"C:\\dir\\Bild på sjö.jpg\"\r\n\r\nd\r\n"
	    "--XyZ--", &f), MP_OK);
	cr_assert_str_eq(f.parts[0].filename, "../../x.png");
	cr_assert_str_eq(f.parts[1].filename, "C:\\dir\\Bild på sjö.jpg");
}

Test(multipart, transport_padding_after_boundary)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--", &f), MP_OK);
	cr_assert_eq(f.count, 1);
}

Test(multipart, epilogue_ignored)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--\r\n"
	    "--XyZ\r\ngarbage after the end", &f), MP_OK);
	cr_assert_eq(f.count, 1);
}

/* ---- the boundary inside content ---- */

Test(multipart, boundary_without_crlf_is_content)
{
	struct mp_form f;
	const char *want = "a--XyZ b\n--XyZ c\r--XyZ\r\nd";

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\n\r\n"
	    "a--XyZ b\n--XyZ c\r--XyZ\r\nd\r\n--XyZ--", &f), MP_OK);
	cr_assert_eq(f.count, 1);
	cr_assert_eq(f.parts[0].len, strlen(want));
	cr_assert(memcmp(f.parts[0].data, want, strlen(want)) == 0);
}

Test(multipart, longer_boundary_prefix_is_content_free)
{
	struct mp_form f;

	/* "--XyZW" is not our boundary, but CRLF--XyZ followed by W is a
	 * delimiter in the wrong place: refused rather than guessed. */
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
	    "one\r\n--XyZW\r\ntwo\r\n--XyZ--", &f), MP_BAD_DELIMITER);
}

Test(multipart, crlf_boundary_in_content_splits_and_is_refused)
{
	struct mp_form f;

	/* A file holding CRLF--boundary CRLF: what follows is a part without a
	 * Content-Disposition, so the whole body is refused. */
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\n"
	    "PNGDATA\r\n--XyZ\r\nMORE\r\n\r\nPNGDATA\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\n"
	    "PNGDATA\r\n--XyZ\r\nMOREPNGDATA\r\n--XyZ--", &f), MP_NO_END);
}

Test(multipart, similar_boundary_is_content)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
	    "x\r\n--XyY\r\n-XyZ\r\n--xyz\r\n\r\n--XyZ--", &f), MP_OK);
	cr_assert_eq(f.parts[0].len, strlen("x\r\n--XyY\r\n-XyZ\r\n--xyz\r\n"));
}

/* ---- malformed bodies ---- */

Test(multipart, missing_closing_boundary)
{
	struct mp_form f;

	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", &f), MP_NO_END);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n", &f), MP_NO_END);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--XyZ", &f), MP_NO_END);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--XyZ-", &f), MP_NO_END);
	cr_assert_eq(parse(CT,
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--XyZ\r\n", &f), MP_NO_END);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n", &f), MP_NO_END);
	cr_assert_eq(parse(CT, "--XyZ", &f), MP_NO_END);
}

Test(multipart, no_start)
{
	struct mp_form f;

	cr_assert_eq(parse(CT, "", &f), MP_NO_START);
	cr_assert_eq(parse(CT, "--XY", &f), MP_NO_START);
	cr_assert_eq(parse(CT, "preamble\r\n--XyZ\r\n", &f), MP_NO_START);
	cr_assert_eq(parse(CT, "--Other\r\n", &f), MP_NO_START);
}

Test(multipart, too_big)
{
	struct mp_form f;
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n0123456789\r\n--XyZ--";

	cr_assert_eq(mp_parse(&a, CT, body, sizeof body - 1, sizeof body - 2, &f), MP_TOO_BIG);
	cr_assert_eq(mp_parse(&a, CT, body, sizeof body - 1, sizeof body - 1, &f), MP_OK);
}

static char *many_parts(size_t n, size_t *len)
{
	static const char one[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nv\r\n";
	size_t ol = sizeof one - 1, i;
	char *b = malloc(ol * n + 8);

	for (i = 0; i < n; i++)
		memcpy(b + i * ol, one, ol);
	memcpy(b + n * ol, "--XyZ--", 7);
	*len = n * ol + 7;
	return b;
}

Test(multipart, part_count_limit)
{
	struct mp_form f;
	size_t len;
	char *b = many_parts(MP_MAX_PARTS, &len);

	cr_assert_eq(parse_n(CT, b, len, &f), MP_OK);
	cr_assert_eq(f.count, MP_MAX_PARTS);
	free(b);
	b = many_parts(MP_MAX_PARTS + 1, &len);
	cr_assert_eq(parse_n(CT, b, len, &f), MP_TOO_MANY_PARTS);
	free(b);
	b = many_parts(10000, &len);
	cr_assert_eq(parse_n(CT, b, len, &f), MP_TOO_MANY_PARTS);
	free(b);
}

Test(multipart, header_block_limit)
{
	struct mp_form f;
	size_t hl = MP_MAX_HEADER + 100, n;
	char *b = malloc(hl + 200);

	n = (size_t)sprintf(b, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: ");
	memset(b + n, 'p', hl);
	n += hl;
	n += (size_t)sprintf(b + n, "\r\n\r\nv\r\n--XyZ--");
	cr_assert_eq(parse_n(CT, b, n, &f), MP_HEADER_TOO_BIG);
	/* Without a blank line at all, the limit still applies. */
	cr_assert_eq(parse_n(CT, b, n - 15, &f), MP_HEADER_TOO_BIG);
	free(b);
}

Test(multipart, header_block_just_under_limit)
{
	struct mp_form f;
	size_t n, pad;
	char *b = malloc(MP_MAX_HEADER + 200);

	n = (size_t)sprintf(b, "--XyZ\r\n");
	pad = MP_MAX_HEADER - strlen("Content-Disposition: form-data; name=\"a\"\r\nX: \r\n");
	n += (size_t)sprintf(b + n, "Content-Disposition: form-data; name=\"a\"\r\nX: ");
	memset(b + n, 'p', pad);
	n += pad;
	n += (size_t)sprintf(b + n, "\r\n\r\nv\r\n--XyZ--");
	cr_assert_eq(parse_n(CT, b, n, &f), MP_OK);
	free(b);
}

Test(multipart, malformed_headers)
{
	struct mp_form f;

	cr_assert_eq(parse(CT, "--XyZ\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition form-data; name=a\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a;\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n folded\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, " --XyZ\r\n", &f), MP_NO_START);
	cr_assert_eq(parse(CT, "--XyZ\r\n Content-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\rX: y\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"\xff\"\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type: a\r\nContent-Type: b\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
	cr_assert_eq(parse(CT, "--XyZ\r\n: empty name\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
}

Test(multipart, nul_in_names_and_headers)
{
	static const char b1[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n\r\nv\r\n--XyZ--";
	static const char b2[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\0.png\"\r\n\r\nv\r\n--XyZ--";
	struct mp_form f;

	cr_assert_eq(parse_n(CT, b1, sizeof b1 - 1, &f), MP_BAD_HEADER);
	cr_assert_eq(parse_n(CT, b2, sizeof b2 - 1, &f), MP_BAD_HEADER);
}

Test(multipart, bad_names)
{
	struct mp_form f;
	char body[400], name[MP_MAX_NAME + 2];

	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_NAME);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_NAME);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_NAME);
	memset(name, 'n', MP_MAX_NAME + 1);
	name[MP_MAX_NAME + 1] = '\0';
	snprintf(body, sizeof body, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\nv\r\n--XyZ--", name);
	cr_assert_eq(parse(CT, body, &f), MP_BAD_NAME);
	name[MP_MAX_NAME] = '\0';
	snprintf(body, sizeof body, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\nv\r\n--XyZ--", name);
	cr_assert_eq(parse(CT, body, &f), MP_OK);
}

Test(multipart, bare_lf_delimiters_not_accepted)
{
	struct mp_form f;

	cr_assert_eq(parse(CT, "--XyZ\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--", &f), MP_BAD_DELIMITER);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--", &f), MP_NO_END);
	cr_assert_eq(parse(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\n\r\n\r\nv\r\n--XyZ--", &f), MP_BAD_HEADER);
}

Test(multipart, garbage_after_boundary)
{
	struct mp_form f;

	cr_assert_eq(parse(CT, "--XyZgarbage\r\n", &f), MP_BAD_DELIMITER);
	cr_assert_eq(parse(CT, "--XyZ \t x\r\n", &f), MP_BAD_DELIMITER);
}

Test(multipart, bad_content_type_reported)
{
	struct mp_form f;

	cr_assert_eq(parse("text/plain", "--XyZ--", &f), MP_BAD_CTYPE);
	cr_assert_eq(parse(NULL, "--XyZ--", &f), MP_BAD_CTYPE);
	cr_assert_eq(parse("multipart/form-data", "--XyZ--", &f), MP_BAD_BOUNDARY);
}

Test(multipart, messages_are_swedish_and_distinct)
{
	int e;

	for (e = MP_BAD_CTYPE; e <= MP_BAD_VALUE; e++) {
		cr_assert_not_null(mp_strerror(e));
		cr_assert_neq(strcmp(mp_strerror(e), mp_strerror(MP_OK)), 0);
		if (e > MP_BAD_CTYPE)
			cr_assert_neq(strcmp(mp_strerror(e), mp_strerror(e - 1)), 0);
	}
	cr_assert(strstr(mp_strerror(MP_NO_END), "avgränsare") != NULL);
}

/* ---- request_read_multipart: the body read from the transport ---- */

struct src {
	const char *p;
	size_t left;
};

/* Hands out at most 7 bytes a call, as a transport may. */
static size_t src_read(void *io, char *buf, size_t len)
{
	struct src *s = io;
	size_t n = len < s->left ? len : s->left;

	n = n > 7 ? 7 : n;
	memcpy(buf, s->p, n);
	s->p += n;
	s->left -= n;
	return n;
}

static int read_req(const char *ct, const char *body, size_t len, size_t declared,
    size_t max, struct req *r, struct src *s)
{
	static struct config cfg;

	cfg.max_upload_bytes = max;
	*s = (struct src){ body, len };
	*r = (struct req){ .a = &a, .cfg = &cfg, .content_type = ct,
	    .content_length = declared, .io = s, .read = src_read };
	return request_read_multipart(r);
}

Test(multipart, request_fills_form_and_parts)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n"
	    "\x89PNG\r\n--XyZ--\r\n";
	struct req r;
	struct src s;

	cr_assert_eq(read_req(CT, body, sizeof body - 1, sizeof body - 1, 1000, &r, &s), 0);
	cr_assert_not_null(r.upload);
	cr_assert_eq(r.upload->count, 2);
	cr_assert_eq(r.nform, 1);
	cr_assert_str_eq(req_form(&r, "csrf"), "abc");
	cr_assert_null(req_form(&r, "file"));
	cr_assert_eq(mp_find(r.upload, "file")->len, 4);   /* the CRLF belongs to the delimiter */
}

Test(multipart, request_refusals)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--";
	static const char bad_text[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--XyZ--";
	size_t n = sizeof body - 1;
	struct req r;
	struct src s;

	cr_assert_eq(read_req("application/x-www-form-urlencoded", body, n, n, 1000, &r, &s), 415);
	cr_assert_not_null(r.error_message);
	cr_assert_eq(read_req("multipart/form-data", body, n, n, 1000, &r, &s), 400);
	cr_assert_eq(read_req(CT, body, n, n, n - 1, &r, &s), 413);
	cr_assert_str_eq(r.error_message, mp_strerror(MP_TOO_BIG));
	cr_assert_eq(read_req(CT, body, n - 5, n, 1000, &r, &s), 400, "body shorter than declared");
	cr_assert_eq(read_req(CT, body, n - 1, n - 1, 1000, &r, &s), 400);
	cr_assert_str_eq(r.error_message, mp_strerror(MP_NO_END));
	cr_assert_null(r.upload);
	cr_assert_eq(read_req(CT, bad_text, sizeof bad_text - 1, sizeof bad_text - 1, 1000, &r, &s), 400);
	cr_assert_str_eq(r.error_message, mp_strerror(MP_BAD_VALUE));
}
