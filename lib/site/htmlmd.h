/* htmlmd.h: untrusted HTML (a WordPress post body) to safe Markdown, through gumbo and an allowlist. */
#ifndef HC_SITE_HTMLMD_H
#define HC_SITE_HTMLMD_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

#define HTMLMD_MAX_INPUT (4u << 20)  /* bytes of HTML accepted */
#define HTMLMD_MAX_DEPTH 200         /* deeper elements are dropped with their content */

/* Called for every kept link (image false) and image (image true) with its
 * checked URL; returns the URL to write instead (in the arena), or NULL to
 * keep it. */
typedef const char *(*htmlmd_rewrite_fn)(void *ctx, const char *url, bool image);

/* Turns html into CommonMark that cmark renders to the same visible text.
 * Kept: paragraphs, line breaks, headings, emphasis, lists, links (http,
 * https, mailto, a path or a fragment), images (http, https or a path) with
 * their alt text, blockquotes, figures with captions; other wrappers (div,
 * span, table ...) give up their tags and keep their text. Dropped with their
 * content: script, style, iframe, forms and their controls, objects, SVG,
 * comments (WordPress block comments); dropped attributes: all but href, src
 * and alt. WordPress shortcodes ([caption], [gallery] ...) are removed from
 * the text. Returns the Markdown in a (never NULL; "" for nothing), or NULL
 * when html is over HTMLMD_MAX_INPUT. rewrite may be NULL. */
char *htmlmd_convert(struct arena *a, const char *html, size_t len,
    htmlmd_rewrite_fn rewrite, void *ctx);

/* The URL of a link or image as a browser reads it (whitespace and control
 * characters removed), or NULL when its scheme is not allowed: links take
 * http, https, mailto, "/path", "#frag"; images http, https, "/path".
 * "//host/x" becomes "https://host/x". In a. */
const char *htmlmd_safe_url(struct arena *a, const char *url, bool image);

/* The visible text of html (a title, an excerpt): entities decoded, tags
 * and dropped elements gone, whitespace runs as one space, trimmed. In a;
 * NULL when html is over HTMLMD_MAX_INPUT. */
char *htmlmd_text(struct arena *a, const char *html, size_t len);

/* Calls fn for the href of every <a> in html that is an absolute http(s)
 * URL, in document order. Returns 0, or -1 when html is too large. */
int htmlmd_links(const char *html, size_t len, void (*fn)(void *ctx, const char *url),
    void *ctx);

#endif
