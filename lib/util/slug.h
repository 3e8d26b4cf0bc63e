/* slug.h: URL slugs from Swedish titles. */
#ifndef HC_UTIL_SLUG_H
#define HC_UTIL_SLUG_H

#include <stdbool.h>
#include <stddef.h>

#define SLUG_MAX 80

/* Writes a slug of title into buf (size n, at least SLUG_MAX + 1): lower case
 * ASCII letters, digits and single hyphens, no hyphen first or last; å ä → a,
 * ö → o, é è → e, ü → u and other Latin-1 letters to their base letter; other
 * characters become hyphens. At most SLUG_MAX bytes, cut at a hyphen when it can.
 * Returns the length; 0 when nothing is left (the caller picks a fallback). */
size_t slug_make(const char *title, char *buf, size_t n);
/* True when s is a well-formed slug as slug_make writes it (1..SLUG_MAX bytes). */
bool slug_valid(const char *s);

#endif
