/* formonce.c: R_ONCE: a create form submitted twice makes one thing, and the second submit goes to it. */
#include <string.h>

#include "http/request.h"
#include "http/response.h"
#include "http/route.h"
#include "store/formkeys.h"
#include "util/log.h"

/* True for a key of the form we hand out: 64 lower-case hex digits. */
static bool key_shape(const char *k)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((k[i] >= '0' && k[i] <= '9') || (k[i] >= 'a' && k[i] <= 'f')))
			return false;
	return k[64] == '\0';
}

/* The answer when the key cannot be checked (the database is busy or failing). */
static void form_once_fail(struct req *r)
{
	r->error_message = "Formuläret kunde inte tas emot just nu. Gå tillbaka, vänta en "
	    "stund och skicka det igen.";
	resp_error(r, 503, "form key: database");
}

/* The key's claim, the handler's writes and the target are one transaction:
 * a crash or an error leaves neither the thing nor a used key, and a second
 * submit waits (busy timeout) for the first to commit, then finds its target. */
int form_once_begin(struct req *r)
{
	const char *key = req_form(r, "form_key"), *target;
	int rc;

	if (key == NULL || !key_shape(key))
		return 0;          /* a form without a key is created as before */
	if (db_begin(r->db) < 0) {
		form_once_fail(r);
		return -1;
	}
	if ((rc = db_form_key_claim(r->db, r->a, key, &target)) == 1) {
		r->form_key = key;
		return 0;
	}
	db_rollback(r->db);
	if (rc == 0 && target[0] != '\0') {
		log_msg("form sent twice to %s: the second goes to %s", r->path, target);
		resp_redirect(r, target);
	} else {
		form_once_fail(r);
	}
	return -1;
}

int form_once_commit(struct req *r, const char *location)
{
	const char *key = r->form_key;

	if (key == NULL)
		return 0;
	r->form_key = NULL;
	if (db_form_key_done(r->db, key, location) == 0 && db_commit(r->db) == 0)
		return 0;
	db_rollback(r->db);
	return -1;
}

void form_once_end(struct req *r)
{
	if (r->form_key == NULL)
		return;
	r->form_key = NULL;
	db_rollback(r->db);   /* nothing was made: the key may come again */
}
