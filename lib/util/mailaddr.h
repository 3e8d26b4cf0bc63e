/* mailaddr.h: the checks every e-mail address and header value passes before a message is made. */
#ifndef HC_UTIL_MAILADDR_H
#define HC_UTIL_MAILADDR_H

#include <stdbool.h>
#include <stddef.h>

#define MAIL_ADDR_MAX 254        /* RFC 5321: a path of 256 octets with its <> */
#define MAIL_LOCAL_MAX 64
#define MAIL_LABEL_MAX 63
#define MAIL_HEADER_MAX 900      /* one header value, before RFC 2047 encoding */
#define MAIL_NAME_MAX 200        /* a display name */

/* Why a value was refused; 0 is accepted. */
enum mailaddr_err {
	MA_OK = 0,
	MA_EMPTY,            /* nothing given */
	MA_LONG,             /* over the length limit */
	MA_CONTROL,          /* CR, LF, NUL or another control character */
	MA_SYNTAX,           /* not local@domain of the accepted form */
	MA_UTF8,             /* not valid UTF-8 */
};

/* Checks an address of the form local@domain (RFC 5321 Mailbox without
 * quoted local parts or address literals): local part of atext characters in
 * dot-separated atoms, at most 64 octets; domain of two or more labels of
 * letters, digits and inner hyphens, each at most 63 octets, the last not all
 * digits; at most 254 octets in all. ASCII only (IDN domains as xn--). Pure.
 * Returns MA_OK or the reason. */
enum mailaddr_err mailaddr_check(const char *s);
/* Checks a header value (subject, display name ...) of at most max bytes:
 * valid UTF-8 without CR, LF, NUL or other control characters except tab.
 * Pure. Returns MA_OK or the reason. */
enum mailaddr_err mail_header_check(const char *s, size_t max);
/* True when s is a header field name: 1..76 of the printable ASCII
 * characters except ':' and space (RFC 5322 ftext). */
bool mail_header_name_ok(const char *s);

#endif
