/* cli.h: the commands of hcadmin, each given its arguments after the command name. */
#ifndef HC_CLI_CLI_H
#define HC_CLI_CLI_H

#include "util/config.h"

/* Each returns the process exit code: 0 success, 1 failure, 2 usage error. */
int cmd_migrate(const struct config *cfg, int argc, char **argv);
int cmd_backup(const struct config *cfg, int argc, char **argv);
int cmd_restore(const struct config *cfg, int argc, char **argv);
int cmd_seed_demo(const struct config *cfg, int argc, char **argv);
/* user add|passwd|disable|list (admin_users.c). */
int cmd_user(const struct config *cfg, int argc, char **argv);
/* purge [--now TIME]: registrations past retention (cli_purge.c); --now
 * stands in for the clock (tests). */
int cmd_purge(const struct config *cfg, int argc, char **argv);
/* mail run [--drain] | status | test ADDRESS (cli_mail.c). */
int cmd_mail(const struct config *cfg, int argc, char **argv);
/* newsletter list | send ID (cli_newsletter.c). */
int cmd_newsletter(const struct config *cfg, int argc, char **argv);

/* import-wordpress URL [--dry-run] [--since DATE] [--user NAME --password-file FILE]
 * (cli_wordpress.c). */
int cmd_import_wordpress(const struct config *cfg, int argc, char **argv);
/* check-links [--since DATE] (cli_links.c). */
int cmd_check_links(const struct config *cfg, int argc, char **argv);

#endif
