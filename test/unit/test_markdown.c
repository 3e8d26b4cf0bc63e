/* test_markdown.c: unit tests for safe Markdown rendering and plain-text excerpts. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/markdown.h"

static char *html(const char *md)
{
	char *s = md_to_html(md, strlen(md));

	cr_assert_not_null(s);
	return s;
}

static void excerpt(const char *md, size_t max, const char *want)
{
	char *s = md_excerpt(md, strlen(md), max);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, want, "excerpt(%zu) of \"%s\"", max, md);
	cr_assert_leq(strlen(s), max < 3 ? 3 : max);
	free(s);
}

static void text(const char *md, const char *want)
{
	char *s = md_to_text(md, strlen(md));

	cr_assert_not_null(s);
	cr_assert_str_eq(s, want);
	free(s);
}

Test(markdown, basic_html)
{
	char *s = html("# Rubrik\n\nEtt *stycke* med **fet** text.\n");

	cr_assert_str_eq(s, "<h1>Rubrik</h1>\n<p>Ett <em>stycke</em> med <strong>fet</strong> text.</p>\n");
	free(s);
}

Test(markdown, raw_html_is_omitted)
{
	char *s = html("Hej <script>alert(1)</script> där\n\n<script>alert(1)</script>\n\n"
	    "<img src=x onerror=alert(1)>\n");

	cr_assert_null(strstr(s, "<script"));
	cr_assert_null(strstr(s, "<img"));
	cr_assert_null(strstr(s, "onerror"));
	cr_assert_not_null(strstr(s, "raw HTML omitted"));
	free(s);
}

Test(markdown, dangerous_links_are_emptied)
{
	char *s = html("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:x) "
	    "[d](data:text/html,<b>) ![i](javascript:alert(1)) <javascript:alert(1)>\n");

	cr_assert_null(strcasestr(s, "=\"javascript:"), "%s", s);
	cr_assert_null(strcasestr(s, "=\"vbscript:"), "%s", s);
	cr_assert_null(strstr(s, "data:text/html"), "%s", s);
	cr_assert_not_null(strstr(s, "<a href=\"\">x</a>"), "%s", s);
	free(s);
}

Test(markdown, safe_links_kept_and_text_escaped)
{
	char *s = html("[hcs](https://healthycities.se/?a=1&b=\"2\") 1 < 2 & \"x\"\n");

	cr_assert_not_null(strstr(s, "href=\"https://healthycities.se/?a=1&amp;b=%222%22\""), "%s", s);
	cr_assert_not_null(strstr(s, "1 &lt; 2 &amp; &quot;x&quot;"), "%s", s);
	free(s);
}

Test(markdown, invalid_utf8_replaced)
{
	char *s = html("a\xC0\xAF" "b\n");

	cr_assert_not_null(strstr(s, "\xEF\xBF\xBD"), "%s", s);
	free(s);
}

Test(markdown, excerpt_first_paragraph_plain)
{
	excerpt("# Rubrik\n\nFörsta *stycket* med `kod` och [länk](https://x.se).\n\nAndra.\n",
	    200, "Första stycket med kod och länk.");
	excerpt("Rad ett\nrad två  \nrad tre\n", 200, "Rad ett rad två rad tre");
	excerpt("Text <b>fet</b> slut\n", 200, "Text fet slut");
}

Test(markdown, excerpt_without_paragraph_is_empty)
{
	excerpt("", 100, "");
	excerpt("# Bara rubrik\n\n---\n", 100, "");
	excerpt("```\nkod\n```\n", 100, "");
}

Test(markdown, excerpt_cut_at_word)
{
	/* "Kommunerna samarbetar" is 21 bytes; with the 3-byte ellipsis 24 <= 26 */
	excerpt("Kommunerna samarbetar för hälsa.\n", 26, "Kommunerna samarbetar\xE2\x80\xA6");
	excerpt("Kommunerna samarbetar för hälsa.\n", 100, "Kommunerna samarbetar för hälsa.");
	/* the text is 34 bytes (ö and ä take two) */
	excerpt("Kommunerna samarbetar för hälsa.\n", 34, "Kommunerna samarbetar för hälsa.");
	excerpt("Kommunerna samarbetar för hälsa.\n", 33, "Kommunerna samarbetar för\xE2\x80\xA6");
	excerpt("Kommunerna samarbetar för hälsa.\n", 29, "Kommunerna samarbetar för\xE2\x80\xA6");
	excerpt("Kommunerna samarbetar för hälsa.\n", 28, "Kommunerna samarbetar\xE2\x80\xA6");
}

