/* test_utf8.c: unit tests for strict UTF-8 validation. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/utf8.h"
#include "util/log.h"

#define V(s) utf8_valid((s), sizeof(s) - 1)
#define TEXT(s, nl) utf8_text_ok((s), sizeof(s) - 1, (nl))

Test(utf8, accepts_well_formed)
{
	cr_assert(V(""));
	cr_assert(V("Healthy Cities"));
	cr_assert(V("Årskonferens i Örebro – välkommen!"));
	cr_assert(V("\xC2\x80"));              /* U+0080, smallest 2-byte */
	cr_assert(V("\xDF\xBF"));              /* U+07FF */
	cr_assert(V("\xE0\xA0\x80"));          /* U+0800, smallest 3-byte */
	cr_assert(V("\xED\x9F\xBF"));          /* U+D7FF, just below surrogates */
	cr_assert(V("\xEE\x80\x80"));          /* U+E000, just above */
	cr_assert(V("\xEF\xBF\xBD"));          /* U+FFFD */
	cr_assert(V("\xF0\x9F\x98\x80"));      /* emoji */
	cr_assert(V("\xF4\x8F\xBF\xBF"));      /* U+10FFFF */
}

Test(utf8, rejects_overlong)
{
	cr_assert_not(V("\xC0\xAF"));
	cr_assert_not(V("\xC1\xBF"));
	cr_assert_not(V("\xC0\x80"));          /* overlong NUL */
	cr_assert_not(V("\xE0\x80\xAF"));
	cr_assert_not(V("\xE0\x9F\xBF"));
	cr_assert_not(V("\xF0\x80\x80\xAF"));
	cr_assert_not(V("\xF0\x8F\xBF\xBF"));
}

Test(utf8, rejects_surrogates_and_too_big)
{
	cr_assert_not(V("\xED\xA0\x80"));      /* U+D800 */
	cr_assert_not(V("\xED\xAF\xBF"));
	cr_assert_not(V("\xED\xBF\xBF"));      /* U+DFFF */
	cr_assert_not(V("\xF4\x90\x80\x80"));  /* U+110000 */
	cr_assert_not(V("\xF5\x80\x80\x80"));
	cr_assert_not(V("\xFF"));
	cr_assert_not(V("\xFE"));
}

Test(utf8, rejects_truncated_and_stray)
{
	cr_assert_not(V("\xC3"));
	cr_assert_not(V("abc\xE2\x80"));
	cr_assert_not(V("\xF0\x9F\x98"));
	cr_assert_not(V("\x80"));
	cr_assert_not(V("a\xBF" "b"));
	cr_assert_not(V("\xC3" "a"));          /* lead byte followed by ASCII */
	cr_assert_not(V("\xE2\x28\xA1"));
	/* the length is honoured: a valid character cut by n is truncated */
	cr_assert_not(utf8_valid("\xC3\xA5", 1));
	cr_assert(utf8_valid("\xC3\xA5", 2));
}

Test(utf8, rejects_nul)
{
	cr_assert_not(utf8_valid("a\0b", 3));
	cr_assert_not(utf8_valid("\0", 1));
}

Test(utf8, text_controls)
{
	cr_assert(TEXT("rad ett\ttabb", false));
	cr_assert_not(TEXT("rad ett\nrad två", false));
	cr_assert(TEXT("rad ett\nrad två", true));
	cr_assert(TEXT("rad ett\r\nrad två", true));
	cr_assert_not(TEXT("a\rb", false));
	cr_assert_not(TEXT("bell\x07", true));
	cr_assert_not(TEXT("esc\x1B[31m", true));
	cr_assert_not(TEXT("del\x7F", true));
	cr_assert_not(TEXT("c1 \xC2\x80", true));      /* U+0080 */
	cr_assert_not(TEXT("c1 \xC2\x9F", true));      /* U+009F */
	cr_assert(TEXT("nbsp \xC2\xA0 ok", false));    /* U+00A0 is not a control */
	cr_assert_not(TEXT("\xC0\xAF", true));         /* invalid UTF-8 fails too */
	cr_assert_not(utf8_text_ok("a\0b", 3, true));
	cr_assert(TEXT("", false));
}

Test(log, escape_controls_and_bidi)
{
	char out[256];

	log_escape("GET /a\r\nfake line\x1b[31m\x7f", out, sizeof out);
	cr_assert_str_eq(out, "GET /a\\x0D\\x0Afake line\\x1B[31m\\x7F");
	log_escape("admin\xe2\x80\xae" "txt.exe \xd8\x9c|\xe2\x81\xa6|\xef\xbb\xbf|\xe2\x80\x8b", out, sizeof out);
	cr_assert_str_eq(out, "admin\\u{202E}txt.exe \\u{061C}|\\u{2066}|\\u{FEFF}|\\u{200B}");
	log_escape("åäö – “ok”", out, sizeof out);
	cr_assert_str_eq(out, "åäö – “ok”");
	cr_assert_lt(log_escape("\x01\x01\x01\x01\x01\x01", out, 16), 16);
}
