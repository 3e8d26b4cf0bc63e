/* spool.c: the embedded default transport: each message becomes a complete .eml file in a folder. */
#include "net/deliver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Makes dir and its parents (mode 0750). Returns 0 or -1 with errno. */
static int mkdirs(const char *dir)
{
	char buf[4096];
	size_t i, n = strlen(dir);

	if (n == 0 || n >= sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, dir, n + 1);
	for (i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0750) < 0 && errno != EEXIST)
			return -1;
		buf[i] = dir[i];
	}
	return 0;
}

static void refuse(char *out, size_t n, const char *dir, int err)
{
	snprintf(out, n, "Utkorgen %s går inte att skriva i: %s", dir, strerror(err));
}

int spool_ready(const char *dir, char *err, size_t n)
{
	if (mkdirs(dir) < 0 || access(dir, W_OK | X_OK) < 0) {
		refuse(err, n, dir, errno);
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Writes a hidden temporary file, syncs it, and renames it into place: the
 * .eml appears whole or not at all. */
enum deliver_result spool_write(const char *dir, const char *msg, size_t len, long long id,
    const struct accept_hook *hook, char *reply)
{
	char tmp[4200], final[4200], stamp[20];
	struct tm tm;
	time_t now = time(NULL);
	int fd, e;

	if (spool_ready(dir, reply, DELIVER_REPLY_MAX + 1) < 0)
		return DELIVER_TEMP;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	snprintf(tmp, sizeof tmp, "%s/.%lld.tmp", dir, id);
	snprintf(final, sizeof final, "%s/%s-%06lld.eml", dir, stamp, id);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640)) < 0) {
		refuse(reply, DELIVER_REPLY_MAX + 1, dir, errno);
		return DELIVER_TEMP;
	}
	if (write_all(fd, msg, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		refuse(reply, DELIVER_REPLY_MAX + 1, dir, e);
		return DELIVER_TEMP;
	}
	close(fd);
	if (rename(tmp, final) < 0) {
		e = errno;
		unlink(tmp);
		refuse(reply, DELIVER_REPLY_MAX + 1, dir, e);
		return DELIVER_TEMP;
	}
	snprintf(reply, DELIVER_REPLY_MAX + 1, "250 sparat som %s", strrchr(final, '/') + 1);
	if (hook != NULL)
		hook->fn(hook->arg, reply);
	return DELIVER_OK;
}
