/* hcweb.c: the FastCGI program: reads the configuration and runs the workers. */
#include <curl/curl.h>
#include <fcgiapp.h>
#include <pthread.h>
#include <malloc.h>
#include <signal.h>
#include <stdbool.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "site/auth.h"
#include "util/config.h"
#include "util/log.h"
#include "http/route.h"
#include "http/server.h"
#include "net/sender.h"
#include "site/mailmsg.h"
#include "util/timefmt.h"
#include "util/tmpl.h"

/* True when the templates every answer needs are there (the layout and the
 * error page); a missing page template is answered with the error page. */
static bool templates_complete(const char *dir)
{
	static const char *const need[] = { "layout.tpl", "error.tpl" };
	char path[4096];
	size_t i;

	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, need[i]);
		if (access(path, R_OK) < 0) {
			log_msg("template %s is missing: reinstall templates/", path);
			return false;
		}
	}
	return true;
}

static void usage(void)
{
	fprintf(stderr, "usage: hcweb [-c hcweb.conf]\n");
}

int main(int argc, char *argv[])
{
	const char *conf = NULL;
	struct config cfg;
	sigset_t set;
	int ch, fd, rc;

	/* Large buffers (a feed, a sitemap part) are mapped and given back to the
	 * system when freed: a fixed threshold stops glibc from raising it after
	 * the first such buffer and keeping them in the heap for good. */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
	mallopt(M_ARENA_MAX, 2);

	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c') {
			usage();
			return 2;
		}
		conf = optarg;
	}
	if (config_load(&cfg, config_path(conf)) < 0)
		return 2;
	time_init();
	if (sodium_init() < 0) {   /* before threads: random tokens, password hashes */
		log_msg("libsodium failed to start");
		goto fail;
	}
	if (route_table_check(routes) != 0) {
		log_msg("the route table breaks its rules (route.h): not starting");
		goto fail;
	}
	/* Hashes take a slot without waiting (pw_verify_try): with fewer slots
	 * than workers, a flood of logins always leaves a worker to the pages. */
	auth_set_hash_slots(cfg.workers - 1);
	if (tmpl_init(cfg.templates) < 0 || !templates_complete(cfg.templates))
		goto fail;
	/* Block the stop signals in every thread; server_run waits for them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (server_preflight(&cfg) < 0)
		goto fail;
	if (FCGX_Init() != 0 || (fd = server_listen(&cfg)) < 0)
		goto fail;
	/* Mail: libraries started once, before any thread; the sender thread
	 * delivers the queue outside every request (docs/architecture.md). */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	mailmsg_init();
	if (sender_thread_start(&cfg) < 0)
		log_msg("mail sender did not start; queued mail waits for hcadmin mail run");
	rc = server_run(&cfg, fd);
	sender_thread_stop();
	curl_global_cleanup();
	if (fd != 0)
		unlink(cfg.socket);
	config_free(&cfg);
	log_msg("stopped");
	return rc;
fail:   /* refused to start: the one line saying why is logged already */
	config_free(&cfg);
	return 1;
}
