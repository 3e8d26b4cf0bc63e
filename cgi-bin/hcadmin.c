/* hcadmin.c: the admin command line: migrations, backups, users, demo content. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/config.h"
#include "util/timefmt.h"

static const struct {
	const char *name;
	int (*run)(const struct config *, int, char **);
	const char *help;
} commands[] = {
	{ "migrate", cmd_migrate, "migrate [--status]      apply pending migrations (or list them)" },
	{ "backup", cmd_backup, "backup FILE             consistent copy of the live database" },
	{ "restore", cmd_restore, "restore FILE            check a backup, then put it in place of the live database" },
	{ "seed-demo", cmd_seed_demo, "seed-demo [--posts N] [--events N]\n"
	  "                          load demo content (N generated posts, events)" },
	{ "purge", cmd_purge, "purge [--now TIME]      delete registrations past their retention (run daily)" },
	{ "mail", cmd_mail, "mail run [--drain] | status | test ADDRESS\n"
	  "                          deliver queued mail; show the queue; queue a test" },
	{ "newsletter", cmd_newsletter, "newsletter list | send ID\n"
	  "                          list issues; send one to every subscriber, with progress" },
	{ "import-wordpress", cmd_import_wordpress, "import-wordpress URL [--dry-run] [--since YYYY-MM-DD] "
	  "[--user NAME --password-file FILE]\n"
	  "                          bring posts, files and old addresses over from a WordPress site" },
	{ "check-links", cmd_check_links, "check-links [--since YYYY-MM-DD]\n"
	  "                          check every external link in published content" },
	{ "user", cmd_user, "user add EMAIL --name NAME --role coordinator|admin | passwd EMAIL | disable EMAIL\n"
	  "                          | unlock EMAIL | list" },
};

static int usage(void)
{
	size_t i;

	fprintf(stderr, "usage: hcadmin [-c hcweb.conf] COMMAND ...\n");
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(stderr, "  hcadmin %s\n", commands[i].help);
	return 2;
}

int main(int argc, char *argv[])
{
	const char *conf = NULL;
	struct config cfg;
	size_t i;
	int ch, rc;

	while ((ch = getopt(argc, argv, "+c:")) != -1) {
		if (ch != 'c')
			return usage();
		conf = optarg;
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		return usage();
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			break;
	if (i == sizeof commands / sizeof commands[0])
		return usage();
	if (config_load(&cfg, config_path(conf)) < 0)
		return 2;
	time_init();
	rc = commands[i].run(&cfg, argc, argv);
	config_free(&cfg);
	return rc;
}
