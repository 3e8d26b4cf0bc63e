/* htmlmd.c: untrusted HTML to safe Markdown: gumbo parses, an allowlist walks, text is escaped. */
#include "site/htmlmd.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/abuf.h"

#define BR_MARK '\x01'      /* a line break inside an inline run, until the run is written */

struct conv {
	struct arena *a;
	htmlmd_rewrite_fn rewrite;
	void *ctx;
};

/* Inline state: inside a link, emphasis or strong text already. */
enum { IN_LINK = 1, IN_EM = 2, IN_STRONG = 4 };

static void blocks(struct conv *c, const GumboNode *n, struct abuf *out, int depth);

/* Elements dropped with everything in them. */
static bool dropped(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_FORM: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_OPTION:
	case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_VIDEO: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_FRAMESET:
	case GUMBO_TAG_FRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
	case GUMBO_TAG_BASE: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
	case GUMBO_TAG_TRACK: case GUMBO_TAG_DATALIST: case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
	case GUMBO_TAG_HR: case GUMBO_TAG_UNKNOWN:
		return true;
	default:
		return false;
	}
}

/* Elements that flow within a line; everything else starts a block. */
static bool inline_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_A: case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_STRONG:
	case GUMBO_TAG_B: case GUMBO_TAG_SPAN: case GUMBO_TAG_IMG: case GUMBO_TAG_BR:
	case GUMBO_TAG_CODE: case GUMBO_TAG_SMALL: case GUMBO_TAG_SUP: case GUMBO_TAG_SUB:
	case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_MARK: case GUMBO_TAG_ABBR:
	case GUMBO_TAG_CITE: case GUMBO_TAG_Q: case GUMBO_TAG_TIME: case GUMBO_TAG_FONT:
	case GUMBO_TAG_DEL: case GUMBO_TAG_INS: case GUMBO_TAG_LABEL: case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP: case GUMBO_TAG_VAR: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
	case GUMBO_TAG_WBR: case GUMBO_TAG_BIG: case GUMBO_TAG_TT: case GUMBO_TAG_STRIKE:
	case GUMBO_TAG_DFN: case GUMBO_TAG_DATA: case GUMBO_TAG_RUBY: case GUMBO_TAG_RT:
	case GUMBO_TAG_RP: case GUMBO_TAG_NOBR:
		return true;
	default:
		return false;
	}
}

static bool is_inline_node(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	    n->type == GUMBO_NODE_CDATA)
		return true;
	return n->type == GUMBO_NODE_ELEMENT && inline_tag(n->v.element.tag);
}

/* ---- URLs ---- */

const char *htmlmd_safe_url(struct arena *a, const char *url, bool image)
{
	size_t n = strlen(url), i, j = 0, k;
	char *s = arena_alloc(a, n + 7);

	/* As a browser: spaces and controls at the ends go, tabs and newlines
	 * anywhere go, other controls inside are refused. */
	while (n > 0 && (unsigned char)url[n - 1] <= 0x20)
		n--;
	for (i = 0; i < n && (unsigned char)url[i] <= 0x20; i++)
		;
	for (; i < n; i++) {
		if (url[i] == '\t' || url[i] == '\n' || url[i] == '\r')
			continue;
		if ((unsigned char)url[i] < 0x20 || url[i] == 0x7f)
			return NULL;
		s[j++] = url[i];
	}
	s[j] = '\0';
	if (j == 0)
		return NULL;
	if (s[0] == '/' && s[1] == '/') {
		memmove(s + 6, s, j + 1);
		memcpy(s, "https:", 6);
		return s;
	}
	if (s[0] == '/')
		return s;
	if (s[0] == '#')
		return image ? NULL : s;
	for (k = 0; s[k] && s[k] != ':'; k++)
		if (!isalnum((unsigned char)s[k]) && s[k] != '+' && s[k] != '-' && s[k] != '.')
			return NULL;     /* a relative path or something odd: not kept */
	if (s[k] != ':')
		return NULL;
	if ((k == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (k == 5 && strncasecmp(s, "https", 5) == 0))
		return s[k + 1] == '/' && s[k + 2] == '/' && s[k + 3] ? s : NULL;
	if (!image && k == 6 && strncasecmp(s, "mailto", 6) == 0 && s[k + 1])
		return s;
	return NULL;
}

/* Writes url as a link destination in angle brackets. */
static void add_dest(struct abuf *b, const char *url)
{
	abuf_add(b, "(<", 2);
	for (; *url; url++) {
		if (*url == '<' || *url == '>' || *url == '\\' || *url == ' ')
			abuf_printf(b, "%%%02X", (unsigned char)*url);
		else
			abuf_add(b, url, 1);
	}
	abuf_add(b, ">)", 2);
}

static const char *attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *at = gumbo_get_attribute(&n->v.element.attributes, name);

	return at ? at->value : NULL;
}

