/* hcweb.c: the FastCGI program: reads the configuration and runs the workers. */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/config.h"
#include "util/log.h"
#include "http/route.h"
#include "http/server.h"
#include "util/timefmt.h"
#include "util/tmpl.h"

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
		return 1;
	}
	if (route_table_check(routes) != 0) {
		log_msg("the route table breaks its rules (route.h): not starting");
		return 1;
	}
	if (tmpl_init(cfg.templates) < 0) {
		log_msg("templates in %s failed to load", cfg.templates);
		return 1;
	}
	/* Block the stop signals in every thread; server_run waits for them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (FCGX_Init() != 0 || (fd = server_listen(&cfg)) < 0)
		return 1;
	rc = server_run(&cfg, fd);
	if (fd != 0)
		unlink(cfg.socket);
	config_free(&cfg);
	log_msg("stopped");
	return rc;
}
