/* test_config.c: unit tests for reading hcweb.conf. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/config.h"

/* Writes text to a new temp file; returns its malloc'd path. */
static char *conf_file(const char *text)
{
	char *path = strdup("/tmp/hcweb-test-conf-XXXXXX");
	int fd = mkstemp(path);
	FILE *f;

	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads text as a configuration; returns config_load's result. */
static int load(struct config *c, const char *text)
{
	char *path = conf_file(text);
	int rc = config_load(c, path);

	unlink(path);
	free(path);
	return rc;
}

static void quiet(void)
{
	cr_redirect_stderr();
}

Test(config, defaults_without_file)
{
	struct config c;

	cr_assert_eq(config_load(&c, NULL), 0);
	cr_assert_str_eq(c.database, "var/hcweb.db");
	cr_assert_str_eq(c.socket, "var/hcweb.sock");
	cr_assert_eq(c.socket_mode, 0660);
	cr_assert_eq(c.workers, 2);
	cr_assert_str_eq(c.site_name, "Healthy Cities Sverige");
	cr_assert_str_eq(c.contact_email, "info@healthycities.se");
	cr_assert_eq(c.max_form_bytes, 1000000);
	cr_assert_eq(c.max_upload_bytes, 20 << 20);
	config_free(&c);
}

Test(config, values_comments_and_spaces)
{
	struct config c;

	cr_assert_eq(load(&c,
	    "# a comment\n"
	    "\n"
	    "database = /srv/db/hcweb.db\n"
	    "   socket=/run/x.sock   \n"
	    "socket_mode = 0600\n"
	    "workers = 4\n"
	    "site_name = Healthy Cities = Sverige\n"
	    "\t# indented comment\n"
	    "max_form_bytes = 1024\n"), 0);
	cr_assert_str_eq(c.database, "/srv/db/hcweb.db");
	cr_assert_str_eq(c.socket, "/run/x.sock");
	cr_assert_eq(c.socket_mode, 0600);
	cr_assert_eq(c.workers, 4);
	cr_assert_str_eq(c.site_name, "Healthy Cities = Sverige", "only the first '=' splits");
	cr_assert_eq(c.max_form_bytes, 1024);
	cr_assert_str_eq(c.templates, "templates", "keys left out keep their default");
	config_free(&c);
}

Test(config, later_line_wins)
{
	struct config c;

	cr_assert_eq(load(&c, "workers = 3\nworkers = 5\n"), 0);
	cr_assert_eq(c.workers, 5);
	config_free(&c);
}

Test(config, unknown_key_names_file_and_line, .init = quiet)
{
	const char *path = "/tmp/hcweb-unit-config-unknown.conf";
	struct config c;
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fputs("workers = 2\ndatabse = /x.db\n", f);
	fclose(f);
	cr_assert_eq(config_load(&c, path), -1);
	unlink(path);
	config_free(&c);
	fflush(stderr);
	cr_assert_stderr_eq_str("/tmp/hcweb-unit-config-unknown.conf:2: unknown key or bad value\n");
}

Test(config, bad_lines_fail, .init = quiet)
{
	static const char *bad[] = {
		"workers = 0\n", "workers = 65\n", "workers = -1\n", "workers = two\n",
		"workers = 2x\n", "workers =\n", "socket_mode = 0999\n", "socket_mode = 1777\n",
		"max_form_bytes = 10\n", "max_form_bytes = 99999999999\n",
		"max_upload_bytes = 1\n", "just words\n", "= value\n",
		"workers = 99999999999999999999\n",
	};
	struct config c;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(load(&c, bad[i]), -1, "%s", bad[i]);
		config_free(&c);
	}
}

Test(config, missing_file_fails, .init = quiet)
{
	struct config c;

	cr_assert_eq(config_load(&c, "/nonexistent/hcweb.conf"), -1);
	config_free(&c);
}

Test(config, path_choice)
{
	unsetenv("HCWEB_CONF");
	cr_assert_str_eq(config_path("/a.conf"), "/a.conf");
	setenv("HCWEB_CONF", "/b.conf", 1);
	cr_assert_str_eq(config_path(NULL), "/b.conf");
	cr_assert_str_eq(config_path("/a.conf"), "/a.conf", "-c wins over the environment");
	unsetenv("HCWEB_CONF");
}