Test(markdown, excerpt_long_word_not_split_inside_character)
{
	/* "ÅÅÅÅÅÅ" is 12 bytes; budget 8 - 3 = 5 bytes -> two whole Å */
	excerpt("ÅÅÅÅÅÅ\n", 8, "ÅÅ\xE2\x80\xA6");
	excerpt("ÅÅÅÅÅÅ\n", 9, "ÅÅÅ\xE2\x80\xA6");
}

Test(markdown, excerpt_drops_script)
{
	char *s;
	const char *md = "<script>alert(1)</script>\n\nHej <script>alert(1)</script>\n";

	s = md_excerpt(md, strlen(md), 200);
	cr_assert_null(strstr(s, "<script>"));
	free(s);
	s = md_to_text(md, strlen(md));
	cr_assert_null(strstr(s, "<script>"));
	free(s);
}

Test(markdown, text_blocks_lists_links)
{
	text("# Program\n\nVälkomna till *konferensen*.\nSe [sidan](https://hcs.se/x).\n\n"
	    "- Första punkten\n- Andra med `kod`\n\n1. Ett\n2. Två\n\n```\nrad 1\nrad 2\n```\n",
	    "Program\n\nVälkomna till konferensen.\nSe sidan (https://hcs.se/x).\n\n"
	    "- Första punkten\n\n- Andra med kod\n\n- Ett\n\n- Två\n\nrad 1\nrad 2");
}

Test(markdown, text_link_details)
{
	text("<https://hcs.se> <info@hcs.se> [x](javascript:alert(1)) [tom]()\n",
	    "https://hcs.se info@hcs.se x tom");
	text("", "");
	text("Rad ett  \nrad två\n", "Rad ett\nrad två");
}

Test(markdown, one_enter_is_a_line_break)
{
	char *s = html("Healthy Cities Sverige\nBox 123\n\nNytt stycke\n");

	cr_assert_str_eq(s, "<p>Healthy Cities Sverige<br />\nBox 123</p>\n<p>Nytt stycke</p>\n");
	free(s);
}

Test(markdown, bare_urls_and_addresses_become_links)
{
	char *s = html("Läs mer på https://www.healthycities.se/om och www.who.int, "
	    "skriv till info@healthycities.se.\n");

	cr_assert_not_null(strstr(s, "<a href=\"https://www.healthycities.se/om\">https://www.healthycities.se/om</a>"), "%s", s);
	cr_assert_not_null(strstr(s, "<a href=\"http://www.who.int\">www.who.int</a>"), "%s", s);
	cr_assert_not_null(strstr(s, "<a href=\"mailto:info@healthycities.se\">info@healthycities.se</a>"), "%s", s);
	free(s);
}

Test(markdown, tables_and_strikethrough)
{
	char *s = html("| Kommun | Invånare |\n|---|--:|\n| Malmö | 357 377 |\n\n~~inställt~~ flyttat\n");

	cr_assert_not_null(strstr(s, "<table>"), "%s", s);
	cr_assert_not_null(strstr(s, "<th>Kommun</th>"), "%s", s);
	cr_assert_not_null(strstr(s, "<td align=\"right\">357 377</td>"), "%s", s);
	cr_assert_not_null(strstr(s, "<del>inställt</del> flyttat"), "%s", s);
	free(s);
	text("| Kommun | Invånare |\n|---|---|\n| Malmö | 357 377 |\n| Umeå | 130 000 |\n",
	    "Kommun | Invånare\nMalmö | 357 377\nUmeå | 130 000");
}

Test(markdown, extensions_stay_safe)
{
	char *s = html("<script>alert(1)</script>\n\n| a |\n|---|\n| <img src=x onerror=alert(1)> |\n\n"
	    "javascript:alert(1) www.x.se/<script>\n\n[a](javascript:alert(1))\n");

	cr_assert_null(strstr(s, "<script"), "%s", s);
	cr_assert_null(strstr(s, "<img"), "%s", s);
	cr_assert_null(strstr(s, "onerror="), "%s", s);
	cr_assert_null(strcasestr(s, "href=\"javascript:"), "%s", s);
	free(s);
}
