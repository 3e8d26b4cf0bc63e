/* utf8.h: strict UTF-8 validation. */
#ifndef HC_UTIL_UTF8_H
#define HC_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8: no overlong forms, no surrogates,
 * nothing above U+10FFFF, and no NUL byte. */
bool utf8_valid(const char *s, size_t n);
/* True when s is valid UTF-8 and holds no control characters other than
 * tab, LF and CR (the test for free text fields). */
bool utf8_text_ok(const char *s, size_t n, bool allow_newlines);
/* Number of characters in s[0..n) (s valid UTF-8): bytes that do not
 * continue a character. Pure. */
size_t utf8_chars(const char *s, size_t n);

/* Lowercases s[0..n) in place for search: ASCII A-Z and the Latin-1 capitals
 * U+00C0..U+00DE (Å, Ä, Ö, É, Ü ...) except U+00D7; other bytes stay. The
 * length never changes. */
void utf8_lower_sv(char *s, size_t n);

#endif
