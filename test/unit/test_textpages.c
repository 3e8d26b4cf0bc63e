/* test_textpages.c: the text pages the migrations create hold the HTML md_to_html makes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/markdown.h"
#include "store/migrate.h"
#include "store/textpages.h"

Test(textpages, migrated_html_matches_markdown)
{
	static const char *const slugs[] = { "om", "bli-medlem", "tillganglighet",
	    "personuppgifter" };
	struct arena a = { 0 };
	struct db *db = db_open(":memory:");
	FILE *out = fopen("/dev/null", "w");
	size_t i;

	cr_assert_not_null(db);
	cr_assert_eq(migrate_apply(db, "migrations", "/tmp", out), 0);
	for (i = 0; i < 2; i++) {
		struct text_page p;
		char *html;

		cr_assert_eq(db_text_page(db, &a, slugs[i], &p), 1, "%s", slugs[i]);
		html = md_to_html(p.body_md, strlen(p.body_md));
		cr_assert_str_eq(p.body_html, html, "page %s", slugs[i]);
		free(html);
	}
	{
		struct text_page p;

		cr_assert_eq(db_text_page(db, &a, "om", &p), 1);
		cr_assert_eq(db_text_page_update(db, "om", p.version, "Om oss", "*Ny* text"), 1);
		cr_assert_eq(db_text_page_update(db, "om", p.version, "Gammal", "x"), 0,
		    "an old version is refused");
		cr_assert_eq(db_text_page(db, &a, "om", &p), 1);
		cr_assert_str_eq(p.title, "Om oss");
		cr_assert_str_eq(p.body_html, "<p><em>Ny</em> text</p>\n");
	}
	cr_assert_eq(db_text_page(db, &a, "finns-inte", &(struct text_page){ 0 }), 0);
	fclose(out);
	db_close(db);
	arena_free(&a);
}
