/* server.h: the FastCGI side: worker threads around FCGX_Accept_r. */
#ifndef HC_HTTP_SERVER_H
#define HC_HTTP_SERVER_H

#include "util/config.h"

/* Opens the listening socket: fd 0 when it is a socket (started by a
 * supervisor), else cfg->socket with mode cfg->socket_mode. Returns the fd or -1. */
int server_listen(const struct config *cfg);
/* Checks before the workers start: the database exists, is readable by its
 * owner only and holds a migrated schema; the uploads folder, when present,
 * is usable. Logs one line saying what is wrong. Returns 0 or -1. */
int server_preflight(const struct config *cfg);
/* Runs cfg->workers threads answering requests on fd until SIGTERM or SIGINT,
 * lets requests in flight finish, and returns 0 (1 when the workers could not
 * start). Signals must be blocked by the caller before it is called. */
int server_run(const struct config *cfg, int fd);

#endif