static const char *checked_url(struct conv *c, const char *raw, bool image)
{
	const char *u = raw ? htmlmd_safe_url(c->a, raw, image) : NULL;
	const char *w;

	if (u != NULL && c->rewrite != NULL && (w = c->rewrite(c->ctx, u, image)) != NULL)
		u = w;
	return u;
}

/* ---- text ---- */

static const char *const shortcode_names[] = {
	"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist",
	"contact-form-7", "contact-form", "wpforms", "ninja_form", "gravityform",
	"su_", "vc_", "et_pb_", "fusion_", "av_", NULL,
};

/* Length of a WordPress shortcode tag starting at s ("[gallery ids=..]",
 * "[/caption]"), or 0 when s does not start one. */
static size_t shortcode_len(const char *s, size_t n)
{
	size_t i = 1, start, len;
	const char *const *k;

	if (i < n && s[i] == '/')
		i++;
	start = i;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
		i++;
	len = i - start;
	if (len == 0 || i >= n || (s[i] != ']' && s[i] != ' ' && s[i] != '/'))
		return 0;
	for (k = shortcode_names; *k; k++) {
		size_t kl = strlen(*k);
		bool prefix = (*k)[kl - 1] == '_';

		if ((prefix && len > kl && strncmp(s + start, *k, kl) == 0) ||
		    (!prefix && len == kl && strncmp(s + start, *k, kl) == 0))
			break;
	}
	if (*k == NULL)
		return 0;
	while (i < n && s[i] != ']')
		i++;
	return i < n ? i + 1 : 0;
}

static bool last_is_space(const struct abuf *b)
{
	return b->len == 0 || b->p[b->len - 1] == ' ' || b->p[b->len - 1] == BR_MARK;
}

/* Appends text with HTML whitespace collapsed and Markdown's punctuation escaped. */
static void add_text(struct abuf *b, const char *s, size_t n)
{
	size_t i, sc;

	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == '[' && (sc = shortcode_len(s + i, n - i)) > 0) {
			i += sc - 1;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
			if (!last_is_space(b))
				abuf_add(b, " ", 1);
			continue;
		}
		if ((unsigned char)ch < 0x20 || ch == 0x7f)
			continue;
		if (strchr("\\`*_[]<>#|~", ch) != NULL ||
		    (ch == '&' && i + 1 < n && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '#')))
			abuf_add(b, "\\", 1);
		abuf_add(b, &ch, 1);
	}
}

/* ---- inline runs ---- */

static void inlines(struct conv *c, const GumboNode *n, struct abuf *b, unsigned in, int depth);

static void children_inline(struct conv *c, const GumboNode *n, struct abuf *b,
    unsigned in, int depth)
{
	const GumboVector *kids = &n->v.element.children;
	unsigned i;

	for (i = 0; i < kids->length; i++)
		inlines(c, kids->data[i], b, in, depth + 1);
}

/* Wraps the children of n in mark ("*" or "**"), moving spaces at their edges outside. */
static void emphasis(struct conv *c, const GumboNode *n, struct abuf *b, unsigned in,
    unsigned flag, const char *mark, int depth)
{
	struct abuf t = { .a = c->a };
	size_t s = 0, e;

	children_inline(c, n, &t, in | flag, depth);
	e = t.len;
	while (s < e && (t.p[s] == ' ' || t.p[s] == BR_MARK))
		s++;
	while (e > s && (t.p[e - 1] == ' ' || t.p[e - 1] == BR_MARK))
		e--;
	if (s > 0 && !last_is_space(b))
		abuf_add(b, " ", 1);
	if (e > s) {
		size_t ml = strlen(mark);

		/* Two runs of the same emphasis side by side become one. */
		if (b->len >= ml && strcmp(b->p + b->len - ml, mark) == 0 &&
		    (b->len == ml || b->p[b->len - ml - 1] != '\\'))
			b->p[b->len -= ml] = '\0';
		else
			abuf_str(b, mark);
		abuf_add(b, t.p + s, e - s);
		abuf_str(b, mark);
	}
	if (e < t.len)
		abuf_add(b, " ", 1);
}

