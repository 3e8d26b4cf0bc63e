/* markdown.c: Markdown to safe HTML with cmark-gfm, and plain text from its syntax tree. */
#include "util/markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One Enter is a line break; never CMARK_OPT_UNSAFE (safe mode drops raw HTML
 * and empties javascript: and data: links). */
#define MD_OPTS (CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_HARDBREAKS)

/* The GitHub extensions every text is parsed with. */
static const char *const extensions[] = { "table", "autolink", "strikethrough", "tagfilter" };
static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/* Parses md with the extensions into a document; *parser is kept for the
 * renderer (free both: cmark_node_free, cmark_parser_free). NULL when memory
 * ran out. */
static cmark_node *parse(const char *md, size_t len, cmark_parser **parser)
{
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	pthread_once(&registered, register_extensions);
	if ((p = cmark_parser_new(MD_OPTS)) == NULL)
		return NULL;
	for (i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(extensions[i]);

		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, md, len);
	doc = cmark_parser_finish(p);
	*parser = p;
	return doc;
}
#define ELLIPSIS "\xE2\x80\xA6"

/* A growable NUL-terminated string; oom is set once memory ran out. */
struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (b->len + n + 1 > cap)
			cap *= 2;
		p = realloc(b->p, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Returns the string (caller frees), or NULL when memory ran out. */
static char *sb_finish(struct sbuf *b)
{
	sb_add(b, "", 0);
	if (b->oom) {
		free(b->p);
		return NULL;
	}
	return b->p;
}

char *md_to_html(const char *md, size_t len)
{
	cmark_parser *p = NULL;
	cmark_node *doc = parse(md, len, &p);
	char *html = NULL;

	if (doc != NULL)
		html = cmark_render_html(doc, MD_OPTS, cmark_parser_get_syntax_extensions(p));
	cmark_node_free(doc);
	cmark_parser_free(p);
	return html;
}

/* Appends the inline text of one node event, for the excerpt. */
static void excerpt_event(struct sbuf *b, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		sb_str(b, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		sb_str(b, " ");
		break;
	default:
		break;
	}
}

/* Cuts b to at most max bytes at a word boundary, adding the ellipsis. */
static void cut_words(struct sbuf *b, size_t max)
{
	size_t budget, i;

	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
	if (b->len <= max || b->oom) {
		sb_add(b, "", 0);
		return;
	}
	budget = max > 3 ? max - 3 : 0;
	for (i = budget; i > 0 && b->p[i] != ' '; i--)
		;
	if (i == 0)  /* one long word: cut it, but not inside a character */
		for (i = budget; i > 0 && ((unsigned char)b->p[i] & 0xC0) == 0x80; i--)
			;
	while (i > 0 && b->p[i - 1] == ' ')
		i--;
	b->len = i;
	b->p[i] = '\0';
	if (max >= 3)
		sb_str(b, ELLIPSIS);
}

char *md_excerpt(const char *md, size_t len, size_t max)
{
	cmark_parser *p = NULL;
	cmark_node *doc = parse(md, len, &p), *para = NULL, *node;
	cmark_iter *it;
	cmark_event_type ev;
	struct sbuf b = { 0 };

	if (doc == NULL) {
		cmark_parser_free(p);
		return NULL;
	}
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (para == NULL && ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH)
			para = node;
		else if (para != NULL && node == para)
			break;
		else if (para != NULL && ev == CMARK_EVENT_ENTER)
			excerpt_event(&b, node);
	}
	cut_words(&b, max);
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return sb_finish(&b);
}

/* True when a link target should not be shown (the schemes cmark empties). */
static bool url_unsafe(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:", "file:", "data:" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return true;
	return false;
}

/* Starts a block: a blank line after earlier text, "- " for a list item. */
static void text_block(struct sbuf *b, cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);

	if (b->len > 0)
		sb_str(b, "\n\n");
	if (cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
	    cmark_node_first_child(parent) == node)
		sb_str(b, "- ");
}

/* Appends " (url)" after a link's text unless the text already is the url. */
static void text_link_end(struct sbuf *b, cmark_node *node, size_t start)
{
	const char *url = cmark_node_get_url(node);
	const char *text = b->p ? b->p + start : "";

	if (url == NULL || url[0] == '\0' || url_unsafe(url) || strcmp(text, url) == 0 ||
	    (strncmp(url, "mailto:", 7) == 0 && strcmp(text, url + 7) == 0))
		return;
	sb_str(b, " (");
	sb_str(b, url);
	sb_str(b, ")");
}

/* A table in plain text: a row a line, cells apart with " | ". Returns true
 * when node was a table row or cell (its text follows as usual). */
static bool text_table_event(struct sbuf *b, cmark_node *node)
{
	const char *t = cmark_node_get_type_string(node);

	if (strcmp(t, "table_row") == 0) {
		if (b->len > 0)
			sb_str(b, cmark_node_previous(node) ? "\n" : "\n\n");
		return true;
	}
	if (strcmp(t, "table_cell") == 0) {
		if (cmark_node_previous(node))
			sb_str(b, " | ");
		return true;
	}
	return false;
}

/* Appends the plain text of one node event; *link holds where link text starts. */
static void text_event(struct sbuf *b, cmark_node *node, cmark_event_type ev, size_t *link)
{
	cmark_node_type type = cmark_node_get_type(node);
	const char *lit;
	size_t n;

	if (ev == CMARK_EVENT_EXIT) {
		if (type == CMARK_NODE_LINK)
			text_link_end(b, node, *link);
		return;
	}
	if (text_table_event(b, node))
		return;
	switch (type) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		text_block(b, node);
		break;
	case CMARK_NODE_CODE_BLOCK:
		text_block(b, node);
		lit = cmark_node_get_literal(node);
		for (n = strlen(lit); n > 0 && lit[n - 1] == '\n'; n--)
			;
		sb_add(b, lit, n);
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		sb_str(b, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		sb_str(b, "\n");
		break;
	case CMARK_NODE_LINK:
		*link = b->len;
		break;
	default:
		break;
	}
}

char *md_to_text(const char *md, size_t len)
{
	cmark_parser *p = NULL;
	cmark_node *doc = parse(md, len, &p);
	cmark_iter *it;
	cmark_event_type ev;
	struct sbuf b = { 0 };
	size_t link = 0;

	if (doc == NULL) {
		cmark_parser_free(p);
		return NULL;
	}
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		text_event(&b, cmark_iter_get_node(it), ev, &link);
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return sb_finish(&b);
}
