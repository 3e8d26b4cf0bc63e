/* nlmail.c: newsletter and confirmation mails: the HTML from ctemplate, the text written here. */
#include "site/nlmail.h"

#include <stdlib.h>
#include <string.h>

#include "util/abuf.h"
#include "util/tmpl.h"

/* Copies the arena text out as a malloc'd string. */
static char *take(const struct abuf *b)
{
	char *s = malloc(b->len + 1);

	if (s != NULL) {
		if (b->len)
			memcpy(s, b->p, b->len);
		s[b->len] = '\0';
	}
	return s;
}

static void items_tdict(tdict *d, const char *section, const char *each,
    const struct nl_item *it, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	d = tdict_section(d, section);
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, each);

		tdict_set(row, "TITLE", it[i].title);
		tdict_set(row, "WHEN", it[i].when);
		tdict_set(row, "EXCERPT", it[i].excerpt);
		tdict_set(row, "URL", it[i].url);
		if (it[i].excerpt[0])
			tdict_show(row, "HAS_EXCERPT");
	}
}

static void items_text(struct abuf *b, const char *heading, const struct nl_item *it, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	abuf_printf(b, "\n%s\n", heading);
	for (i = 0; heading[i]; i++)
		abuf_add(b, "-", 1);
	abuf_str(b, "\n");
	for (i = 0; i < n; i++) {
		abuf_printf(b, "\n%s\n%s\n", it[i].title, it[i].when);
		if (it[i].excerpt[0])
			abuf_printf(b, "%s\n", it[i].excerpt);
		abuf_printf(b, "%s\n", it[i].url);
	}
}

int nlmail_render(const struct nl_content *c, const char *unsubscribe_url, char **html,
    char **text)
{
	struct arena a = { 0 };
	struct abuf b = { .a = &a };
	tdict *d = tdict_new();
	size_t len;
	int rc;

	tdict_set(d, "SITE_NAME", c->site_name);
	tdict_set(d, "SITE_URL", c->site_url);
	tdict_set(d, "SUBJECT", c->subject);
	tdict_set(d, "SAFE_INTRO_HTML", c->intro_html);
	tdict_set(d, "UNSUBSCRIBE_URL", unsubscribe_url);
	items_tdict(d, "POSTS", "POST", c->posts, c->nposts);
	items_tdict(d, "EVENTS", "EVENT", c->events, c->nevents);
	rc = tmpl_expand("mail_newsletter.tpl", d, html, &len);
	tdict_free(d);
	if (rc < 0)
		return -1;
	abuf_printf(&b, "%s\n\n", c->subject);
	if (c->intro_text[0])
		abuf_printf(&b, "%s\n", c->intro_text);
	items_text(&b, "Nyheter", c->posts, c->nposts);
	items_text(&b, "Kommande evenemang", c->events, c->nevents);
	abuf_printf(&b, "\n-- \n%s\n%s\n\nAvsluta prenumerationen: %s\n", c->site_name, c->site_url,
	    unsubscribe_url);
	*text = take(&b);
	arena_free(&a);
	if (*text == NULL) {
		free(*html);
		return -1;
	}
	return 0;
}

int nlmail_confirm(const char *site_name, const char *confirm_url, char **html, char **text)
{
	struct arena a = { 0 };
	struct abuf b = { .a = &a };
	tdict *d = tdict_new();
	size_t len;
	int rc;

	tdict_set(d, "SITE_NAME", site_name);
	tdict_set(d, "CONFIRM_URL", confirm_url);
	rc = tmpl_expand("mail_confirm.tpl", d, html, &len);
	tdict_free(d);
	if (rc < 0)
		return -1;
	abuf_printf(&b, "Hej!\n\nNågon, förhoppningsvis du, har anmält den här adressen till "
	    "nyhetsbrevet från %s.\n\nÖppna länken och tryck på knappen Bekräfta för att börja "
	    "prenumerera:\n%s\n\nLänken gäller i 7 dagar. Har du inte anmält dig behöver du inte "
	    "göra något: utan bekräftelse raderas adressen.\n", site_name, confirm_url);
	*text = take(&b);
	arena_free(&a);
	if (*text == NULL) {
		free(*html);
		return -1;
	}
	return 0;
}
