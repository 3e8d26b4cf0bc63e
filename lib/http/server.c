/* server.c: FastCGI workers, one SQLite connection each, and a clean shutdown. */
#include "http/server.h"

#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/db.h"
#include "store/stamp.h"
#include "util/log.h"
#include "http/pagecache.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

struct worker {
	pthread_t thread;
	const struct config *cfg;
	int fd;
	struct db *db;
	struct pagecache pages;        /* whole pages and documents (http/pagecache.h) */
	struct stamp_memo memo;        /* the store's derived values (store/stamp.h) */
};

/* io is the FCGX_Request: responses go to its out stream, bodies come from in. */
static size_t fcgi_write(void *io, const char *buf, size_t len)
{
	return FCGX_PutStr(buf, (int)len, ((FCGX_Request *)io)->out) < 0 ? 0 : len;
}

static size_t fcgi_read(void *io, char *buf, size_t len)
{
	int n = FCGX_GetStr(buf, len > 65536 ? 65536 : (int)len,
	    ((FCGX_Request *)io)->in);

	return n > 0 ? (size_t)n : 0;
}

static const char *fcgi_param(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

/* One request from start to finish: parse, dispatch, answer errors. */
static void handle(struct req *r, FCGX_Request *fr)
{
	int status = request_parse(r, fcgi_param, fr);

	if (status != 0)
		resp_error(r, status, "malformed request");
	else
		route_dispatch(r);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct arena a = { 0 };
	FCGX_Request fr;

	FCGX_InitRequest(&fr, w->fd, 0);
	while (FCGX_Accept_r(&fr) >= 0) {
		struct req r = {
			.a = &a, .cfg = w->cfg, .db = w->db, .io = &fr, .pages = &w->pages,
			.write = fcgi_write, .read = fcgi_read,
		};

		handle(&r, &fr);
		req_finish(&r);
		FCGX_Finish_r(&fr);
		arena_reset(&a);
	}
	FCGX_Free(&fr, 1);
	pagecache_free(&w->pages);
	arena_free(&a);
	return NULL;
}

int server_listen(const struct config *cfg)
{
	struct stat st;
	int fd;

	if (fstat(0, &st) == 0 && S_ISSOCK(st.st_mode))
		return 0;
	if ((fd = FCGX_OpenSocket(cfg->socket, 128)) < 0) {
		log_msg("cannot listen on %s", cfg->socket);
		return -1;
	}
	if (chmod(cfg->socket, (mode_t)cfg->socket_mode) < 0)
		log_msg("cannot chmod %s", cfg->socket);
	return fd;
}

int server_run(const struct config *cfg, int fd)
{
	struct worker *w = calloc((size_t)cfg->workers, sizeof *w);
	int i, started = 0, sig;
	sigset_t set;

	if (w == NULL)
		return 1;
	for (i = 0; i < cfg->workers; i++) {
		w[i] = (struct worker){ .cfg = cfg, .fd = fd };
		if ((w[i].db = db_open(cfg->database)) != NULL)
			stamp_attach(w[i].db, &w[i].memo);
		if (w[i].db == NULL ||
		    pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			break;
		started++;
	}
	if (started == cfg->workers) {
		log_msg("listening with %d workers", started);
		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigwait(&set, &sig);
		log_msg("signal %d: finishing requests in flight", sig);
	}
	FCGX_ShutdownPending();
	shutdown(fd, SHUT_RDWR);
	for (i = 0; i < started; i++)
		pthread_join(w[i].thread, NULL);
	for (i = 0; i < cfg->workers; i++)
		db_close(w[i].db);
	free(w);
	return started == cfg->workers ? 0 : 1;
}
