/* cli_purge.c: hcadmin purge: deletes registrations the configured number of days after their event. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "util/timefmt.h"
#include "store/db.h"
#include "store/registrations.h"

int cmd_purge(const struct config *cfg, int argc, char **argv)
{
	time_t now = time(NULL);
	struct db *db;
	long long n;

	if (argc == 3 && strcmp(argv[1], "--now") == 0) {
		if (time_parse_utc(argv[2], &now) < 0) {
			fprintf(stderr, "purge: --now wants YYYY-MM-DDTHH:MM:SSZ\n");
			return 2;
		}
	} else if (argc != 1) {
		fprintf(stderr, "usage: hcadmin purge [--now YYYY-MM-DDTHH:MM:SSZ]\n");
		return 2;
	}
	if ((db = db_open(cfg->database)) == NULL)
		return 1;
	n = registrations_purge(db, now, cfg->registration_days, "hcadmin purge");
	db_close(db);
	if (n < 0) {
		fprintf(stderr, "purge: database error\n");
		return 1;
	}
	printf("%lld registrations deleted\n", n);
	return 0;
}
