/* log.h: one-line log messages on stderr for the admin; never shown to readers. */
#ifndef HC_UTIL_LOG_H
#define HC_UTIL_LOG_H

/* Writes "YYYY-MM-DDTHH:MM:SSZ hcweb: message" to stderr in one write. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
