/* test_media.c: unit tests for the media library's rules: types, signatures, names, Markdown, libmagic. */
#include <criterion/criterion.h>
#include <string.h>

#include "site/mediafile.h"
#include "site/mediarules.h"

static struct arena a;

static void teardown(void)
{
	arena_free(&a);
}

TestSuite(media, .fini = teardown);

static const char png_bytes[] =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde"
    "\0\0\0\x0cIDATx\x9c" "c\xf8\xcf\xc0\0\0\x03\x01\x01\0\xc9\xfe\x92\xef"
    "\0\0\0\0IEND\xae\x42\x60\x82";
static const char gif_bytes[] =
    "GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,"
    "\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0;";

Test(media, allowed_types_and_extensions)
{
	cr_assert_str_eq(media_ext("image/jpeg"), "jpg");
	cr_assert_str_eq(media_ext("image/png"), "png");
	cr_assert_str_eq(media_ext("image/webp"), "webp");
	cr_assert_str_eq(media_ext("image/gif"), "gif");
	cr_assert_str_eq(media_ext("application/pdf"), "pdf");
	cr_assert_null(media_ext("image/svg+xml"));
	cr_assert_null(media_ext("text/html"));
	cr_assert_null(media_ext("image/png; charset=binary"));
	cr_assert_null(media_ext(""));
	cr_assert_null(media_ext(NULL));
	cr_assert(media_is_image("image/png"));
	cr_assert_not(media_is_image("application/pdf"));
	cr_assert_not(media_is_image("image/svg+xml"));
}

Test(media, signatures)
{
	cr_assert(media_signature_ok("image/png", png_bytes, sizeof png_bytes - 1));
	cr_assert(media_signature_ok("image/gif", gif_bytes, sizeof gif_bytes - 1));
	cr_assert(media_signature_ok("image/jpeg", "\xff\xd8\xff\xe0", 4));
	cr_assert(media_signature_ok("image/webp", "RIFF\x10\0\0\0WEBPVP8 ", 16));
	cr_assert(media_signature_ok("application/pdf", "%PDF-1.4\n", 9));
	cr_assert_not(media_signature_ok("image/png", "\x89PNG", 4));
	cr_assert_not(media_signature_ok("image/webp", "RIFF\x10\0\0\0WAVEfmt ", 16));
	cr_assert_not(media_signature_ok("image/gif", "GIF88a", 6));
	cr_assert_not(media_signature_ok("image/jpeg", png_bytes, sizeof png_bytes - 1));
	cr_assert_not(media_signature_ok("text/html", "<html>", 6));
	cr_assert_not(media_signature_ok("application/pdf", "", 0));
}

Test(media, names)
{
	char longname[402];

	cr_assert_null(media_name_problem("Karta över Malmö.png"));
	cr_assert_null(media_name_problem("..bild..png"));
	cr_assert_not_null(media_name_problem(""));
	cr_assert_not_null(media_name_problem("../../x.png"));
	cr_assert_not_null(media_name_problem("C:\\Users\\x.png"));
	cr_assert_not_null(media_name_problem("/etc/passwd"));
	cr_assert_not_null(media_name_problem("a\nb.png"));
	cr_assert_not_null(media_name_problem("a\x7f" "b.png"));
	cr_assert_not_null(media_name_problem("\xc3\x28.png"));
	memset(longname, 'a', 200);
	longname[200] = '\0';
	cr_assert_null(media_name_problem(longname));
	longname[200] = 'a';
	longname[201] = '\0';
	cr_assert_not_null(media_name_problem(longname));
	/* 200 characters of two bytes each are fine. */
	for (int i = 0; i < 200; i++)
		memcpy(longname + 2 * i, "\xc3\xa5", 2);
	longname[400] = '\0';
	cr_assert_null(media_name_problem(longname));
}

Test(media, markdown)
{
	struct media img = { .file_name = "ab.png", .mime_type = "image/png",
	    .alt_text = "Torget [vinter] \\ kväll", .title = "", .original_name = "t.png" };
	struct media doc = { .file_name = "cd.pdf", .mime_type = "application/pdf",
	    .alt_text = "", .title = "", .original_name = "Program.pdf" };

	cr_assert_str_eq(media_markdown(&a, &img), "![Torget \\[vinter\\] \\\\ kväll](/uploads/ab.png)");
	cr_assert_str_eq(media_markdown(&a, &doc), "[Program.pdf](/uploads/cd.pdf)");
	doc.title = "Programmet";
	cr_assert_str_eq(media_markdown(&a, &doc), "[Programmet](/uploads/cd.pdf)");
}

Test(media, sizes)
{
	char buf[32];

	media_size_text(0, buf, sizeof buf);
	cr_assert_str_eq(buf, "0 byte");
	media_size_text(999, buf, sizeof buf);
	cr_assert_str_eq(buf, "999 byte");
	media_size_text(12345, buf, sizeof buf);
	cr_assert_str_eq(buf, "12 kB");
	media_size_text(3400000, buf, sizeof buf);
	cr_assert_str_eq(buf, "3,4 MB");
}

Test(media, libmagic_decides_from_content)
{
	char t[128];

	media_detect(png_bytes, sizeof png_bytes - 1, t, sizeof t);
	cr_assert_str_eq(t, "image/png");
	media_detect(gif_bytes, sizeof gif_bytes - 1, t, sizeof t);
	cr_assert_str_eq(t, "image/gif");
	media_detect("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", 36, t, sizeof t);
	cr_assert_str_eq(t, "application/pdf");
	media_detect("<!DOCTYPE html>\n<html><script>alert(1)</script></html>\n", 55, t, sizeof t);
	cr_assert_str_eq(t, "text/html");
	media_detect("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
	    "<script>alert(1)</script></svg>\n", 95, t, sizeof t);
	cr_assert_null(media_ext(t), "svg detected as %s", t);
}
