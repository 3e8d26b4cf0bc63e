/* test_htmlmd.c: unit tests for the HTML sanitiser and Markdown writer. */
#include <criterion/criterion.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "site/htmlmd.h"
#include "util/abuf.h"
#include "util/markdown.h"

static struct arena A;

static void teardown(void)
{
	arena_free(&A);
}

TestSuite(htmlmd, .fini = teardown);

static const char *md(const char *html)
{
	char *s = htmlmd_convert(&A, html, strlen(html), NULL, NULL);

	cr_assert_not_null(s);
	return s;
}

static void conv(const char *html, const char *want)
{
	const char *got = md(html);

	cr_assert_str_eq(got, want, "html: %s\ngot: %s", html, got);
}

/* The visible text of an HTML document, whitespace removed (script and
 * style are not visible; img alt is not text). */
static void vis(const GumboNode *n, struct abuf *b)
{
	unsigned i;

	if (n->type == GUMBO_NODE_TEXT) {
		const char *s;

		for (s = n->v.text.text; *s; s++)
			if (!strchr(" \t\r\n\f", *s))
				abuf_add(b, s, 1);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT)
		return;
	if (n->type == GUMBO_NODE_ELEMENT) {
		GumboTag t = n->v.element.tag;

		if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD)
			return;
	}
	{
		const GumboVector *k = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
		    : &n->v.element.children;

		for (i = 0; i < k->length; i++)
			vis(k->data[i], b);
	}
}

static const char *visible(const char *html)
{
	GumboOutput *g = gumbo_parse(html);
	struct abuf b = { .a = &A };

	abuf_str(&b, "");
	vis(g->document, &b);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	return b.p;
}

/* The rendered Markdown shows the same text as the HTML did. */
static void same_text(const char *html)
{
	const char *m = md(html);
	char *out = md_to_html(m, strlen(m));
	const char *want = visible(html), *got = visible(out);

	cr_assert_str_eq(got, want, "html: %s\nmd: %s\nout: %s", html, m, out);
	free(out);
}

Test(htmlmd, paragraphs_and_breaks)
{
	conv("<p>Hej</p><p>världen</p>", "Hej\n\nvärlden");
	conv("<p>rad ett<br>rad två</p>", "rad ett\\\nrad två");
	conv("<p>  mycket \n\t luft  </p>", "mycket luft");
	conv("text utan p", "text utan p");
}

Test(htmlmd, headings_emphasis_links)
{
	conv("<h2>Rubrik <em>här</em></h2>", "## Rubrik *här*");
	conv("<p><strong>fet</strong> och <em> kursiv </em>text</p>", "**fet** och *kursiv* text");
	conv("<p><a href=\"https://ex.se/a b\">länk</a></p>", "[länk](<https://ex.se/a%20b>)");
	conv("<p><a href=\"mailto:a@b.se\">mejla</a></p>", "[mejla](<mailto:a@b.se>)");
	conv("<p><img src=\"https://ex.se/x.jpg\" alt=\"En [bild]\"></p>",
	    "![En \\[bild\\]](<https://ex.se/x.jpg>)");
}

Test(htmlmd, lists_and_quotes)
{
	conv("<ul><li>ett</li><li>två</li></ul>", "- ett\n- två");
	conv("<ol><li>ett</li><li><p>två</p><p>mer</p></li></ol>", "1. ett\n2. två\n\n   mer");
	conv("<blockquote><p>citat</p><p>igen</p></blockquote>", "> citat\n>\n> igen");
	conv("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n\n  - b");
}

Test(htmlmd, hostile_html_is_dropped)
{
	conv("<p>a<script>alert(1)</script>b</p>", "ab");
	conv("<p onclick=\"x()\">a</p><style>p{}</style><iframe src=x></iframe>", "a");
	conv("<a href=\"javascript:alert(1)\">klicka</a>", "klicka");
	conv("<a href=\" jav&#x09;ascript:alert(1)\">klicka</a>", "klicka");
	conv("<a href=\"data:text/html,x\">d</a>", "d");
	conv("<img src=\"data:image/png;base64,AAAA\" onerror=\"x()\">", "");
	conv("<img src=x onerror=alert(1)>", "");
	conv("<form><input name=a><button>Skicka</button></form>efter", "efter");
	conv("<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->", "a");
	conv("<svg><script>x</script><text>t</text></svg>ok", "ok");
	conv("<p>[caption id=\"1\"]Bildtext[/caption] [gallery ids=\"1,2\"]</p>", "Bildtext");
	conv("<p>[1] och [sic]</p>", "\\[1\\] och \\[sic\\]");
}

Test(htmlmd, markdown_syntax_in_text_is_escaped)
{
	conv("<p>*inte kursiv* och _inte_ heller</p>", "\\*inte kursiv\\* och \\_inte\\_ heller");
	conv("<p>- inte en lista</p>", "\\- inte en lista");
	conv("<p>2024. Ett år</p>", "2024\\. Ett år");
	conv("<p># inte rubrik</p>", "\\# inte rubrik");
	conv("<p>&lt;script&gt; &amp;copy; AT&amp;T</p>", "\\<script\\> \\&copy; AT\\&T");
	conv("<p>a<br>- b</p>", "a\\\n\\- b");
}

