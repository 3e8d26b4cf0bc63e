/* cli_db.c: hcadmin migrate, backup and restore. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/db.h"
#include "store/migrate.h"

int cmd_migrate(const struct config *cfg, int argc, char **argv)
{
	struct db *db;
	int status = 0, rc;

	if (argc == 2 && strcmp(argv[1], "--status") == 0)
		status = 1;
	else if (argc != 1)
		return 2;
	if ((db = db_open(cfg->database)) == NULL) {
		fprintf(stderr, "migrate: cannot open %s\n", cfg->database);
		return 1;
	}
	rc = status ? migrate_status(db, cfg->migrations, stdout)
	    : migrate_apply(db, cfg->migrations, cfg->backups, stdout);
	db_close(db);
	return rc;
}

int cmd_backup(const struct config *cfg, int argc, char **argv)
{
	struct db *db;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: hcadmin backup FILE\n");
		return 2;
	}
	if ((db = db_open(cfg->database)) == NULL)
		return 1;
	rc = db_backup(db, argv[1]) == 0 ? 0 : 1;
	if (rc == 0)
		printf("backup written to %s\n", argv[1]);
	db_close(db);
	return rc;
}

int cmd_restore(const struct config *cfg, int argc, char **argv)
{
	struct db *db;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: hcadmin restore FILE\n");
		return 2;
	}
	if ((db = db_open(cfg->database)) == NULL)
		return 1;
	rc = migrate_restore(db, argv[1], cfg->migrations, cfg->backups, stdout);
	db_close(db);
	return rc;
}
