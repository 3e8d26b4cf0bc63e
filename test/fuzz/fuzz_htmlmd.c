/* fuzz_htmlmd.c: libFuzzer target for the HTML sanitiser and Markdown writer (site/htmlmd.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "site/htmlmd.h"
#include "util/markdown.h"

/* Rewrites every other image, as the importer does for a site's uploads. */
static const char *rewrite(void *ctx, const char *url, bool image)
{
	(void)ctx;
	return image && strlen(url) % 2 ? "/uploads/0123456789abcdef0123456789abcdef.png" : NULL;
}

/* The written Markdown must hold no raw HTML (every '<' of the text is
 * escaped), and every link cmark renders from it must have an allowed scheme. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const char *md = htmlmd_convert(&a, (const char *)data, size, rewrite, NULL);
	char *html, *p;

	if (md == NULL)
		abort();
	html = md_to_html(md, strlen(md));
	if (html == NULL)
		abort();
	if (strstr(html, "<!-- raw HTML omitted -->") != NULL)
		abort();
	for (p = html; (p = strstr(p, " href=\"")) != NULL; ) {
		p += 7;
		if (*p != '"' && *p != '/' && *p != '#' && strncasecmp(p, "http://", 7) != 0 &&
		    strncasecmp(p, "https://", 8) != 0 && strncasecmp(p, "mailto:", 7) != 0)
			abort();
	}
	htmlmd_text(&a, (const char *)data, size);
	free(html);
	arena_reset(&a);
	return 0;
}
