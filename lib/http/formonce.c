/* formonce.c: R_ONCE: a create form submitted twice makes one thing, and the second submit goes to it. */
#include <string.h>
#include <time.h>

#include "http/request.h"
#include "http/response.h"
#include "http/route.h"
#include "store/formkeys.h"
#include "util/log.h"

/* How long a second submit waits for the first one to finish. */
#define WAIT_STEPS 30
#define WAIT_STEP_NS 100000000L

/* True for a key of the form we hand out: 64 lower-case hex digits. */
static bool key_shape(const char *k)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((k[i] >= '0' && k[i] <= '9') || (k[i] >= 'a' && k[i] <= 'f')))
			return false;
	return k[64] == '\0';
}

int form_once_begin(struct req *r)
{
	const char *key = req_form(r, "form_key"), *target;
	struct timespec step = { 0, WAIT_STEP_NS };
	int i, rc;

	if (key == NULL || !key_shape(key))
		return 0;          /* a form without a key is created as before */
	for (i = 0; i < WAIT_STEPS; i++) {
		if ((rc = db_form_key_claim(r->db, r->a, key, &target)) == 1) {
			r->form_key = key;
			return 0;
		}
		if (rc < 0) {
			resp_error(r, 500, "form key");
			return -1;
		}
		if (target[0] != '\0') {
			log_msg("form sent twice to %s: the second goes to %s", r->path, target);
			resp_redirect(r, target);
			return -1;
		}
		nanosleep(&step, NULL);   /* the first submit is still being saved */
	}
	r->error_message = "Formuläret har redan skickats och sparas just nu. "
	    "Gå till listan för att se det.";
	resp_error(r, 409, "form sent twice to %s, first still running", r->path);
	return -1;
}

void form_once_end(struct req *r)
{
	if (r->form_key == NULL)
		return;
	if (r->status == 303 && r->location != NULL)
		db_form_key_done(r->db, r->form_key, r->location);
	else
		db_form_key_forget(r->db, r->form_key);   /* nothing was made: the key may come again */
}
