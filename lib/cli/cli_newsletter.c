/* cli_newsletter.c: hcadmin newsletter list|send ID: an issue sent from a terminal with a progress bar. */
#include <curl/curl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "net/sender.h"
#include "site/mailmsg.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/mailq.h"
#include "store/newsletter.h"
#include "util/tmpl.h"
#include "util/valid.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int nl_usage(void)
{
	fprintf(stderr, "usage: hcadmin newsletter list\n"
	    "       hcadmin newsletter send ID   send issue ID to every confirmed subscriber\n"
	    "                                    (or go on with one being sent) and wait\n");
	return 2;
}

static int list(struct db *db)
{
	struct arena a = { 0 };
	struct newsletter *l;
	struct mailq_counts c;
	size_t n, i;

	if (nl_list(db, &a, &l, &n) < 0)
		return 1;
	for (i = 0; i < n; i++) {
		mailq_count(db, l[i].id, &c);
		printf("%lld\t%s\t%lld sent\t%lld failed\t%s\n", l[i].id, l[i].state, c.sent, c.failed,
		    l[i].subject);
	}
	arena_free(&a);
	return 0;
}

struct progress {
	struct db *db;
	long long id;
	bool tty;
	int shown;              /* last percentage drawn */
};

/* Draws "[#####     ]  512/1000 sent, 3 failed" on one line. */
static void draw(void *arg)
{
	struct progress *p = arg;
	struct arena a = { 0 };
	struct newsletter nl;
	struct mailq_counts c;
	long long done;
	int pct, i;

	if (nl_get(p->db, &a, p->id, &nl) != 1 || mailq_count(p->db, p->id, &c) < 0)
		goto out;
	done = c.sent + c.failed;
	pct = nl.recipients > 0 ? (int)(done * 100 / nl.recipients) : 100;
	if (!p->tty && (pct == p->shown || (pct / 10 == p->shown / 10 && done < nl.recipients)))
		goto out;
	p->shown = pct;
	printf(p->tty ? "\r[" : "[");
	for (i = 0; i < 40; i++)
		putchar(i < pct * 40 / 100 ? '#' : ' ');
	printf("] %lld/%lld sent, %lld failed%s", c.sent, nl.recipients, c.failed, p->tty ? "" : "\n");
	fflush(stdout);
out:
	arena_free(&a);
}

/* True when the issue is sent (every row has left the queue). */
static bool finished(struct db *db, long long id)
{
	struct arena a = { 0 };
	struct newsletter nl;
	bool done = nl_get(db, &a, id, &nl) == 1 && strcmp(nl.state, "sent") == 0;

	arena_free(&a);
	return done;
}

static int send_issue(const struct config *cfg, struct db *db, long long id)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct progress p = { .db = db, .id = id, .tty = isatty(STDOUT_FILENO), .shown = -100 };
	struct arena a = { 0 };
	struct newsletter nl;
	struct sender *s;
	int rc;

	if ((rc = nl_get(db, &a, id, &nl)) != 1) {
		fprintf(stderr, "hcadmin: no newsletter %lld\n", id);
		return 1;
	}
	if (strcmp(nl.state, "draft") == 0) {
		if (db_begin(db) < 0 || nl_start(db, id) < 0 ||
		    audit_log(db, 0, "hcadmin", "send", "newsletter", id, nl.subject) < 0 ||
		    db_commit(db) < 0) {
			db_rollback(db);
			return 1;
		}
	}
	arena_free(&a);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if ((s = sender_new(cfg, &stop)) == NULL)
		return 1;
	while (!stop && !finished(db, id)) {
		rc = sender_step(s);
		draw(&p);
		if (rc <= 0)
			usleep(rc < 0 ? 1000000 : 200000);
	}
	draw(&p);
	sender_free(s);
	printf("\n%s\n", stop ? "stopped; run the same command again to go on" : "done");
	return stop ? 1 : 0;
}

int cmd_newsletter(const struct config *cfg, int argc, char **argv)
{
	struct db *db;
	long long id = 0;
	int rc;

	if (!(argc == 2 && strcmp(argv[1], "list") == 0) &&
	    !(argc == 3 && strcmp(argv[1], "send") == 0 && valid_int(argv[2], 1, 1LL << 53, &id)))
		return nl_usage();
	if (sodium_init() < 0 || tmpl_init(cfg->templates) < 0)
		return 1;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	mailmsg_init();
	if ((db = db_open(cfg->database)) == NULL)
		return 1;
	rc = id ? send_issue(cfg, db, id) : list(db);
	db_close(db);
	curl_global_cleanup();
	return rc;
}
