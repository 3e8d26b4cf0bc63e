/* markdown.h: Markdown as people type it to safe HTML (cmark-gfm, safe mode) and plain text. */
#ifndef HC_UTIL_MARKDOWN_H
#define HC_UTIL_MARKDOWN_H

#include <stddef.h>

/* Renders Markdown to HTML with cmark-gfm's safe defaults (raw HTML omitted,
 * javascript:/vbscript:/file:/data: links emptied) and the GitHub extensions
 * table, autolink (bare URLs and e-mail addresses), strikethrough (~~x~~) and
 * tagfilter; one Enter is a line break (<br />). Returns a malloc'd string
 * (caller frees), or NULL when memory runs out. */
char *md_to_html(const char *md, size_t len);
/* Returns the plain text of the first paragraph of md (inline markup dropped,
 * soft breaks as spaces), cut at a word boundary to at most max bytes with "…"
 * added when cut, never splitting a UTF-8 character. malloc'd; caller frees.
 * Empty string when there is no paragraph. */
char *md_excerpt(const char *md, size_t len, size_t max);
/* Returns the whole text of md as plain text (paragraphs separated by a blank
 * line, one Enter kept as a newline, table rows a line each with cells apart
 * by " | "), for calendar descriptions and e-mail. malloc'd; caller frees. */
char *md_to_text(const char *md, size_t len);

/* The version of the rendering above: stored HTML made by an older version is
 * made again by `hcadmin migrate` (store/migrate.c). Raise it when the output
 * changes. */
#define MD_RENDER_VERSION 2

#endif