static void image(struct conv *c, const GumboNode *n, struct abuf *b)
{
	const char *src = checked_url(c, attr(n, "src"), true);
	const char *alt = attr(n, "alt");

	if (src == NULL)
		return;
	abuf_add(b, "![", 2);
	if (alt != NULL) {
		struct abuf t = { .a = c->a };

		add_text(&t, alt, strlen(alt));
		if (t.len)
			abuf_add(b, t.p, t.len);
	}
	abuf_add(b, "]", 1);
	add_dest(b, src);
}

static void link(struct conv *c, const GumboNode *n, struct abuf *b, unsigned in, int depth)
{
	const char *href = (in & IN_LINK) ? NULL : checked_url(c, attr(n, "href"), false);
	struct abuf t = { .a = c->a };
	size_t s = 0, e;

	if (href == NULL) {
		children_inline(c, n, b, in, depth);
		return;
	}
	children_inline(c, n, &t, in | IN_LINK, depth);
	e = t.len;
	while (s < e && (t.p[s] == ' ' || t.p[s] == BR_MARK))
		s++;
	while (e > s && (t.p[e - 1] == ' ' || t.p[e - 1] == BR_MARK))
		e--;
	if (e == s)
		return;
	if (s > 0 && !last_is_space(b))
		abuf_add(b, " ", 1);
	abuf_add(b, "[", 1);
	abuf_add(b, t.p + s, e - s);
	abuf_add(b, "]", 1);
	add_dest(b, href);
	if (e < t.len)
		abuf_add(b, " ", 1);
}

static void inlines(struct conv *c, const GumboNode *n, struct abuf *b, unsigned in, int depth)
{
	GumboTag t;

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
		add_text(b, n->v.text.text, strlen(n->v.text.text));
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT || depth > HTMLMD_MAX_DEPTH)
		return;
	t = n->v.element.tag;
	if (dropped(t))
		return;
	switch (t) {
	case GUMBO_TAG_BR:
		if (!(in & IN_LINK)) {
			while (b->len && b->p[b->len - 1] == ' ')
				b->p[--b->len] = '\0';
			abuf_add(b, (char[]){ BR_MARK }, 1);
		} else if (!last_is_space(b)) {
			abuf_add(b, " ", 1);
		}
		break;
	case GUMBO_TAG_IMG:
		image(c, n, b);
		break;
	case GUMBO_TAG_A:
		link(c, n, b, in, depth);
		break;
	case GUMBO_TAG_EM: case GUMBO_TAG_I:
		if (in & IN_EM)
			children_inline(c, n, b, in, depth);
		else
			emphasis(c, n, b, in, IN_EM, "*", depth);
		break;
	case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
		if (in & IN_STRONG)
			children_inline(c, n, b, in, depth);
		else
			emphasis(c, n, b, in, IN_STRONG, "**", depth);
		break;
	default:
		/* A block inside a line (a <div> in a link): its text joins the line. */
		if (!inline_tag(t) && !last_is_space(b))
			abuf_add(b, " ", 1);
		children_inline(c, n, b, in, depth);
		if (!inline_tag(t) && !last_is_space(b))
			abuf_add(b, " ", 1);
		break;
	}
}

/* ---- blocks ---- */

static void add_block(struct abuf *out, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (out->len)
		abuf_add(out, "\n\n", 2);
	abuf_add(out, s, n);
}

/* Escapes what would start a list, a heading underline or a numbered item at
 * the start of a line: writes the start of s with its escape and returns how
 * many bytes of s it wrote. */
