/* formguard.h: the cross-site protection of the public forms, which keeps the pages holding them cacheable.
 *
 * A public page with a form is the same for every visitor, so it cannot carry
 * a per-visitor token. Instead a POST of a public form (route flag R_FORM) must
 *   1. come from the site itself: Origin equal to the site's origin, or without
 *      Origin a Sec-Fetch-Site of "same-origin" (as the desk's forms);
 *   2. carry the form cookie FORM_COOKIE: 32 random bytes as hex, set with
 *      SameSite=Strict when a page with a form is sent to a browser that does
 *      not have it (route flag R_FORMPAGE: such a request is answered fresh and
 *      never kept in the page cache, so no copy holds a Set-Cookie). A browser
 *      never sends a SameSite=Strict cookie with a post started by another site;
 *   3. not reuse a token: a successful post spends its token (its hash is kept
 *      for a day) and the answer sets a new one, so a captured post sent again
 *      is refused;
 *   4. stay under the rate limit of posts per client address and hour.
 * docs/architecture.md tells the same. */
#ifndef HC_HTTP_FORMGUARD_H
#define HC_HTTP_FORMGUARD_H

#include <stdbool.h>

#include "http/req.h"

#define FORM_COOKIE "hcform"
#define FORM_COOKIE_SECS 86400

/* True when the request carries a well-formed form cookie. */
bool form_cookie_present(const struct req *r);
/* Adds a Set-Cookie header with a new form token. */
void form_cookie_set(struct req *r);

/* The guard of R_FORM routes, run before the handler: checks the origin (403),
 * reads the urlencoded body (400/413/415), and counts the post against the
 * rate limit (429). Returns 0 to go on, or -1 after it has answered. */
int form_guard(struct req *r);

enum form_token {
	FT_OK,          /* present and not used before; its hash is in the out value */
	FT_MISSING,     /* no well-formed form cookie */
	FT_SPENT,       /* used by an earlier successful post */
	FT_ERROR,       /* database */
};
/* Checks the request's form cookie; writes its hash (65 bytes) into hash. */
enum form_token form_token_check(struct req *r, char *hash);
/* Spends the token whose hash is hash (inside the caller's transaction) and
 * sets a new cookie on the answer. Returns 0 or -1. */
int form_token_spend(struct req *r, const char *hash);

#endif
