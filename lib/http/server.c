/* server.c: FastCGI workers, one SQLite connection each, and a clean shutdown. */
#include "http/server.h"

#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"
#include "store/registrations.h"
#include "util/config.h"
#include "store/formkeys.h"
#include "store/logins.h"
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
	struct pagecache pages;
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

/* A peer (only nginx can reach the socket) that stops sending or reading in
 * the middle of a request gives up the worker after this many seconds. */
#define FCGI_IO_TIMEOUT_SECS 30

static void set_io_timeout(int fd)
{
	struct timeval tv = { FCGI_IO_TIMEOUT_SECS, 0 };

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct arena a = { 0 };
	FCGX_Request fr;

	FCGX_InitRequest(&fr, w->fd, 0);
	while (FCGX_Accept_r(&fr) >= 0) {
		struct req r = {
			.a = &a, .cfg = w->cfg, .db = w->db, .io = &fr,
			.pages = w->cfg->page_cache_bytes ? &w->pages : NULL,
			.write = fcgi_write, .read = fcgi_read,
		};

		set_io_timeout(fr.ipcFd);
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

/* The housekeeping timer: every HOUSEKEEP_SECS (and once at start) old login
 * records, form keys and registrations past their retention are purged, on a
 * connection of its own. */
#define HOUSEKEEP_SECS 600
static pthread_mutex_t keep_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t keep_cv = PTHREAD_COND_INITIALIZER;
static bool keep_stop;

struct keeper {
	struct db *db;
	const struct config *cfg;
};

static void *housekeeper(void *arg)
{
	const struct keeper *k = arg;
	struct db *db = k->db;
	struct timespec until;

	pthread_mutex_lock(&keep_mu);
	while (!keep_stop) {
		pthread_mutex_unlock(&keep_mu);
		db_login_purge(db);
		db_form_keys_purge(db);
		if (registrations_purge(db, time(NULL), k->cfg->registration_days, "automatiskt") < 0)
			log_msg("purge of old registrations failed");
		pthread_mutex_lock(&keep_mu);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += HOUSEKEEP_SECS;
		while (!keep_stop && pthread_cond_timedwait(&keep_cv, &keep_mu, &until) == 0)
			;
	}
	pthread_mutex_unlock(&keep_mu);
	return NULL;
}

static void housekeeper_stop(pthread_t t)
{
	pthread_mutex_lock(&keep_mu);
	keep_stop = true;
	pthread_cond_signal(&keep_cv);
	pthread_mutex_unlock(&keep_mu);
	pthread_join(t, NULL);
}

int server_preflight(const struct config *cfg)
{
	static const char sql_version[] = "SELECT max(version) FROM schema_migrations";
	sqlite3_stmt *st = NULL;
	struct stat sb;
	sqlite3 *h = NULL;
	int rc = -1;

	if (stat(cfg->database, &sb) < 0) {
		log_msg("database %s is missing: run hcadmin migrate first", cfg->database);
		return -1;
	}
	if (sb.st_mode & 077) {
		log_msg("database %s has mode %04o, readable by others: chmod 0600 it",
		    cfg->database, (unsigned)(sb.st_mode & 07777));
		return -1;
	}
	if (sqlite3_open_v2(cfg->database, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, sql_version, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) < 1)
		log_msg("database %s is not a usable hcweb database (%s): restore a backup "
		    "(hcadmin restore FILE)", cfg->database, h ? sqlite3_errmsg(h) : "out of memory");
	else if (stat(cfg->uploads, &sb) == 0 && access(cfg->uploads, R_OK | W_OK | X_OK) < 0)
		log_msg("uploads folder %s is not readable and writable by hcweb", cfg->uploads);
	else
		rc = 0;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
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
	struct db *keep_db = db_open(cfg->database);
	struct keeper k = { keep_db, cfg };
	int i, started = 0, sig;
	pthread_t keeper;
	bool keeping;
	sigset_t set;

	if (w == NULL || keep_db == NULL) {
		free(w);
		db_close(keep_db);
		return 1;
	}
	keeping = pthread_create(&keeper, NULL, housekeeper, &k) == 0;
	for (i = 0; i < cfg->workers; i++) {
		w[i] = (struct worker){ .cfg = cfg, .fd = fd };
		w[i].pages.limit = cfg->page_cache_bytes;
		if ((w[i].db = db_open(cfg->database)) == NULL ||
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
	if (keeping)
		housekeeper_stop(keeper);
	db_close(keep_db);
	free(w);
	return started == cfg->workers ? 0 : 1;
}
