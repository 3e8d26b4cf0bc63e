/* mediafile.c: content type by libmagic, and upload files written atomically under the uploads folder. */
#include "site/mediafile.h"

#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/log.h"

/* One cookie for the process: libmagic cookies are not thread-safe, so every
 * use holds the mutex. Uploads are rare; the wait does not matter. */
static pthread_mutex_t magic_lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t cookie;

void media_detect(const char *data, size_t len, char *buf, size_t n)
{
	const char *t = NULL;

	buf[0] = '\0';
	pthread_mutex_lock(&magic_lock);
	if (cookie == NULL && (cookie = magic_open(MAGIC_MIME_TYPE)) != NULL &&
	    magic_load(cookie, NULL) != 0) {
		log_msg("libmagic: cannot load its database: %s", magic_error(cookie));
		magic_close(cookie);
		cookie = NULL;
	}
	if (cookie != NULL && (t = magic_buffer(cookie, data, len)) == NULL)
		log_msg("libmagic: %s", magic_error(cookie));
	if (t != NULL)
		snprintf(buf, n, "%s", t);
	pthread_mutex_unlock(&magic_lock);
}

/* Writes all of data to fd, then fsyncs. Returns 0 or -1. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return fsync(fd);
}

int media_store(const char *dir, const char *ext, const char *data, size_t len,
    char *name, size_t n)
{
	unsigned char rnd[MEDIA_NAME_HEX / 2];
	char hex[MEDIA_NAME_HEX + 1], tmp[4096], dst[4096];
	int fd, rc = -1;

	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	if ((size_t)snprintf(name, n, "%s.%s", hex, ext) >= n ||
	    (size_t)snprintf(tmp, sizeof tmp, "%s/.tmp-%s", dir, hex) >= sizeof tmp ||
	    (size_t)snprintf(dst, sizeof dst, "%s/%s", dir, name) >= sizeof dst)
		return -1;
	if (mkdir(dir, 0750) < 0 && errno != EEXIST) {   /* modes: docs/deploy.md */
		log_msg("uploads: cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) < 0) {
		log_msg("uploads: cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	fchmod(fd, 0640);   /* whatever the umask, nginx (group hcweb) must read it */
	/* On disk before it gets its name: a crash or a full disk leaves a
	 * .tmp- file at most, never a half file under a real name. */
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0)
		log_msg("uploads: cannot write %s: %s", tmp, strerror(errno));
	else if (rename(tmp, dst) < 0)
		log_msg("uploads: cannot rename to %s: %s", dst, strerror(errno));
	else
		rc = 0;
	close(fd);
	if (rc < 0)
		unlink(tmp);
	return rc;
}

int media_unlink(const char *dir, const char *name)
{
	char path[4096];

	if (strchr(name, '/') != NULL ||
	    (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return -1;
	if (unlink(path) < 0 && errno != ENOENT) {
		log_msg("uploads: cannot remove %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
