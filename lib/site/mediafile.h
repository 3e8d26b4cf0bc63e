/* mediafile.h: library files on disk: the type libmagic finds, atomic writes, removal. */
#ifndef HC_SITE_MEDIAFILE_H
#define HC_SITE_MEDIAFILE_H

#include <stddef.h>

#include "site/mediarules.h"

/* The MIME type libmagic finds in data (MAGIC_MIME_TYPE), copied into buf;
 * "" when libmagic fails. Thread-safe: the one magic cookie is opened on
 * first use and used under a mutex. */
void media_detect(const char *data, size_t len, char *buf, size_t n);
/* Writes data to dir/<32 random hex>.<ext> through a temp file, fsync and
 * rename (mode 0644; dir is created when missing). The new name goes into
 * name (at least MEDIA_NAME_HEX + 6 bytes). Returns 0 or -1 (logged). */
int media_store(const char *dir, const char *ext, const char *data, size_t len,
    char *name, size_t n);
/* Removes dir/name. Returns 0 or -1 (logged). */
int media_unlink(const char *dir, const char *name);

#endif
