/* collate.h: Swedish alphabetical order (Å, Ä, Ö after Z), for SQLite's COLLATE swedish. */
#ifndef HC_UTIL_COLLATE_H
#define HC_UTIL_COLLATE_H

#include <stddef.h>

/* Compares two UTF-8 strings the Swedish way: letters case-insensitively, with
 * å ä ö after z (æ as ä, ø as ö, ü as y, other accented Latin letters as their
 * base letter); digits before letters, spaces and punctuation before digits.
 * Strings equal by those rules are ordered by their bytes. Invalid UTF-8 bytes
 * sort after every letter. Returns <0, 0 or >0. The "swedish" collation. */
int collate_sv(const char *a, size_t alen, const char *b, size_t blen);

#endif