static size_t line_start(struct abuf *out, const char *s, size_t n)
{
	size_t d = 0;

	if (n && (s[0] == '-' || s[0] == '+' || s[0] == '=')) {
		abuf_add(out, "\\", 1);
		return 0;
	}
	while (d < n && d < 9 && isdigit((unsigned char)s[d]))
		d++;
	if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
		abuf_add(out, s, d);
		abuf_add(out, "\\", 1);
		return d;
	}
	return 0;
}

/* Writes an inline run as one paragraph (heading when prefix is "## "):
 * trimmed, breaks as backslash line ends (spaces for headings). */
static void flush_run(struct abuf *run, struct abuf *out, const char *prefix)
{
	struct abuf p = { .a = run->a };
	size_t s = 0, e = run->len, i;

	while (s < e && (run->p[s] == ' ' || run->p[s] == BR_MARK))
		s++;
	while (e > s && (run->p[e - 1] == ' ' || run->p[e - 1] == BR_MARK))
		e--;
	if (e > s) {
		if (prefix)
			abuf_str(&p, prefix);
		for (i = s + line_start(&p, run->p + s, e - s); i < e; i++) {
			if (run->p[i] != BR_MARK) {
				abuf_add(&p, run->p + i, 1);
				continue;
			}
			while (p.len && p.p[p.len - 1] == ' ')
				p.p[--p.len] = '\0';
			while (i + 1 < e && (run->p[i + 1] == BR_MARK || run->p[i + 1] == ' '))
				i++;
			abuf_str(&p, prefix ? " " : "\\\n");
			i += line_start(&p, run->p + i + 1, e - i - 1);
		}
		add_block(out, p.p, p.len);
	}
	run->len = 0;
	if (run->p)
		run->p[0] = '\0';
}

/* Adds block text b with first-line prefix first and later lines prefixed by rest. */
static void prefixed(struct abuf *out, const struct abuf *b, const char *first, const char *rest)
{
	struct abuf t = { .a = b->a };
	size_t i;
	bool bol = true;

	if (b->len == 0) {
		add_block(out, first, strlen(first));
		return;
	}
	for (i = 0; i < b->len; i++) {
		if (bol) {
			const char *pre = i == 0 ? first : rest;
			size_t pl = strlen(pre);

			/* no trailing spaces on blank lines */
			if (b->p[i] == '\n')
				while (pl && pre[pl - 1] == ' ')
					pl--;
			abuf_add(&t, pre, pl);
		}
		abuf_add(&t, b->p + i, 1);
		bol = b->p[i] == '\n';
	}
	add_block(out, t.p, t.len);
}

static void list(struct conv *c, const GumboNode *n, struct abuf *out, int depth)
{
	const GumboVector *kids = &n->v.element.children;
	bool ordered = n->v.element.tag == GUMBO_TAG_OL;
	long num = 1;
	unsigned i;
	struct abuf items = { .a = c->a };

	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];
		struct abuf item = { .a = c->a };
		char first[32], rest[32];

		if (k->type != GUMBO_NODE_ELEMENT) {
			if (k->type == GUMBO_NODE_TEXT)
				blocks(c, k, &item, depth + 1);
		} else if (!dropped(k->v.element.tag)) {
			blocks(c, k, &item, depth + 1);
		}
		if (item.len == 0)
			continue;
		if (ordered)
			snprintf(first, sizeof first, "%ld. ", num++);
		else
			snprintf(first, sizeof first, "- ");
		memset(rest, ' ', strlen(first));
		rest[strlen(first)] = '\0';
		{
			struct abuf one = { .a = c->a };

			prefixed(&one, &item, first, rest);
			if (items.len)
				abuf_add(&items, "\n", 1);
			abuf_add(&items, one.p, one.len);
		}
	}
	add_block(out, items.p, items.len);
}

/* Renders one element met in block context. */
static void block_element(struct conv *c, const GumboNode *n, struct abuf *out, int depth)
{
	GumboTag t = n->v.element.tag;
	struct abuf sub = { .a = c->a };

	switch (t) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: {
		static const char *const hashes[] = { "# ", "## ", "### ", "#### ", "##### ", "###### " };

		children_inline(c, n, &sub, 0, depth);
		flush_run(&sub, out, hashes[t - GUMBO_TAG_H1]);
		break;
	}
	case GUMBO_TAG_UL: case GUMBO_TAG_OL:
		list(c, n, out, depth);
		break;
	case GUMBO_TAG_BLOCKQUOTE:
		blocks(c, n, &sub, depth);
		if (sub.len)
			prefixed(out, &sub, "> ", "> ");
		break;
	default:
		blocks(c, n, out, depth);
		break;
	}
}