Test(htmlmd, safe_url)
{
	cr_assert_str_eq(htmlmd_safe_url(&A, "https://a.se/x", false), "https://a.se/x");
	cr_assert_str_eq(htmlmd_safe_url(&A, " HTTP://a.se/\nx ", false), "HTTP://a.se/x");
	cr_assert_str_eq(htmlmd_safe_url(&A, "//a.se/x", true), "https://a.se/x");
	cr_assert_str_eq(htmlmd_safe_url(&A, "/nyheter", true), "/nyheter");
	cr_assert_null(htmlmd_safe_url(&A, "#top", true));
	cr_assert_null(htmlmd_safe_url(&A, "mailto:a@b.se", true));
	cr_assert_null(htmlmd_safe_url(&A, "JaVaScRiPt:x", false));
	cr_assert_null(htmlmd_safe_url(&A, "vbscript:x", false));
	cr_assert_null(htmlmd_safe_url(&A, "relativ/sida", false));
	cr_assert_null(htmlmd_safe_url(&A, "http:", false));
}

static const char *up(void *ctx, const char *url, bool image)
{
	(void)ctx;
	return image && strstr(url, "/wp-content/") ? "/uploads/abc.jpg" : NULL;
}

Test(htmlmd, rewrite_callback)
{
	const char *h = "<p><img src=\"https://old.se/wp-content/a-300x200.jpg\" alt=\"x\">"
	    "<a href=\"https://elsewhere.se/\">e</a></p>";
	char *s = htmlmd_convert(&A, h, strlen(h), up, NULL);

	cr_assert_str_eq(s, "![x](</uploads/abc.jpg>)[e](<https://elsewhere.se/>)");
}

Test(htmlmd, rendered_text_equals_source_text)
{
	static const char *const cases[] = {
		"<p>Webbinarium om EU&#8211;valet &amp; folkhälsa</p>",
		"<h3>Program</h3><ol><li>Välkommen</li><li><strong>Föredrag:</strong> hälsa</li></ol>",
		"<figure class=\"wp-block-image\"><img src=\"https://a.se/b.jpg\" alt=\"b\">"
		"<figcaption>Foto: Anna</figcaption></figure><p>efter</p>",
		"<blockquote class=\"wp-block-quote\"><p>Citat <em>med</em> stil</p><cite>Någon</cite></blockquote>",
		"<p>1+1=2, 3*4 = 12, a_b_c, [x](y), `kod`, <code>kod</code> ~tilde~ | rör</p>",
		"<table><tr><td>cell 1</td><td>cell 2</td></tr></table>",
		"<div><span>inne</span> i <b><i>div</i></b></div><p>***</p><p>---</p><p>===</p>",
		"<p><em>a</em><em>b</em> <strong>c<strong>d</strong></strong>.</p>",
		"<ul><li>a</li></ul><ul><li>b</li></ul><p>10) tio</p>",
		"<p>rad<br><br>  <br>rad</p><p>&nbsp;</p><p>&copy 2024 &hellip;</p>",
		"<a href=\"https://a.se\"><div>block i länk</div></a>",
		"<p>a&amp;b &amp;amp; &amp;#33; \\ backslash\\</p>",
		NULL,
	};
	size_t i;

	for (i = 0; cases[i]; i++)
		same_text(cases[i]);
}

Test(htmlmd, deep_nesting_and_size_limit)
{
	size_t n = 5000, i;
	char *h = malloc(n * 5 + 1);

	for (i = 0; i < n; i++)
		memcpy(h + i * 5, "<div>", 5);
	h[n * 5] = '\0';
	cr_assert_not_null(md(h));
	free(h);
	cr_assert_null(htmlmd_convert(&A, "", HTMLMD_MAX_INPUT + 1, NULL, NULL));
}

static void count_link(void *ctx, const char *url)
{
	(void)url;
	(*(int *)ctx)++;
}

Test(htmlmd, links)
{
	const char *h = "<a href=\"https://a.se\">a</a><a href=\"/x\">b</a><p><a href=\"HTTP://b.se\">c</a></p>";
	int n = 0;

	cr_assert_eq(htmlmd_links(h, strlen(h), count_link, &n), 0);
	cr_assert_eq(n, 2);
}

Test(htmlmd, text)
{
	const char *t1 = "Webbinarium &#8211; EU &amp; val", *t2 = " <em>a</em>b<script>x</script><p>c</p> ";

	cr_assert_str_eq(htmlmd_text(&A, t1, strlen(t1)), "Webbinarium – EU & val");
	cr_assert_str_eq(htmlmd_text(&A, t2, strlen(t2)), "ab c");
}
