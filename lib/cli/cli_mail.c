/* cli_mail.c: hcadmin mail run|status|test: the queue from a terminal or a service. */
#include <curl/curl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "net/deliver.h"
#include "net/sender.h"
#include "site/mailmsg.h"
#include "store/db.h"
#include "store/mail.h"
#include "store/mailq.h"
#include "util/tmpl.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int mail_usage(void)
{
	fprintf(stderr, "usage: hcadmin mail run [--drain]   deliver the queue (until stopped, or\n"
	    "                                   with --drain until nothing waits)\n"
	    "       hcadmin mail status          counts of the queue by state\n"
	    "       hcadmin mail test ADDRESS    queue a test message to ADDRESS\n");
	return 2;
}

static int mail_run(const struct config *cfg, bool drain)
{
	struct sender *s;
	struct sigaction sa = { .sa_handler = on_signal };
	int rc;

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* Queuing a newsletter renders its templates and makes tokens. */
	if (sodium_init() < 0 || tmpl_init(cfg->templates) < 0)
		return 1;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	mailmsg_init();
	if ((s = sender_new(cfg, &stop)) == NULL)
		return 1;
	rc = sender_loop(s, drain, NULL, NULL);
	sender_free(s);
	curl_global_cleanup();
	return drain && rc != 0 ? 1 : 0;
}

static int mail_status(const struct config *cfg)
{
	struct db *db = db_open(cfg->database);
	struct mailq_counts c;
	char problem[400];
	int rc = 1;

	if (db == NULL)
		return 1;
	if (mailq_count(db, 0, &c) == 0 && mailq_last_problem(db, 0, problem, sizeof problem) == 0) {
		printf("queued %lld, sending %lld, sent %lld, failed %lld\n",
		    c.queued, c.sending, c.sent, c.failed);
		if (problem[0])
			printf("last problem: %s\n", problem);
		rc = 0;
	}
	db_close(db);
	return rc;
}

static int mail_test(const struct config *cfg, const char *to)
{
	struct db *db = db_open(cfg->database);
	struct mail_request m = {
		.to = to, .subject = "Testbrev från hcweb",
		.text = "Det här är ett testbrev från webbplatsens e-postkö.\n"
		    "Kommer det fram fungerar utskicket.\n",
		.kind = "test",
	};
	int rc;

	if (db == NULL)
		return 1;
	rc = mail_enqueue(db, cfg, &m, NULL);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "hcadmin: %s\n", mail_err_sv(rc));
		return 1;
	}
	printf("queued a test message to %s\n", to);
	return 0;
}

int cmd_mail(const struct config *cfg, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "run") == 0) {
		if (argc == 2)
			return mail_run(cfg, false);
		if (argc == 3 && strcmp(argv[2], "--drain") == 0)
			return mail_run(cfg, true);
	}
	if (argc == 2 && strcmp(argv[1], "status") == 0)
		return mail_status(cfg);
	if (argc == 3 && strcmp(argv[1], "test") == 0)
		return mail_test(cfg, argv[2]);
	return mail_usage();
}
