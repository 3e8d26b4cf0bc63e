/* markdown.h: Markdown to safe HTML (cmark, safe mode) and plain-text excerpts. */
#ifndef HC_UTIL_MARKDOWN_H
#define HC_UTIL_MARKDOWN_H

#include <stddef.h>

/* Renders Markdown to HTML with cmark's safe defaults (raw HTML omitted,
 * javascript:/vbscript:/file:/data: links emptied). Returns a malloc'd string
 * (caller frees), or NULL when memory runs out. */
char *md_to_html(const char *md, size_t len);
/* Returns the plain text of the first paragraph of md (inline markup dropped,
 * soft breaks as spaces), cut at a word boundary to at most max bytes with "…"
 * added when cut, never splitting a UTF-8 character. malloc'd; caller frees.
 * Empty string when there is no paragraph. */
char *md_excerpt(const char *md, size_t len, size_t max);
/* Returns the whole text of md as plain text (paragraphs separated by a blank
 * line), for calendar descriptions and e-mail. malloc'd; caller frees. */
char *md_to_text(const char *md, size_t len);

#endif
