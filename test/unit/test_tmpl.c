/* test_tmpl.c: unit tests for the ctemplate wrapper (auto-escaping, sections, includes). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/tmpl.h"

#define PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}\n"

static char dir[64];

/* Writes dir/name with the given text. */
static void put(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

static void make_dir(void)
{
	strcpy(dir, "/tmp/hcweb-tmpl-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* A good template set: a page with a link, a list, an include and a <pre>. */
static void setup_good(void)
{
	make_dir();
	put("page.tpl", PRAGMA
	    "<h1>{{TITLE}}</h1>\n"
	    "<a href=\"{{U}}\">länk</a>\n"
	    "<a href=\"/sok?q={{Q:u}}\">sök</a>\n"
	    "<ul>{{#ITEM}}<li>{{NAME}} ({{N}})</li>{{/ITEM}}</ul>\n"
	    "{{#EMPTY}}<p>Inga poster</p>{{/EMPTY}}\n"
	    "{{>FOOTER}}\n"
	    "<pre>\n  indraget\n    mer\n</pre>\n"
	    "<textarea name=\"t\">{{BODY:p}}</textarea>\n");
	put("footer.tpl", PRAGMA "<footer>{{ORG}}</footer>\n");
	cr_assert_eq(tmpl_init(dir), 0);
}

TestSuite(tmpl, .init = setup_good, .fini = remove_dir);

/* Expands page.tpl with d, frees d, and returns the text (caller frees). */
static char *expand(tdict *d)
{
	char *out = NULL;
	size_t len = 0;

	cr_assert_eq(tmpl_expand("page.tpl", d, &out, &len), 0);
	cr_assert_not_null(out);
	cr_assert_eq(strlen(out), len);
	tdict_free(d);
	return out;
}

Test(tmpl, variables_are_html_escaped)
{
	tdict *d = tdict_new();
	char *s;

	tdict_set(d, "TITLE", "\"><img src=x onerror=alert(1)>");
	tdict_set(d, "U", "https://hcs.se/a?b=1&c=2");
	s = expand(d);
	cr_assert_not_null(strstr(s, "<h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"), "%s", s);
	cr_assert_null(strstr(s, "<img"), "%s", s);
	cr_assert_not_null(strstr(s, "href=\"https://hcs.se/a?b=1&amp;c=2\""), "%s", s);
	free(s);
}

Test(tmpl, javascript_url_becomes_hash)
{
	tdict *d = tdict_new();
	char *s;

	tdict_set(d, "U", "javascript:alert(1)");
	tdict_set(d, "Q", "a&b c");
	s = expand(d);
	cr_assert_not_null(strstr(s, "<a href=\"#\">"), "%s", s);
	cr_assert_null(strstr(s, "javascript"), "%s", s);
	cr_assert_not_null(strstr(s, "q=a%26b+c\""), "%s", s);
	free(s);
}

Test(tmpl, sections_and_include)
{
	tdict *d = tdict_new(), *item, *foot;
	char *s;

	item = tdict_section(d, "ITEM");
	tdict_set(item, "NAME", "Örebro");
	tdict_set_int(item, "N", 42);
	item = tdict_section(d, "ITEM");
	tdict_set(item, "NAME", "<Umeå>");
	tdict_set_int(item, "N", -9000000000LL);
	tdict_show(d, "EMPTY");
	foot = tdict_include(d, "FOOTER", "footer.tpl");
	cr_assert_not_null(foot);
	tdict_set(foot, "ORG", "Healthy Cities & Co");
	s = expand(d);
	cr_assert_not_null(strstr(s, "<ul><li>Örebro (42)</li><li>&lt;Umeå&gt; (-9000000000)</li></ul>"),
	    "%s", s);
	cr_assert_not_null(strstr(s, "<p>Inga poster</p>"), "%s", s);
	cr_assert_not_null(strstr(s, "<footer>Healthy Cities &amp; Co</footer>"), "%s", s);
	free(s);
}

/* tmpl.cc keeps a per-thread table of names whose ctemplate ids are computed
 * once (util/tmpl.cc, name()). Two threads set the same keys, new to both, at
 * the same time, many times over: every page must come out whole and right. */
#define RACE_ROUNDS 2000

static void *race(void *arg)
{
	long who = (long)arg, bad = 0;
	int i;

	for (i = 0; i < RACE_ROUNDS; i++) {
		char want[64], key[32], *out = NULL;
		tdict *d = tdict_new(), *item;
		size_t len = 0;

		snprintf(key, sizeof key, "RACE_KEY_%d", i % 50);   /* names new to both threads */
		tdict_set(d, key, "x");                              /* not in the template */
		tdict_set(d, "TITLE", who ? "ett" : "två");
		item = tdict_section(d, "ITEM");
		tdict_set(item, "NAME", who ? "a" : "b");
		tdict_set_int(item, "N", i);
		snprintf(want, sizeof want, "<li>%s (%d)</li>", who ? "a" : "b", i);
		if (tmpl_expand("page.tpl", d, &out, &len) != 0 || strstr(out, want) == NULL ||
		    strstr(out, who ? "<h1>ett</h1>" : "<h1>två</h1>") == NULL)
			bad++;
		free(out);
		tdict_free(d);
	}
	return (void *)bad;
}

Test(tmpl, same_keys_from_two_threads)
{
	pthread_t t[2];
	void *bad[2];
	long i;

	for (i = 0; i < 2; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, race, (void *)i), 0);
	for (i = 0; i < 2; i++) {
		cr_assert_eq(pthread_join(t[i], &bad[i]), 0);
		cr_assert_eq((long)bad[i], 0, "thread %ld: %ld wrong pages", i, (long)bad[i]);
	}
}

Test(tmpl, hidden_sections_and_null_values)
{
	tdict *d = tdict_new();
	char *s;

	tdict_set(d, "TITLE", NULL);
	s = expand(d);
	cr_assert_not_null(strstr(s, "<h1></h1>"), "%s", s);
	cr_assert_not_null(strstr(s, "<ul></ul>"), "%s", s);
	cr_assert_null(strstr(s, "Inga poster"), "%s", s);
	cr_assert_null(strstr(s, "footer"), "%s", s);
	cr_assert_null(strstr(s, "AUTOESCAPE"), "%s", s);
	free(s);
}

/* STRIP_BLANK_LINES keeps indentation; a value written {{X:p}} keeps its newlines
 * (plain {{X}} turns them into spaces). */
Test(tmpl, pre_and_textarea_keep_whitespace)
{
	tdict *d = tdict_new();
	char *s;

	tdict_set(d, "BODY", "rad ett\n\n  rad <två>\n");
	s = expand(d);
	cr_assert_not_null(strstr(s, "<pre>\n  indraget\n    mer\n</pre>"), "%s", s);
	cr_assert_not_null(strstr(s, "<textarea name=\"t\">rad ett\n\n  rad &lt;två&gt;\n</textarea>"),
	    "%s", s);
	free(s);
}

Test(tmpl, unknown_template_fails)
{
	tdict *d = tdict_new();
	char *out = (char *)"x";
	size_t len = 7;

	cr_assert_eq(tmpl_expand("nope.tpl", d, &out, &len), -1);
	cr_assert_null(out);
	cr_assert_eq(len, 0);
	tdict_free(d);
}

/* Each test runs in its own process, so these init a fresh cache. */
static void setup_dir(void)
{
	make_dir();
	put("ok.tpl", PRAGMA "<p>{{X}}</p>\n");
}

Test(tmpl_init, missing_pragma_fails, .init = setup_dir, .fini = remove_dir)
{
	put("bad.tpl", "<p>{{X}}</p>\n");
	cr_assert_eq(tmpl_init(dir), -1);
}

Test(tmpl_init, pragma_not_first_fails, .init = setup_dir, .fini = remove_dir)
{
	put("late.tpl", "<p>hej</p>\n" PRAGMA "<p>{{X}}</p>\n");
	cr_assert_eq(tmpl_init(dir), -1);
}

Test(tmpl_init, unquoted_attribute_fails, .init = setup_dir, .fini = remove_dir)
{
	put("unquoted.tpl", PRAGMA "<a href={{U}}>x</a>\n");
	cr_assert_eq(tmpl_init(dir), -1);
}

Test(tmpl_init, subfolder_and_other_files, .init = setup_dir, .fini = remove_dir)
{
	char path[128], *out;
	size_t len;
	tdict *d;

	snprintf(path, sizeof(path), "%s/del", dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	put("del/inner.tpl", PRAGMA "<b>{{X}}</b>\n");
	put("README", "not a template {{\n");
	cr_assert_eq(tmpl_init(dir), 0);
	d = tdict_new();
	tdict_set(d, "X", "a<b");
	cr_assert_eq(tmpl_expand("del/inner.tpl", d, &out, &len), 0);
	cr_assert_str_eq(out, "<b>a&lt;b</b>\n");
	free(out);
	tdict_free(d);
}

Test(tmpl_init, missing_dir_fails)
{
	cr_assert_eq(tmpl_init("/nonexistent/hcweb-templates"), -1);
}