/* Renders the children of n (or the text node n) as blocks. */
static void blocks(struct conv *c, const GumboNode *n, struct abuf *out, int depth)
{
	struct abuf run = { .a = c->a };
	unsigned i;

	if (depth > HTMLMD_MAX_DEPTH)
		return;
	if (n->type == GUMBO_NODE_TEXT) {
		add_text(&run, n->v.text.text, strlen(n->v.text.text));
		flush_run(&run, out, NULL);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	for (i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *k = n->v.element.children.data[i];

		if (is_inline_node(k)) {
			inlines(c, k, &run, 0, depth + 1);
			continue;
		}
		if (k->type != GUMBO_NODE_ELEMENT || dropped(k->v.element.tag))
			continue;
		flush_run(&run, out, NULL);
		block_element(c, k, out, depth + 1);
	}
	flush_run(&run, out, NULL);
}

static const GumboNode *body_of(const GumboOutput *g)
{
	const GumboVector *kids = &g->root->v.element.children;
	unsigned i;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY)
			return k;
	}
	return NULL;
}

char *htmlmd_convert(struct arena *a, const char *html, size_t len,
    htmlmd_rewrite_fn rewrite, void *ctx)
{
	struct conv c = { a, rewrite, ctx };
	struct abuf out = { .a = a };
	GumboOutput *g;
	const GumboNode *body;

	if (len > HTMLMD_MAX_INPUT)
		return NULL;
	g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	if (g == NULL)
		return NULL;
	if ((body = body_of(g)) != NULL)
		blocks(&c, body, &out, 0);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	return out.p ? out.p : arena_strdup(a, "");
}

static void walk_links(const GumboNode *n, void (*fn)(void *, const char *), void *ctx,
    int depth)
{
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > HTMLMD_MAX_DEPTH)
		return;
	if (n->v.element.tag == GUMBO_TAG_A) {
		const char *h = attr(n, "href");

		if (h && (strncasecmp(h, "http://", 7) == 0 || strncasecmp(h, "https://", 8) == 0))
			fn(ctx, h);
	}
	for (i = 0; i < n->v.element.children.length; i++)
		walk_links(n->v.element.children.data[i], fn, ctx, depth + 1);
}

int htmlmd_links(const char *html, size_t len, void (*fn)(void *ctx, const char *url),
    void *ctx)
{
	GumboOutput *g;

	if (len > HTMLMD_MAX_INPUT)
		return -1;
	if ((g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len)) == NULL)
		return -1;
	walk_links(g->root, fn, ctx, 0);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	return 0;
}

static void walk_text(const GumboNode *n, struct abuf *b, int depth)
{
	unsigned i;

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
		const char *s;

		for (s = n->v.text.text; *s; s++) {
			if (strchr(" \t\r\n\f", *s)) {
				if (b->len && b->p[b->len - 1] != ' ')
					abuf_add(b, " ", 1);
			} else if ((unsigned char)*s >= 0x20 && *s != 0x7f) {
				abuf_add(b, s, 1);
			}
		}
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT || depth > HTMLMD_MAX_DEPTH || dropped(n->v.element.tag))
		return;
	if (!inline_tag(n->v.element.tag) && b->len && b->p[b->len - 1] != ' ')
		abuf_add(b, " ", 1);
	for (i = 0; i < n->v.element.children.length; i++)
		walk_text(n->v.element.children.data[i], b, depth + 1);
}

char *htmlmd_text(struct arena *a, const char *html, size_t len)
{
	struct abuf b = { .a = a };
	GumboOutput *g;
	const GumboNode *body;

	if (len > HTMLMD_MAX_INPUT)
		return NULL;
	if ((g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len)) == NULL)
		return NULL;
	abuf_str(&b, "");
	if ((body = body_of(g)) != NULL)
		walk_text(body, &b, 0);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	while (b.len && b.p[b.len - 1] == ' ')
		b.p[--b.len] = '\0';
	return b.p[0] == ' ' ? b.p + 1 : b.p;
}
