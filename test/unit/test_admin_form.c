/* test_admin_form.c: unit tests for the pure helpers of admin forms and post states. */
#include <criterion/criterion.h>
#include <string.h>

#include "admin/form.h"
#include "util/utf8.h"
#include "store/audit.h"
#include "util/arena.h"
#include "store/posts.h"

Test(admin_form, utf8_chars)
{
	cr_assert_eq(utf8_chars("", 0), 0);
	cr_assert_eq(utf8_chars("abc", 3), 3);
	cr_assert_eq(utf8_chars("åäö", strlen("åäö")), 3);
	cr_assert_eq(utf8_chars("€😀", strlen("€😀")), 2);
}

Test(admin_form, newlines)
{
	struct arena a = { 0 };

	cr_assert_str_eq(form_normalize_newlines(&a, "a\r\nb\rc\nd"), "a\nb\nc\nd");
	cr_assert_str_eq(form_normalize_newlines(&a, "\r\n\r\n"), "\n\n");
	cr_assert_str_eq(form_normalize_newlines(&a, "ingen"), "ingen");
	arena_free(&a);
}

Test(admin_form, post_state)
{
	const char *now = "2025-03-14T09:00:00Z";

	cr_assert_str_eq(post_state_label("draft", "2020-01-01T00:00:00Z", now), "Utkast");
	cr_assert_str_eq(post_state_label("published", "2025-03-14T09:00:00Z", now), "Publicerad");
	cr_assert_str_eq(post_state_label("published", "2025-03-14T09:00:01Z", now), "Schemalagd");
}

Test(admin_form, audit_phrase)
{
	struct arena a = { 0 };

	cr_assert_str_eq(audit_phrase(&a, "create", "post"), "skapade nyhet");
	cr_assert_str_eq(audit_phrase(&a, "disable", "user"), "stängde av användare");
	cr_assert_str_eq(audit_phrase(&a, "frobnicate", "widget"), "frobnicate widget");
	cr_assert_str_eq(audit_phrase(&a, "login", "user"), "loggade in");
	arena_free(&a);
}
