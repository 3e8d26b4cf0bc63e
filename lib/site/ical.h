/* ical.h: calendar files (RFC 5545) of events, times in Europe/Stockholm. */
#ifndef HC_SITE_ICAL_H
#define HC_SITE_ICAL_H

#include <stddef.h>

#include "util/abuf.h"
#include "util/arena.h"
#include "site/eventfmt.h"

/* Returns s with "\" ";" "," escaped and newlines as "\n" (CR dropped), the
 * form of a TEXT value. In a. */
char *ical_escape(struct arena *a, const char *s);
/* Appends the content line s (n bytes) to b, folded so that no line exceeds 75
 * octets (continuations start with a space) without splitting a UTF-8
 * character, each line ended by CRLF. */
void ical_fold(struct abuf *b, const char *s, size_t n);
/* Writes a VCALENDAR named name holding the n events ev, with the
 * Europe/Stockholm VTIMEZONE, to b. site_url (no trailing slash) gives each
 * event its URL and the host of its stable UID. */
void ical_calendar(struct abuf *b, const char *site_url, const char *name,
    const struct event *ev, size_t n);

#endif
