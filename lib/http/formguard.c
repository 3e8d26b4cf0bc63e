/* formguard.c: same origin, a SameSite=Strict form cookie spent on success, and a rate limit for the public forms. */
#include "http/formguard.h"

#include <string.h>
#include <time.h>

#include "site/auth.h"
#include "store/formposts.h"
#include "util/config.h"
#include "util/log.h"
#include "http/request.h"
#include "http/response.h"

static bool is_token(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != AUTH_TOKEN_HEX - 1)
		return false;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

bool form_cookie_present(const struct req *r)
{
	return is_token(req_cookie(r, FORM_COOKIE));
}

void form_cookie_set(struct req *r)
{
	char token[AUTH_TOKEN_HEX];
	const char *secure = strncmp(r->cfg->site_url, "https://", 8) == 0 ? "; Secure" : "";

	auth_random_hex(token);
	resp_header(r, "Set-Cookie", arena_printf(r->a,
	    "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
	    FORM_COOKIE, token, FORM_COOKIE_SECS, secure));
}

int form_guard(struct req *r)
{
	int rc;

	r->no_store = true;
	if (!auth_same_origin(r->cfg->site_url, r->origin, r->sec_fetch_site)) {
		resp_error(r, 403, "public form: cross-origin POST (Origin %s, Sec-Fetch-Site %s)",
		    r->origin ? r->origin : "-", r->sec_fetch_site ? r->sec_fetch_site : "-");
		return -1;
	}
	if ((rc = request_read_form(r)) != 0) {
		resp_error(r, rc, "public form unreadable");
		return -1;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "public form: rate limit: database busy");
		return -1;
	}
	rc = db_form_post_allowed(r->db, r->remote_addr ? r->remote_addr : "",
	    time(NULL), r->cfg->form_posts_per_hour);
	if (rc < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "public form: rate limit: database");
		return -1;
	}
	if (rc == 0) {
		r->error_message = "Du har skickat många formulär på kort tid. "
		    "Vänta en stund och försök sedan igen.";
		resp_error(r, 429, "public form: rate limit for %s", r->remote_addr ? r->remote_addr : "-");
		return -1;
	}
	return 0;
}

enum form_token form_token_check(struct req *r, char *hash)
{
	const char *token = req_cookie(r, FORM_COOKIE);
	int rc;

	hash[0] = '\0';
	if (!is_token(token))
		return FT_MISSING;
	auth_token_hash(token, hash);
	if ((rc = db_form_token_spent(r->db, hash)) < 0)
		return FT_ERROR;
	return rc ? FT_SPENT : FT_OK;
}

int form_token_spend(struct req *r, const char *hash)
{
	if (db_form_token_spend(r->db, hash, time(NULL)) < 0)
		return -1;
	form_cookie_set(r);
	return 0;
}
